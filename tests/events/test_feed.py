import pytest
from django.urls import reverse

from tests.factories import EventFactory

pytestmark = pytest.mark.django_db


def test_rss_lists_published_events_with_links(client):
    event = EventFactory(title="Встреча с писателем")

    response = client.get(reverse("events:feed"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    body = response.content.decode()
    assert "<title>Встреча с писателем</title>" in body
    assert f"http://testserver/events/{event.slug}/" in body
    assert "10 марта 2030, 14:00" in body


def test_rss_never_contains_drafts(client):
    EventFactory(title="Черновик", is_published=False)

    assert "Черновик" not in client.get(reverse("events:feed")).content.decode()
