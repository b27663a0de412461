"""Text search, the calendar feeds and partners' proposals answer 429 with a Russian page past their limit per
client, and only then; behind proxies the client is the address the trusted proxy saw, whatever the client wrote
into X-Forwarded-For itself."""

import datetime

import pytest
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from ops import ratelimit
from portal.models import Proposal
from tests.factories import UserFactory
from tests.portal.helpers import partner_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def fresh_counters():
    cache.clear()
    ratelimit.local_counters.clear()
    yield
    cache.clear()
    ratelimit.local_counters.clear()


@override_settings(RATE_LIMITS={"search": 3, "feeds": 2})
@pytest.mark.parametrize(
    ("url", "limit"), [("/search/?q=сказки", 3), ("/events/calendar.ics", 2), ("/events/feed/", 2)]
)
def test_past_the_limit_a_client_gets_429_in_russian_with_retry_after(client, url, limit):
    for _ in range(limit):
        assert client.get(url).status_code == 200
    response = client.get(url)
    assert response.status_code == 429
    page = response.content.decode()
    assert "Слишком много запросов" in page
    assert 0 < int(response["Retry-After"]) <= 60
    assert "Попробуйте снова через" in page


@override_settings(RATE_LIMITS={"search": 2, "feeds": 2})
def test_each_client_has_its_own_count_and_other_pages_are_not_limited(client):
    for _ in range(2):
        client.get("/search/?q=а", REMOTE_ADDR="10.0.0.1")
    assert client.get("/search/?q=а", REMOTE_ADDR="10.0.0.1").status_code == 429
    assert client.get("/search/?q=а", REMOTE_ADDR="10.0.0.2").status_code == 200
    for _ in range(5):
        assert client.get("/events/", REMOTE_ADDR="10.0.0.1").status_code == 200


@override_settings(RATE_LIMITS={"search": 3})
@pytest.mark.parametrize("url", ["/events/", "/telebridges/"])
def test_words_in_a_list_filter_count_as_a_text_search(client, url):
    client.get("/search/?q=сказки")
    for _ in range(2):
        assert client.get(url, {"q": "телемост"}).status_code == 200
    assert client.get(url, {"q": "вебинар"}).status_code == 429
    assert client.get("/search/?q=сказки").status_code == 429
    assert client.get(url, {"format": "online"}).status_code == 200
    assert client.get(url, {"q": "  "}).status_code == 200


@pytest.mark.parametrize(
    ("wait", "words"),
    [(1, "через 1 секунду"), (3, "через 3 секунды"), (45, "через 45 секунд"), (60, "через 1 минуту"),
     (61, "через 2 минуты"), (3000, "через 50 минут")],
)  # fmt: skip
def test_the_429_page_says_how_long_to_wait_in_russian(wait, words):
    assert words in ratelimit.too_many(wait).content.decode()


def _propose(client, title, **headers):
    start = timezone.localdate() + datetime.timedelta(days=40)
    data = {
        "title": title,
        "kind": "telebridge",
        "format": "online",
        "audience": "teens",
        "starts_on": start.isoformat(),
        "ends_on": "",
        "description": "Читатели двух областей рассказывают легенды своих рек.",
    }
    return client.post(reverse("portal:proposal_new"), data, **headers)


@override_settings(RATE_LIMITS={"proposals": 2})
def test_partners_proposals_are_limited_per_hour(client):
    client.force_login(partner_user())
    assert _propose(client, "Первое").status_code == 302
    assert _propose(client, "Второе").status_code == 302
    refused = _propose(client, "Третье")
    assert refused.status_code == 429
    assert "Слишком много запросов" in refused.content.decode()
    assert 0 < int(refused["Retry-After"]) <= 3600
    assert Proposal.objects.count() == 2
    assert client.get(reverse("portal:proposal_new")).status_code == 200  # reading the form is not limited


# Behind proxies: nginx (one trusted proxy) appends the address it was reached from to whatever the client sent.


@override_settings(RATE_LIMITS={"search": 1}, TRUSTED_PROXIES=1)
def test_behind_one_proxy_the_address_it_appended_is_the_client(client):
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="127.0.0.1").status_code == 200
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="203.0.113.5", REMOTE_ADDR="127.0.0.1").status_code == 429
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="203.0.113.6", REMOTE_ADDR="127.0.0.1").status_code == 200


@override_settings(RATE_LIMITS={"search": 2}, TRUSTED_PROXIES=1)
def test_a_spoofed_forwarded_header_does_not_escape_the_limit(client):
    statuses = [
        client.get(
            "/search/?q=а", HTTP_X_FORWARDED_FOR=f"198.51.100.{n}, 203.0.113.5", REMOTE_ADDR="127.0.0.1"
        ).status_code
        for n in range(1, 6)
    ]
    assert statuses == [200, 200, 429, 429, 429]


@override_settings(RATE_LIMITS={"search": 1}, TRUSTED_PROXIES=2)
def test_behind_two_proxies_the_second_entry_from_the_right_is_the_client(client):
    forwarded = "198.51.100.9, 203.0.113.5, 10.0.0.1"  # the client's own, the client, the load balancer
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR=forwarded).status_code == 200
    other_spoof = "198.51.100.10, 203.0.113.5, 10.0.0.1"
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR=other_spoof).status_code == 429


@override_settings(RATE_LIMITS={"search": 1}, TRUSTED_PROXIES=0)
def test_without_trusted_proxies_the_header_is_ignored(client):
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="198.51.100.1", REMOTE_ADDR="192.0.2.7").status_code == 200
    assert client.get("/search/?q=а", HTTP_X_FORWARDED_FOR="198.51.100.2", REMOTE_ADDR="192.0.2.7").status_code == 429


@override_settings(TRUSTED_PROXIES=1)
def test_garbage_in_the_forwarded_header_falls_back_to_the_connecting_address(rf):
    request = rf.get("/", HTTP_X_FORWARDED_FOR="not-an-address", REMOTE_ADDR="192.0.2.8")
    assert ratelimit.client_address(request) == "192.0.2.8"


@override_settings(TRUSTED_PROXIES=1, AXES_FAILURE_LIMIT=3)
def test_the_admin_lockout_counts_the_same_client_and_a_spoofed_header_does_not_escape_it(client):
    UserFactory(username="metodist")

    def attempt(spoofed, client_address, password="неверный"):
        return client.post(
            "/admin/login/?next=/admin/",
            {"username": "metodist", "password": password},
            HTTP_X_FORWARDED_FOR=f"{spoofed}, {client_address}",
            REMOTE_ADDR="127.0.0.1",
        )

    for n in range(3):
        attempt(f"198.51.100.{n}", "203.0.113.5")
    assert attempt("198.51.100.77", "203.0.113.5", "correct-horse-battery").status_code == 429
    # Another reader behind the same proxy is not locked out with them.
    assert attempt("198.51.100.1", "203.0.113.6", "correct-horse-battery").status_code == 302
