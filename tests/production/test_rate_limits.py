"""Search and the calendar feeds answer 429 with a Russian page past their limit per client, and only then."""

import pytest
from django.core.cache import cache
from django.test import override_settings

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    yield
    cache.clear()


@override_settings(RATE_LIMITS={"search": 3, "feeds": 2})
@pytest.mark.parametrize(
    ("url", "limit"), [("/search/?q=сказки", 3), ("/events/calendar.ics", 2), ("/events/feed/", 2)]
)
def test_past_the_limit_a_client_gets_429_in_russian_with_retry_after(client, url, limit):
    for _ in range(limit):
        assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    assert "Слишком много запросов" in response.content.decode()
    assert 0 < int(response["Retry-After"]) <= 60


@override_settings(RATE_LIMITS={"search": 2, "feeds": 2})
def test_each_client_has_its_own_count_and_other_pages_are_not_limited(client):
    for _ in range(2):
        client.get("/search/?q=а", REMOTE_ADDR="10.0.0.1")
    assert client.get("/search/?q=а", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/search/?q=а", REMOTE_ADDR="10.0.0.2").status_code == 200
    for _ in range(5):
        assert client.get("/events/", REMOTE_ADDR="10.0.0.1").status_code == 200


@override_settings(RATE_LIMITS={"search": 1}, BEHIND_PROXY=True)
def test_behind_a_proxy_the_forwarded_client_is_counted(client):
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.1").status_code == 200
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="203.0.113.5, 10.0.0.1").status_code == 429
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="203.0.113.6, 10.0.0.1").status_code == 200
