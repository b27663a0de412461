"""The demo tells the truth: what the article reports as done is held, what has not happened carries no figures,
and every detail the article does not give is marked as such in the row's staff notes."""

import pytest
from django.utils import timezone

from agreements.models import Agreement, Library
from contests.models import Contest
from core.models import Status
from events.models import Episode, Event, Participation, Project
from exhibitions.models import Exhibition, ExhibitionStop
from tests.demo.conftest import load

DEMO_NOTE = "Демонстрационное мероприятие"
VOLGOGRAD_EXHIBITION = "peredvizhnaya-vystavka-volgograd-2021"
PUSHKIN_CONFERENCE = "innovacionnaya-deyatelnost-bibliotek-125"
ILLUSTRATIVE = "условн"  # «условный», «условная», «условное», «условные»


@pytest.fixture
def article_events(demo):
    return Event.objects.exclude(notes=DEMO_NOTE).prefetch_related("participations")


@pytest.fixture
def announcements(demo):
    return Event.objects.filter(notes=DEMO_NOTE).prefetch_related("participations")


def test_every_event_the_article_reports_is_held(article_events):
    assert article_events.count() == 16
    assert {event.status for event in article_events} == {Status.HELD}


def test_demo_announcements_are_planned(announcements):
    assert announcements.count() >= 4
    assert {event.status for event in announcements} == {Status.PLANNED}


def test_demo_announcements_carry_no_attendance(announcements):
    for event in announcements:
        assert (event.participants_count, event.online_viewers, event.attendance) == (None, None, None), event.slug
        assert {p.participants_count for p in event.participations.all()} == {None}, event.slug


def test_telebridges_of_the_article_count_each_site_and_type_no_total(article_events):
    telebridges = [event for event in article_events if event.is_telebridge]
    assert len(telebridges) == 4
    for event in telebridges:
        counts = [p.participants_count for p in event.participations.all()]
        assert event.participants_count is None, event.slug
        assert None not in counts and len(counts) >= 2, event.slug
        assert event.attendance == sum(counts), event.slug


def test_other_events_of_the_article_keep_one_total(article_events):
    for event in article_events:
        if not event.is_telebridge:
            assert {p.participants_count for p in event.participations.all()} == {None}, event.slug
            assert event.participants_count is not None, event.slug
            assert event.attendance == event.participants_count, event.slug


def test_exhibitions_and_stops_the_article_reports_are_held(demo):
    exhibitions = Exhibition.objects.exclude(slug=VOLGOGRAD_EXHIBITION)
    assert set(exhibitions.values_list("status", flat=True)) == {Status.HELD}
    stops = ExhibitionStop.objects.exclude(exhibition__slug=VOLGOGRAD_EXHIBITION)
    assert set(stops.values_list("status", flat=True)) == {Status.HELD}


def test_volgograd_travelling_exhibition_of_may_2021_is_planned_with_its_stop(demo):
    exhibition = Exhibition.objects.get(slug=VOLGOGRAD_EXHIBITION)
    assert (exhibition.kind, exhibition.status) == (Exhibition.Kind.TRAVELLING, Status.PLANNED)
    stops = [(s.status, s.starts_on.year, s.starts_on.month, s.visitors, s.excursions) for s in exhibition.stops.all()]
    assert stops == [(Status.PLANNED, 2021, 5, None, None)]


def test_contests_and_episodes_are_held(demo):
    assert set(Contest.objects.values_list("status", flat=True)) == {Status.HELD}
    assert set(Episode.objects.values_list("status", flat=True)) == {Status.HELD}


def test_only_the_volgograd_exhibition_awaits_confirmation(demo):
    today = timezone.localdate()
    assert not Event.objects.awaiting_confirmation(today).exists()
    assert not Contest.objects.awaiting_confirmation(today).exists()
    assert not Episode.objects.awaiting_confirmation(today).exists()
    assert list(Exhibition.objects.awaiting_confirmation(today).values_list("slug", flat=True)) == [
        VOLGOGRAD_EXHIBITION
    ]
    assert [stop.exhibition.slug for stop in ExhibitionStop.objects.awaiting_confirmation(today)] == [
        VOLGOGRAD_EXHIBITION
    ]


def test_every_contest_has_curator_rows_and_its_entries_name_one_of_them(demo):
    for contest in Contest.objects.prefetch_related("curators", "entries"):
        curators = {curator.library_id for curator in contest.curators.all()}
        assert curators, contest.slug
        assert {entry.curator_id for entry in contest.entries.all()} <= curators, contest.slug


def test_the_host_curating_the_east_kazakhstan_contests_is_marked_a_guess(demo):
    for contest in Contest.objects.filter(organiser__slug="vko-odub"):
        assert "Кураторство библиотеки Кузбасса условное" in contest.notes, contest.slug


def test_pushkin_anniversary_conference_is_organised_by_the_pushkin_library(demo):
    event = Event.objects.get(slug=PUSHKIN_CONFERENCE)
    assert event.organiser.slug == "vko-pushkin"
    assert sorted(event.participations.values_list("library__slug", flat=True)) == ["kuzbass-gbdm", "vko-pushkin"]
    assert "125-летию" in event.notes


def test_a_library_the_demo_no_longer_names_leaves_the_event(demo):
    event = Event.objects.get(slug=PUSHKIN_CONFERENCE)
    Participation.objects.create(event=event, library=Library.objects.get(slug="vko-odub"))
    load()
    assert sorted(event.participations.values_list("library__slug", flat=True)) == ["kuzbass-gbdm", "vko-pushkin"]


def test_every_row_with_invented_details_says_so_in_its_staff_notes(demo):
    rows = [
        *Event.objects.exclude(notes=DEMO_NOTE),
        *Participation.objects.exclude(participants_count=None),
        *Exhibition.objects.all(),
        *ExhibitionStop.objects.all(),
        *Contest.objects.all(),
        *Agreement.objects.all(),
        *Project.objects.all(),
        *Episode.objects.all(),
    ]
    assert len(rows) > 50
    assert [str(row) for row in rows if ILLUSTRATIVE not in row.notes] == []


def test_episode_titles_and_dates_are_marked_illustrative(demo):
    for episode in Episode.objects.exclude(title__contains="Аксак-кулан"):
        assert "Название, номер и дата публикации условные" in episode.notes, episode.number
    assert "дата публикации условные" in Episode.objects.get(title__contains="Аксак-кулан").notes


def test_every_demo_library_says_in_its_staff_notes_what_the_demo_made_up(demo):
    """The article gives no coordinates and names the partners in full: the staff notes say so."""
    from agreements.models import Library
    from demo.notes import NOTE_COORDINATES, NOTE_SHORT_NAME

    for library in Library.objects.all():
        assert NOTE_COORDINATES in library.notes, library
        assert (NOTE_SHORT_NAME in library.notes) != library.is_host, library
