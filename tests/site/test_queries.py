"""Public pages run a fixed number of SQL queries however many rows there are."""

import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    ContestFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
    PersonFactory,
    ProjectFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2029, 6, 1)  # see conftest.NOW
ROWS = [5, 50]


def make_events(count, kemerovo):
    libraries = LibraryFactory.create_batch(3)
    agreement = AgreementFactory(partner=libraries[0])
    for n in range(count):
        factory = TelebridgeFactory if n % 2 else EventFactory
        event = factory(
            organiser=libraries[n % 3],
            agreement=agreement,
            starts_at=datetime.datetime(2030, 1, 1, 10, tzinfo=KEMEROVO) + datetime.timedelta(days=n),
        )
        ParticipationFactory(event=event, library=kemerovo)
        ParticipationFactory(event=event, library=libraries[(n + 1) % 3])
        event.guests.add(PersonFactory())


@pytest.mark.parametrize("rows", ROWS)
def test_home(client, kemerovo, django_assert_max_num_queries, rows):
    make_events(rows, kemerovo)
    LibraryFactory.create_batch(rows)
    for _ in range(rows):
        exhibition = ExhibitionFactory()
        ExhibitionStopFactory(exhibition=exhibition, starts_on=TODAY, ends_on=TODAY)
        ExhibitionStopFactory(exhibition=exhibition, starts_on=TODAY, ends_on=TODAY, venue=LibraryFactory())
        ContestFactory(submissions_from=TODAY, submissions_until=TODAY, results_on=TODAY)

    with django_assert_max_num_queries(10):
        assert client.get(reverse("site:home")).status_code == 200


@pytest.mark.parametrize("rows", ROWS)
@pytest.mark.parametrize("query", ["", "?kind=telebridge&age_rating=6%2B&partner=host&country=RU&q=%D0%A2"])
def test_events_list(client, kemerovo, django_assert_max_num_queries, rows, query):
    make_events(rows, kemerovo)

    with django_assert_max_num_queries(5):
        assert client.get(reverse("events:list") + query).status_code == 200


@pytest.mark.parametrize("rows", ROWS)
def test_events_list_page_holding_upcoming_and_past(client, kemerovo, django_assert_max_num_queries, rows):
    # The readers' order reads upcoming and past events in two parts: the page where they meet reads both.
    make_events(rows, kemerovo)
    for n in range(rows):
        EventFactory(
            organiser=kemerovo,
            starts_at=datetime.datetime(2020, 1, 1, 10, tzinfo=KEMEROVO) - datetime.timedelta(days=n),
        )
    page = rows // 20 + 1

    with django_assert_max_num_queries(5):
        response = client.get(reverse("events:list"), {"page": page})
    assert response.status_code == 200
    assert {event.has_ended() for event in response.context["events"]} == {False, True}


@pytest.mark.parametrize("rows", ROWS)
def test_telebridges(client, kemerovo, django_assert_max_num_queries, rows):
    make_events(rows, kemerovo)

    with django_assert_max_num_queries(5):
        assert client.get(reverse("events:telebridges")).status_code == 200


@pytest.mark.parametrize("rows", ROWS)
def test_event_detail(client, kemerovo, django_assert_max_num_queries, rows):
    event = TelebridgeFactory(organiser=kemerovo, agreement=AgreementFactory())
    for _ in range(rows):
        ParticipationFactory(event=event, library=LibraryFactory())
        event.guests.add(PersonFactory())

    # The event, its sites, its guests, and the public agreements it serves (with the staff overrides).
    with django_assert_max_num_queries(6):
        assert client.get(reverse("events:detail", args=[event.slug])).status_code == 200


@pytest.mark.parametrize("rows", ROWS)
def test_project_detail(client, django_assert_max_num_queries, rows):
    project = ProjectFactory()
    for _ in range(rows):
        EpisodeFactory(project=project, library=LibraryFactory())

    with django_assert_max_num_queries(2):
        assert client.get(reverse("events:project", args=[project.slug])).status_code == 200


@pytest.mark.parametrize("rows", ROWS)
def test_calendar(client, kemerovo, django_assert_max_num_queries, rows):
    make_events(rows, kemerovo)

    with django_assert_max_num_queries(2):
        assert client.get(reverse("events:calendar") + "?kind=telebridge").status_code == 200


@pytest.mark.parametrize("rows", ROWS)
def test_feed(client, kemerovo, django_assert_max_num_queries, rows):
    make_events(rows, kemerovo)

    with django_assert_max_num_queries(1):
        assert client.get(reverse("events:feed")).status_code == 200


@pytest.mark.parametrize("rows", ROWS)
def test_sitemap(client, kemerovo, django_assert_max_num_queries, rows):
    make_events(rows, kemerovo)
    for _ in range(rows):
        ProjectFactory()

    with django_assert_max_num_queries(12):
        assert client.get(reverse("site:sitemap")).status_code == 200
