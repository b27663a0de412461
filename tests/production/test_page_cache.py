"""Readers' pages come from the cache and revalidate by ETag; any change staff make shows at once."""

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext

from events.models import Event
from tests.factories import EventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache")]


@pytest.fixture
def page_cache(mid_minute):
    cache.clear()
    with override_settings(PAGE_CACHE=True):
        yield
    cache.clear()


def _get(client, url="/events/", **headers):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, **headers)
    return response, len(queries)


def test_a_readers_second_visit_is_served_from_the_cache_without_a_query(client):
    EventFactory(title="Телемост с Хабаровском")
    first, first_queries = _get(client)
    second, second_queries = _get(client)
    assert first["X-Page-Cache"] == "miss" and second["X-Page-Cache"] == "hit"
    assert first_queries > 0 and second_queries == 0
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "Телемост с Хабаровском" in second.content.decode()


def test_a_browser_holding_the_page_gets_304(client):
    EventFactory()
    etag = client.get("/events/")["ETag"]
    response = client.get("/events/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 304
    assert response["ETag"] == etag


def test_a_change_saved_by_staff_shows_at_once(client):
    event = EventFactory(title="Старое название")
    etag = client.get("/events/")["ETag"]
    event.title = "Новое название"
    event.save()
    response = client.get("/events/", HTTP_IF_NONE_MATCH=etag)
    assert response.status_code == 200
    assert "Новое название" in response.content.decode()


def test_a_bulk_change_through_the_admin_shows_at_once(client, admin_client):
    """Admin actions update in bulk (no signals): any form staff send makes the cached pages stale too."""
    event = EventFactory(title="Черновик вебинара", is_published=False)
    assert "Черновик вебинара" not in client.get("/events/").content.decode()
    admin_client.post(
        "/admin/events/event/", {"action": "publish", "_selected_action": [event.pk], "index": 0}, follow=True
    )
    assert Event.objects.get(pk=event.pk).is_published
    assert "Черновик вебинара" in client.get("/events/").content.decode()


def test_each_low_vision_setting_and_each_query_is_its_own_page(client):
    EventFactory()
    plain = client.get("/events/")
    client.cookies["lv_font"] = "xlarge"
    large = client.get("/events/")
    assert large["X-Page-Cache"] == "miss"
    assert large.content != plain.content
    assert client.get("/events/?format=online")["X-Page-Cache"] == "miss"


def test_nothing_is_cached_for_logged_in_staff(admin_client):
    EventFactory()
    for _ in range(2):
        response = admin_client.get("/events/")
        assert "X-Page-Cache" not in response


def test_a_page_with_a_csrf_token_or_a_cookie_is_not_kept(rf):
    """A CSRF token or a cookie belongs to one reader: such a page is never served to another."""
    from django.http import HttpResponse

    from ops.pagecache import _storable

    request = rf.get("/events/")
    assert _storable(request, HttpResponse("page"))
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    assert not _storable(request, HttpResponse("page with a form"))
    with_cookie = HttpResponse("page")
    with_cookie.set_cookie("lv_font", "large")
    assert not _storable(rf.get("/events/"), with_cookie)


def test_staff_pages_are_never_cached(client):
    user = get_user_model().objects.create_user("reader", password="x")
    client.force_login(user)
    assert "X-Page-Cache" not in client.get("/admin/login/")


@override_settings(ALLOWED_HOSTS=["coopnet.example.org", "old.example.org"])
@pytest.mark.parametrize("url", ["/sitemap.xml", "/events/feed/", "/events/calendar.ics", "/robots.txt"])
def test_each_host_gets_its_own_links(client, url):
    """Absolute links follow the host (and scheme) asked: a page kept for one host is never served to another."""
    EventFactory(title="Телемост с Хабаровском")
    first = client.get(url, HTTP_HOST="coopnet.example.org")
    other = client.get(url, HTTP_HOST="old.example.org")
    assert first.status_code == other.status_code == 200
    assert other["X-Page-Cache"] == "miss"
    assert "old.example.org" in other.content.decode()
    assert "coopnet.example.org" not in other.content.decode()
    secure = client.get(url, HTTP_HOST="old.example.org", secure=True)
    assert secure["X-Page-Cache"] == "miss"
    assert client.get(url, HTTP_HOST="old.example.org")["X-Page-Cache"] == "hit"
