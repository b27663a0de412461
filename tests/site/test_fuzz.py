"""No query string, however odd, makes any public page answer with a server error."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from contests.models import Entry
from tests.factories import (
    AgreementFactory,
    ContestFactory,
    EntryFactory,
    EpisodeFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    ParticipationFactory,
    ProjectFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db

PARAMS = [
    "kind",
    "format",
    "partner",
    "country",
    "audience",
    "age_rating",
    "date_from",
    "date_to",
    "when",
    "q",
    "provider",
    "page",
    "next",
    "font",
    "scheme",
    "images",
    "spacing",
]

# Plausible values mixed with junk, so the fuzzer reaches both the valid and the invalid paths.
values = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "telebridge",
            "online",
            "RU",
            "KZ",
            "6+",
            "upcoming",
            "past",
            "2030-03-10",
            "9999-12-31",
            "0001-01-01",
            "2030-02-30",
            "1",
            "0",
            "-1",
            "99999",
            "1e9",
            "abc",
            "moscow",
            "exchange",
            "travelling",
            "телемост",
            "ВЫСТАВКИ",
            "a" * 201,
            "' OR 1=1 --",
            "(",
            "[",
            "\\",
            "*",
            "host",
            "large",
            "wb",
            "off",
            "//evil.example",
            "/events/",
            "\x00",
            "%00",
            "‮",
            "🐉" * 50,
        ]
    ),
    st.integers(min_value=-(10**20), max_value=10**20).map(str),
)
query_strings = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMS), st.text(max_size=10)), values), max_size=6)


@pytest.fixture
def urls(kemerovo, moscow):
    agreement = AgreementFactory(host=kemerovo, partner=moscow)
    event = TelebridgeFactory(organiser=kemerovo, agreement=agreement)
    ParticipationFactory(event=event, library=moscow)
    project = ProjectFactory()
    EpisodeFactory(project=project)
    exhibition = ExhibitionFactory(provider=moscow, agreement=agreement)
    ExhibitionStopFactory(exhibition=exhibition, venue=kemerovo)
    contest = ContestFactory(organiser=moscow)
    EntryFactory(contest=contest, result=Entry.Result.WINNER, public_consent=True)
    return [
        reverse("site:home"),
        reverse("events:list"),
        reverse("events:telebridges"),
        reverse("events:calendar"),
        reverse("events:feed"),
        reverse("events:detail", args=[event.slug]),
        reverse("events:ics", args=[event.slug]),
        reverse("events:project", args=[project.slug]),
        reverse("site:accessibility"),
        reverse("site:accessibility_set"),
        reverse("site:accessibility_reset"),
        reverse("site:robots"),
        reverse("site:sitemap"),
        reverse("site:search"),
        reverse("agreements:partner_list"),
        reverse("agreements:partner_detail", args=[moscow.slug]),
        reverse("agreements:list"),
        reverse("agreements:detail", args=[agreement.pk]),
        reverse("exhibitions:list"),
        reverse("exhibitions:detail", args=[exhibition.slug]),
        reverse("contests:list"),
        reverse("contests:detail", args=[contest.slug]),
    ]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_random_query_strings_never_cause_a_server_error(client, urls, query):
    encoded = urlencode(query)
    for url in urls:
        response = client.get(f"{url}?{encoded}")
        assert response.status_code < 500, (url, encoded)
