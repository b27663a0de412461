"""`/healthz` names each part the site depends on, and every page answers the Russian 503 page when the database
cannot be reached."""

from unittest import mock

import pytest
from django.db import InterfaceError, OperationalError
from django.db.backends.utils import CursorWrapper
from django.test import Client, override_settings

from ops import health
from tests.factories import EventFactory
from tests.production.redis_server import free_port
from tests.production.test_cache_outage import redis_at

pytestmark = pytest.mark.django_db
PARTS = {"database", "migrations", "cache", "media"}


def _database_down(error=None):
    error = error or OperationalError("connection refused")
    return mock.patch.object(CursorWrapper, "execute", side_effect=error)


@pytest.fixture
def migrations_unchecked(monkeypatch):
    """As in a process that has not yet seen every migration applied."""
    monkeypatch.setattr(health, "_migrations_applied", False)


def test_healthz_answers_ok_for_each_part(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "ok", "cache": "ok", "media": "ok"}
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_costs_one_query_once_the_migrations_were_seen_applied(client, django_assert_num_queries):
    client.get("/healthz")
    with django_assert_num_queries(1):
        assert client.get("/healthz").status_code == 200


@pytest.mark.usefixtures("migrations_unchecked")
def test_healthz_answers_503_when_a_migration_is_not_applied(client):
    with mock.patch.object(health.MigrationExecutor, "migration_plan", return_value=[("a migration", False)]):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["status"] == "unavailable"
    assert response.json()["migrations"] == "pending"
    assert client.get("/healthz").status_code == 200  # applied now: and remembered


@pytest.mark.parametrize("error", [OperationalError("connection refused"), InterfaceError("connection already closed")])
def test_healthz_answers_503_in_json_when_the_database_is_down(client, error):
    with _database_down(error):
        response = client.get("/healthz", HTTP_ACCEPT="text/html")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {
        "status": "unavailable",
        "database": "unavailable",
        "migrations": "unknown",
        "cache": "ok",
        "media": "ok",
    }


def test_healthz_names_the_cache_when_redis_is_down_and_still_answers_200(client):
    with redis_at(f"redis://127.0.0.1:{free_port()}/0"):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["cache"] == "unavailable"
    assert response.json()["database"] == "ok"


def test_healthz_names_media_that_cannot_be_written(client, settings, tmp_path):
    blocked = tmp_path / "a-file-not-a-directory"
    blocked.write_text("")
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "ops.storage.SafeFileSystemStorage", "OPTIONS": {"location": blocked / "media"}},
    }
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["media"] == "not writable"


@override_settings(SECURE_SSL_REDIRECT=True)
def test_healthz_answers_over_plain_http_when_the_site_redirects_to_https(client):
    assert client.get("/").status_code == 301
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_a_person_gets_a_russian_503_page_when_the_database_is_down(client):
    with _database_down():
        for url in ("/events/", "/"):
            response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml")
            assert response.status_code == 503, url
            assert "Сайт временно недоступен" in response.content.decode(), url


def test_a_probe_gets_one_line_when_the_database_is_down(client):
    with _database_down():
        response = client.get("/events/")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")
    assert response["Retry-After"] == "30"


@override_settings(PAGE_CACHE=True)
def test_a_lost_connection_in_a_middleware_is_a_503_too(admin_user):
    """Someone with a session: the page cache reads it in its middleware, before any view runs."""
    client = Client(raise_request_exception=False)
    client.force_login(admin_user)
    EventFactory()
    with _database_down(InterfaceError("connection already closed")):
        response = client.get("/events/", HTTP_ACCEPT="text/html")
    assert response.status_code == 503
    assert "Сайт временно недоступен" in response.content.decode()


def test_a_programming_error_on_a_working_database_is_still_a_500(client):
    """Only an unreachable database is a 503; "no such table" and the like stay errors to be fixed."""
    middleware = health.DatabaseUnavailableMiddleware(lambda request: None)
    request = mock.Mock(headers={"Accept": "text/html"})
    assert middleware.process_exception(request, OperationalError("no such table: x")) is None
    try:
        raise OperationalError("no such table: x")
    except OperationalError:
        assert health.server_error(request).status_code == 500
