"""No query string, however odd, makes a public page answer with a server error."""

from urllib.parse import urlencode

import pytest
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.factories import EpisodeFactory, ParticipationFactory, ProjectFactory, TelebridgeFactory

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
    event = TelebridgeFactory(organiser=kemerovo)
    ParticipationFactory(event=event, library=moscow)
    project = ProjectFactory()
    EpisodeFactory(project=project)
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
    ]


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_random_query_strings_never_cause_a_server_error(client, urls, query):
    encoded = urlencode(query)
    for url in urls:
        response = client.get(f"{url}?{encoded}")
        assert response.status_code < 500, (url, encoded)
