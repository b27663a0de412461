import pytest
from django.urls import reverse

from tests.factories import (
    AgreementFactory,
    ContestFactory,
    EventFactory,
    ExhibitionFactory,
    LibraryFactory,
    ProjectFactory,
)

pytestmark = pytest.mark.django_db


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_staff_pages(client):
    response = client.get(reverse("site:robots"))

    assert response["Content-Type"] == "text/plain; charset=utf-8"
    body = response.content.decode()
    assert "Sitemap: http://testserver/sitemap.xml" in body
    for path in ("/admin/", "/staff/", "/reports/"):
        assert f"Disallow: {path}" in body


def test_sitemap_lists_published_events_and_projects_only(client):
    event = EventFactory()
    draft = EventFactory(is_published=False)
    project = ProjectFactory()
    draft_project = ProjectFactory(is_published=False)

    body = client.get(reverse("site:sitemap")).content.decode()

    assert f"http://testserver/events/{event.slug}/" in body
    assert f"http://testserver/projects/{project.slug}/" in body
    assert draft.slug not in body
    assert draft_project.slug not in body
    assert "<loc>http://testserver/</loc>" in body
    assert "<loc>http://testserver/telebridges/</loc>" in body


def test_sitemap_leaves_out_other_sections_drafts(client):
    draft_exhibition = ExhibitionFactory(is_published=False)
    draft_contest = ContestFactory(is_published=False)

    body = client.get(reverse("site:sitemap")).content.decode()

    assert draft_exhibition.slug not in body
    assert draft_contest.slug not in body


def test_sitemap_includes_published_pages_of_the_other_sections(client):
    exhibition = ExhibitionFactory()
    contest = ContestFactory()
    partner = LibraryFactory()
    agreement = AgreementFactory(partner=partner)
    hidden = AgreementFactory(is_public=False)

    body = client.get(reverse("site:sitemap")).content.decode()

    assert f"http://testserver{exhibition.get_absolute_url()}" in body
    assert f"http://testserver{contest.get_absolute_url()}" in body
    assert f"http://testserver{partner.get_absolute_url()}" in body
    assert f"<loc>http://testserver{agreement.get_absolute_url()}</loc>" in body
    assert f"<loc>http://testserver{hidden.get_absolute_url()}</loc>" not in body
    assert f"http://testserver{agreement.host.get_absolute_url()}" not in body
