import pytest
from django.urls import reverse

from tests.factories import EpisodeFactory, LibraryFactory, ProjectFactory

pytestmark = pytest.mark.django_db


def test_project_page_lists_published_episodes_in_order(client):
    project = ProjectFactory(title="Сказки народов Кузбасса")
    library = LibraryFactory(name="Алтайская краевая детская библиотека")
    EpisodeFactory(
        project=project,
        number=2,
        title="Вторая",
        tradition="шорская сказка",
        library=library,
        video_url="https://example.org/v2",
    )
    EpisodeFactory(project=project, number=1, title="Первая")
    EpisodeFactory(project=project, number=3, title="Черновик выпуска", is_published=False)

    response = client.get(reverse("events:project", args=[project.slug]))

    assert response.status_code == 200
    assert [episode.title for episode in response.context["episodes"]] == ["Первая", "Вторая"]
    html = response.content.decode()
    assert "шорская сказка" in html
    assert "Алтайская краевая детская библиотека" in html
    assert 'href="https://example.org/v2"' in html
    assert "Черновик выпуска" not in html
    assert "2 выпуска" in html


def test_draft_project_is_404(client):
    project = ProjectFactory(is_published=False)

    assert client.get(reverse("events:project", args=[project.slug])).status_code == 404
