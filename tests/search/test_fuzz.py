"""No query string, however odd, makes a partner, agreement, exhibition, contest or search page answer 5xx."""

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
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
)

pytestmark = pytest.mark.django_db

PARAMS = ["q", "kind", "provider", "page"]
values = st.one_of(
    st.text(max_size=300),
    st.sampled_from(
        [
            "exchange",
            "travelling",
            "library-1",
            "host",
            "телемост",
            "ВЫСТАВКИ",
            "\x00",
            "%00",
            "a" * 201,
            "🐉" * 50,
            "' OR 1=1 --",
            "(",
            "[",
            "\\",
            "*",
            "‮",
        ]
    ),
)
query_strings = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMS), st.text(max_size=10)), values), max_size=4)


@pytest.fixture
def urls(host):
    partner = LibraryFactory()
    agreement = AgreementFactory(partner=partner)
    exhibition = ExhibitionFactory(provider=partner, agreement=agreement)
    ExhibitionStopFactory(exhibition=exhibition)
    contest = ContestFactory(organiser=partner)
    EntryFactory(contest=contest, result=Entry.Result.WINNER, public_consent=True)
    return [
        reverse("agreements:partner_list"),
        reverse("agreements:partner_detail", args=[partner.slug]),
        reverse("agreements:list"),
        reverse("agreements:detail", args=[agreement.pk]),
        reverse("exhibitions:list"),
        reverse("exhibitions:detail", args=[exhibition.slug]),
        reverse("contests:list"),
        reverse("contests:detail", args=[contest.slug]),
        reverse("site:search"),
    ]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=query_strings)
def test_random_query_strings_never_cause_a_server_error(client, urls, query):
    encoded = urlencode(query)
    for url in urls:
        response = client.get(f"{url}?{encoded}")
        assert response.status_code < 500, (url, encoded)
