"""With the shared cache (Redis) down or gone mid-run the site degrades and never breaks: pages render from the
database, logins work, rate limits count in the process, the outage is logged once a minute, and caching resumes
by itself when Redis is back."""

import logging
from unittest import mock

import pytest
from django.core.cache import cache, caches
from django.test import override_settings
from django.urls import reverse

from coopnet.settings import cache_from_url
from ops import cache as resilient
from ops import pagecache
from tests.factories import EventFactory, UserFactory
from tests.portal.helpers import partner_user
from tests.production.redis_server import free_port, redis_server  # noqa: F401 — a fixture

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = [
    "/",
    "/events/",
    "/telebridges/",
    "/events/?q=телемост",
    "/search/?q=телемост",
    "/sitemap.xml",
    "/events/feed/",
    "/events/calendar.ics",
    "/partners/",
]


def redis_at(url, **options):
    """The project's own cache settings for REDIS_URL=url (coopnet.settings.cache_from_url)."""
    entry = cache_from_url(url)
    entry["OPTIONS"] = {**entry["OPTIONS"], **options}
    return override_settings(CACHES={"default": entry}, PAGE_CACHE=True)


@pytest.fixture(autouse=True)
def _no_change_left_pending(monkeypatch, mid_minute):
    """A change saved during one test's outage is not replayed into the next test's cache."""
    monkeypatch.setattr(pagecache, "_change_pending", False)


@pytest.fixture
def redis_down():
    """REDIS_URL names a port nothing listens on."""
    with redis_at(f"redis://127.0.0.1:{free_port()}/0"):
        yield


@pytest.mark.usefixtures("redis_down")
@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_render_from_the_database_while_redis_is_down(client, url):
    EventFactory(title="Телемост с Хабаровском")
    response = client.get(url)
    assert response.status_code == 200, url
    assert response.get("X-Page-Cache") != "hit"


@pytest.mark.usefixtures("redis_down")
def test_a_missing_page_is_still_a_404_while_redis_is_down(client):
    assert client.get("/no-such-page/").status_code == 404


@pytest.mark.usefixtures("redis_down")
def test_the_admin_login_works_while_redis_is_down(client):
    UserFactory(username="metodist")
    response = client.post("/admin/login/?next=/admin/", {"username": "metodist", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.usefixtures("redis_down")
def test_the_portal_login_works_while_redis_is_down(client):
    partner_user(username="olga@example.org")
    response = client.post(
        reverse("portal:login"), {"username": "olga@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert client.get(reverse("portal:home")).status_code == 200


@pytest.mark.usefixtures("redis_down")
def test_rate_limits_count_in_the_process_while_redis_is_down(client):
    with override_settings(RATE_LIMITS={"search": 2}):
        for _ in range(2):
            assert client.get("/search/?q=а", REMOTE_ADDR="192.0.2.44").status_code == 200
        assert client.get("/search/?q=а", REMOTE_ADDR="192.0.2.44").status_code == 429
        assert client.get("/search/?q=а", REMOTE_ADDR="192.0.2.45").status_code == 200


@pytest.mark.usefixtures("redis_down")
def test_reads_miss_and_writes_do_nothing_while_redis_is_down():
    assert cache.get("key", "default") == "default"
    assert cache.get_many(["a", "b"]) == {}
    cache.set("key", "value")
    assert cache.add("key", "value") is True
    assert cache.get_or_set("key", "computed") == "computed"
    assert "key" not in cache
    with pytest.raises(ValueError):
        cache.incr("key")
    assert not resilient.is_available(cache)


@pytest.mark.usefixtures("redis_down")
def test_a_dead_server_is_not_tried_again_for_a_few_seconds():
    calls = []
    real_get = resilient.RedisCache.get

    def counting_get(self, *args, **kwargs):
        calls.append(args)
        return real_get(self, *args, **kwargs)

    with mock.patch.object(resilient.RedisCache, "get", counting_get):
        for _ in range(20):
            assert cache.get("key") is None
    assert len(calls) == 1


def test_the_outage_is_logged_when_it_begins_then_once_a_minute(client, caplog):
    clock = [1000.0]
    with (
        redis_at(f"redis://127.0.0.1:{free_port()}/0", RETRY_AFTER=0),
        mock.patch.object(resilient.time, "monotonic", lambda: clock[0]),
        caplog.at_level(logging.WARNING, logger="ops.cache"),
    ):
        for _ in range(10):
            assert client.get("/events/").status_code == 200
            clock[0] += 1
        assert len(caplog.records) == 1
        assert "unavailable" in caplog.records[0].getMessage()
        clock[0] += 60
        client.get("/events/")
        assert len(caplog.records) == 2
        assert "still unavailable" in caplog.records[1].getMessage()


def test_caching_resumes_by_itself_when_redis_comes_back(client, redis_server, caplog):  # noqa: F811
    EventFactory(title="Телемост с Хабаровском")
    clock = [1000.0]
    with (
        redis_at(redis_server.url),
        mock.patch.object(resilient.time, "monotonic", lambda: clock[0]),
        caplog.at_level(logging.WARNING, logger="ops.cache"),
    ):
        caches["default"].clear()
        assert client.get("/events/")["X-Page-Cache"] == "miss"
        assert client.get("/events/")["X-Page-Cache"] == "hit"

        redis_server.stop()  # gone mid-run: the pool holds connections to a server that is no more
        for _ in range(3):
            response = client.get("/events/")
            assert response.status_code == 200
            assert "Телемост с Хабаровском" in response.content.decode()
            assert response["X-Page-Cache"] == "miss"

        redis_server.start()
        clock[0] += resilient.RETRY_AFTER + 1
        assert client.get("/events/")["X-Page-Cache"] == "miss"
        assert client.get("/events/")["X-Page-Cache"] == "hit"
        messages = [record.getMessage() for record in caplog.records]
        assert len(messages) == 2
        assert "unavailable" in messages[0] and "answers again" in messages[1]


def test_a_change_saved_while_redis_was_unreachable_shows_once_it_answers_again(client, redis_server):  # noqa: F811
    """Redis kept its pages through the outage (a network cut, not a restart): the change made meanwhile still
    makes them stale as soon as Redis answers, not only when the minute turns."""
    from redis import Redis
    from redis.exceptions import ConnectionError as RedisConnectionError

    event = EventFactory(title="Старое название")
    clock = [1000.0]
    with redis_at(redis_server.url), mock.patch.object(resilient.time, "monotonic", lambda: clock[0]):
        caches["default"].clear()
        client.get("/events/")
        assert client.get("/events/")["X-Page-Cache"] == "hit"
        with mock.patch.object(Redis, "execute_command", side_effect=RedisConnectionError("cut")):
            event.title = "Новое название"
            event.save()
            assert "Новое название" in client.get("/events/").content.decode()
        clock[0] += resilient.RETRY_AFTER + 1
        response = client.get("/events/")
        assert response["X-Page-Cache"] == "miss"
        assert "Новое название" in response.content.decode()


def test_without_redis_url_each_process_keeps_its_cache_in_memory():
    assert cache_from_url("")["BACKEND"] == "django.core.cache.backends.locmem.LocMemCache"
    assert cache_from_url("redis://127.0.0.1:6379/0")["BACKEND"] == "ops.cache.ResilientRedisCache"
