"""`/healthz` and the Russian 503 page when the database cannot be reached."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.backends.utils import CursorWrapper

pytestmark = pytest.mark.django_db


def _database_down():
    return mock.patch.object(CursorWrapper, "execute", side_effect=OperationalError("connection refused"))


def test_healthz_answers_200_after_a_database_round_trip(client, django_assert_num_queries):
    with django_assert_num_queries(1):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_healthz_answers_503_in_plain_text_for_a_probe_when_the_database_is_down(client):
    with _database_down():
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response["Content-Type"].startswith("text/plain")
    assert response["Retry-After"] == "30"


def test_a_person_gets_a_russian_503_page_when_the_database_is_down(client):
    with _database_down():
        for url in ("/healthz", "/events/", "/"):
            response = client.get(url, HTTP_ACCEPT="text/html,application/xhtml+xml")
            assert response.status_code == 503, url
            assert "Сайт временно недоступен" in response.content.decode(), url


def test_a_programming_error_on_a_working_database_is_still_a_500(client):
    """Only an unreachable database is a 503; "no such table" and the like stay errors to be fixed."""
    from ops.health import DatabaseUnavailableMiddleware

    middleware = DatabaseUnavailableMiddleware(lambda request: None)
    request = mock.Mock(headers={"Accept": "text/html"})
    assert middleware.process_exception(request, OperationalError("no such table: x")) is None
