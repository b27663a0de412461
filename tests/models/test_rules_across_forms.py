"""Each rule of an activity has one definition, and every form it takes says the same thing, over generated worlds.

A world: the host and two partners (one agreement in force all along, one signed in the middle of the days the
activities fall on), events with sites and counts known, zero or unknown, exhibitions with stops in every
combination of their own and their exhibition's status, contests and episodes, all on days around "today". In each
world the model's methods, the querysets' SQL, the annual report's rows (`reports.report.load_facts`), the
partner portal's access rules, the partner emails and the admin's dashboard agree on:

- where each activity stands (a stop of a called-off exhibition standing as the exhibition), and what awaits
  confirmation;
- who took part (and where an exhibition took place);
- how many took part (None for unknown, never 0);
- which agreements each activity serves.
"""

import datetime
from collections import Counter

import pytest
import time_machine
from django.db import transaction
from django.utils import timezone
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.models import by_partner, credit_of, credited_activities
from contests.models import Contest
from core.models import AWAITING_CONFIRMATION, CALLED_OFF, Status
from events.models import NO_FIGURES, Episode, Event, Participation, attendance_source, event_parties
from exhibitions.models import Exhibition, ExhibitionStop, stop_standing
from portal.access import awaits_event_figures, may_answer, may_enter_figures
from reminders.partners import partner_figures_due
from reports.activities import ContestFact, EpisodeFact, EventFact, ExhibitionFact, stop_status
from reports.queries import Period
from reports.report import load_facts
from staff.dashboard import build_dashboard
from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    ContestFactory,
    CuratorFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    ParticipationFactory,
    ProjectFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=KEMEROVO)
HORIZON = Period.for_days(datetime.date(TODAY.year - 1, 1, 1), datetime.date(TODAY.year, 12, 31))
STATUSES = [Status.PLANNED, AWAITING_CONFIRMATION, Status.HELD, Status.CANCELLED, Status.POSTPONED]

# --- the worlds ----------------------------------------------------------------------------------------------------

libraries = st.sampled_from(["host", "p1", "p2"])
stored_statuses = st.sampled_from(list(Status.values))
offsets = st.sampled_from([-9, -3, -1, 0, 1, 3])
counts = st.sampled_from([None, 0, 5])
answers = st.sampled_from(["", "confirmed", "declined"])

events = st.fixed_dictionaries(
    {
        "status": stored_statuses,
        "start": offsets,
        "hours": st.sampled_from([2, 30]),
        "organiser": libraries,
        "sites": st.dictionaries(libraries, st.tuples(counts, answers), max_size=3),
        "online": counts,
        "typed": st.sampled_from([None, 0, 30]),
    }
)
stops = st.fixed_dictionaries(
    {
        "venue": libraries,
        "status": stored_statuses,
        "start": offsets,
        "days": st.sampled_from([0, 2]),
        "visitors": counts,
        "answer": answers,
    }
)
exhibitions = st.fixed_dictionaries(
    {"status": stored_statuses, "provider": libraries, "stops": st.lists(stops, min_size=1, max_size=3)}
)


@st.composite
def contests(draw):
    first = draw(offsets)
    until = first + draw(st.sampled_from([0, 2]))
    results = until + draw(st.sampled_from([0, 1]))
    dates = [draw(st.booleans()) and day for day in (first, until, results)]
    return {
        "status": draw(stored_statuses),
        "organiser": draw(libraries),
        "curators": draw(st.lists(libraries, unique=True, max_size=2)),
        "dates": [None if day is False else day for day in dates],
    }


episodes = st.fixed_dictionaries(
    {"status": stored_statuses, "library": libraries, "published": st.one_of(st.none(), offsets)}
)
worlds = st.fixed_dictionaries(
    {
        "events": st.lists(events, max_size=3),
        "exhibitions": st.lists(exhibitions, max_size=2),
        "contests": st.lists(contests(), max_size=2),
        "episodes": st.lists(episodes, max_size=2),
    }
)


def day(offset: int | None) -> datetime.date | None:
    return None if offset is None else TODAY + datetime.timedelta(days=offset)


def build(world: dict, libs: dict) -> None:
    for spec in world["events"]:
        start = datetime.datetime.combine(day(spec["start"]), datetime.time(10), tzinfo=KEMEROVO)
        event = EventFactory(
            organiser=libs[spec["organiser"]],
            status=spec["status"],
            starts_at=start,
            ends_at=start + datetime.timedelta(hours=spec["hours"]),
            online_viewers=spec["online"],
            participants_count=spec["typed"],
        )
        for name, (count, answer) in spec["sites"].items():
            ParticipationFactory(event=event, library=libs[name], participants_count=count, answer=answer)
    for spec in world["exhibitions"]:
        exhibition = ExhibitionFactory(provider=libs[spec["provider"]], status=spec["status"])
        for stop in spec["stops"]:
            ExhibitionStopFactory(
                exhibition=exhibition,
                venue=libs[stop["venue"]],
                status=stop["status"],
                starts_on=day(stop["start"]),
                ends_on=day(stop["start"] + stop["days"]),
                visitors=stop["visitors"],
                answer=stop["answer"],
            )
    for spec in world["contests"]:
        submissions_from, submissions_until, results_on = (day(offset) for offset in spec["dates"])
        contest = ContestFactory(
            organiser=libs[spec["organiser"]],
            status=spec["status"],
            submissions_from=submissions_from,
            submissions_until=submissions_until,
            results_on=results_on,
        )
        for name in spec["curators"]:
            CuratorFactory(contest=contest, library=libs[name])
    project = ProjectFactory(organiser=libs["host"])
    for spec in world["episodes"]:
        EpisodeFactory(
            project=project, library=libs[spec["library"]], status=spec["status"], published_on=day(spec["published"])
        )


@pytest.fixture
def libs(db):
    host = HostLibraryFactory()
    p1, p2 = LibraryFactory(short_name="Томская ОДЮБ"), LibraryFactory(short_name="ВК ОДЮБ")
    AgreementFactory(host=host, partner=p1, signed_on=datetime.date(2020, 1, 15))
    AgreementFactory(host=host, partner=p2, signed_on=day(-2))  # activities before it serve no agreement of p2
    return {"host": host, "p1": p1, "p2": p2}


@pytest.fixture
def staff(db):
    return UserFactory(username="root", is_superuser=True)


# --- what each form says -------------------------------------------------------------------------------------------


class Forms:
    """One world read through every form: the model instances, and the report's facts."""

    def __init__(self, libs):
        self.libs = libs
        self.events = list(Event.objects.prefetch_related("participations", "agreements_added", "agreements_excluded"))
        self.exhibitions = list(Exhibition.objects.prefetch_related("stops", "agreements_added", "agreements_excluded"))
        self.stops = list(ExhibitionStop.objects.select_related("exhibition"))
        self.contests = list(Contest.objects.prefetch_related("curators", "agreements_added", "agreements_excluded"))
        self.episodes = list(Episode.objects.prefetch_related("agreements_added", "agreements_excluded"))
        _libraries, _host, agreements, self.facts = load_facts(TODAY.year, TODAY)
        self.agreements_of = by_partner(agreements)
        self.agreements = agreements

    def fact(self, kind, pk):
        return next((f for f in getattr(self.facts, kind) if f.id == pk), None)


def sql(model, method, *args) -> set[int]:
    return set(getattr(model.objects, method)(*args).values_list("pk", flat=True))


def check_status(forms: Forms) -> None:
    """The model's `status_on()`, its SQL form and the report's rows agree on where each activity stands."""
    for model, rows in [
        (Event, forms.events),
        (ExhibitionStop, forms.stops),
        (Contest, forms.contests),
        (Episode, forms.episodes),
        (Exhibition, forms.exhibitions),
    ]:
        by_status = {row.pk: row.status_on(TODAY) for row in rows}
        for status in STATUSES:
            assert sql(model, "in_status_on", status, TODAY) == {pk for pk, s in by_status.items() if s == status}, (
                model,
                status,
            )
        assert sql(model, "awaiting_confirmation", TODAY) == {
            pk for pk, s in by_status.items() if s == AWAITING_CONFIRMATION
        }
        assert sql(model, "going_ahead") == {row.pk for row in rows if not row.is_called_off}, model
        standing = {
            row.pk: stop_standing(row.status, row.exhibition.status) if model is ExhibitionStop else row.status
            for row in rows
        }
        assert sql(model, "held") == {pk for pk, s in standing.items() if s == Status.HELD}, model
        assert {row.pk for row in rows if row.is_called_off} == {pk for pk, s in standing.items() if s in CALLED_OFF}

    for kind, rows in [("events", forms.events), ("contests", forms.contests), ("episodes", forms.episodes)]:
        for row in rows:
            fact = forms.fact(kind, row.pk)
            if fact is not None:  # the report reads what has a date in its horizon
                assert fact.status_on(TODAY) == row.status_on(TODAY), (kind, row.pk)

    def stop_key(exhibition_id, venue_id, starts_on, ends_on):
        return exhibition_id, venue_id, starts_on, ends_on

    in_model = Counter(
        (stop_key(s.exhibition_id, s.venue_id, s.starts_on, s.ends_on), s.status_on(TODAY)) for s in forms.stops
    )
    in_report = Counter(
        (stop_key(f.id, r.venue_id, r.starts_on, r.ends_on), stop_status(r, TODAY))
        for f in forms.facts.exhibitions
        for r in f.stops
    )
    assert in_model == in_report


def check_awaiting_and_portal(forms: Forms, staff) -> None:
    """The dashboard lists as awaiting exactly what the model says awaits; the portal asks a partner exactly about
    what stands planned, and for figures exactly about what took place; the partner emails follow the portal."""
    dashboard = build_dashboard(staff, TODAY)
    blocks = {(g.key, b.key): b.total for g in dashboard.groups for b in g.blocks}
    awaiting = {
        "events": forms.events,
        "stops": forms.stops,
        "contests": forms.contests,
        "episodes": forms.episodes,
    }
    for key, rows in awaiting.items():
        expected = sum(row.status_on(TODAY) == AWAITING_CONFIRMATION for row in rows)
        assert blocks.get(("awaiting", key), 0) == expected, key
    declined = sum(
        row.answer == "declined" and activity.status_on(TODAY) == Status.PLANNED
        for row, activity in [
            *((p, p.event) for p in Participation.objects.select_related("event")),
            *((s, s) for s in forms.stops),
        ]
    )
    assert blocks.get(("partners", "declined"), 0) == declined
    held_stops_unknown = sum(s.status_on(TODAY) == Status.HELD and s.visitors is None for s in forms.stops)
    assert blocks.get(("attendance", "stops"), 0) == held_stops_unknown
    held_events_unknown = sum(e.status == Status.HELD and e.attendance is None for e in forms.events)
    assert blocks.get(("attendance", "events"), 0) == held_events_unknown

    for stop in forms.stops:
        status = stop.status_on(TODAY)
        assert may_answer(stop, TODAY) == (status == Status.PLANNED)
        assert may_enter_figures(stop, TODAY) == (status in (Status.HELD, AWAITING_CONFIRMATION))
    for row in Participation.objects.select_related("event").prefetch_related("event__participations"):
        fact = forms.fact("events", row.event_id)
        status = fact.status_on(TODAY)
        assert may_answer(row.event, TODAY) == (status == Status.PLANNED)
        assert may_enter_figures(row.event, TODAY) == (status in (Status.HELD, AWAITING_CONFIRMATION))

    host = forms.libs["host"]
    due = [item.record for item in partner_figures_due(TODAY)]
    due_stops = {r.pk for r in due if isinstance(r, ExhibitionStop)}
    window = {TODAY - datetime.timedelta(days=n) for n in range(1, 8)} | {
        TODAY - datetime.timedelta(days=n) for n in range(8, 15)
    }
    expected = {
        s.pk
        for s in forms.stops
        if s.venue_id != host.pk and s.visitors is None and s.ends_on in window and may_enter_figures(s, TODAY)
    }
    assert due_stops == expected
    due_sites = {r.pk for r in due if isinstance(r, Participation)}
    expected = {
        row.pk
        for row in Participation.objects.select_related("event").prefetch_related("event__participations")
        if row.library_id != host.pk
        and row.participants_count is None
        and timezone.localdate(row.event.ends_at) in window
        and awaits_event_figures(row, TODAY)
    }
    assert due_sites == expected


def check_taking_part(forms: Forms) -> None:
    """Who took part: the model's parties, their SQL form (`with_library`) and the report's joint rule."""
    libs = forms.libs.values()
    for event in forms.events:
        parties = set(event_parties(event.organiser_id, [p.library_id for p in event.participations.all()]))
        assert {lib for lib, _day in event.credit_parties()} == parties
        assert {lib.pk for lib in libs if Event.objects.with_library(lib).filter(pk=event.pk).exists()} == parties
        assert forms.fact("events", event.pk).partners_in(HORIZON) == parties
    for exhibition in forms.exhibitions:
        linked = {exhibition.provider_id} | {s.venue_id for s in exhibition.stops.all()}
        model = type(exhibition)
        assert {lib.pk for lib in libs if model.objects.with_library(lib).filter(pk=exhibition.pk).exists()} == linked
        held = exhibition.held_venues(TODAY)
        in_sql = set(
            ExhibitionStop.objects.in_status_on(Status.HELD, TODAY)
            .filter(exhibition=exhibition)
            .values_list("venue_id", flat=True)
        )
        assert held == in_sql
        fact: ExhibitionFact = forms.fact("exhibitions", exhibition.pk)
        assert fact.partners_in(HORIZON) == {exhibition.provider_id} | held
        # Over a period, an exhibition stands where its stops got (`furthest_status`), in the model and the report.
        assert fact.status_in(HORIZON, TODAY) == exhibition.status_in(HORIZON.first_day, HORIZON.last_day, TODAY)
        if exhibition.is_called_off:  # its stops all stand as it does
            assert fact.status_in(HORIZON, TODAY) == exhibition.status_on(TODAY)
    for contest in forms.contests:
        parties = {contest.organiser_id, *(c.library_id for c in contest.curators.all())}
        assert {lib for lib, _day in contest.credit_parties()} == parties
        assert {lib.pk for lib in libs if Contest.objects.with_library(lib).filter(pk=contest.pk).exists()} == parties
        fact: ContestFact | None = forms.fact("contests", contest.pk)
        if fact is not None:
            assert fact.partners_in(HORIZON) == parties
    for episode in forms.episodes:
        fact: EpisodeFact | None = forms.fact("episodes", episode.pk)
        if fact is not None:
            assert fact.partners_in(HORIZON) == {episode.library_id}


def check_attendance(forms: Forms) -> None:
    """The model, the SQL annotation and the report's rows count the same people; unknown is None, never 0."""
    annotated = dict(Event.objects.with_attendance().values_list("pk", "attendance"))
    for event in forms.events:
        fact: EventFact = forms.fact("events", event.pk)
        assert event.attendance == annotated[event.pk] == fact.row.attendance
        sites = [p.participants_count for p in event.participations.all()]
        unknown = attendance_source(sites, event.online_viewers, event.participants_count) == NO_FIGURES
        assert (event.attendance is None) == unknown
    held_unknown = {e.pk for e in forms.events if e.status == Status.HELD and e.attendance is None}
    assert sql(Event, "held_without_attendance") == held_unknown


def check_credit(forms: Forms) -> None:
    """The model's credit (`credit_of`), the report's (`credit_all`) and the path from agreements
    (`credited_activities`) name the same agreements."""
    served = credited_activities(forms.agreements)
    by_activity: dict[tuple, set[int]] = {}
    for agreement_id, rows in served.items():
        for row in rows:
            by_activity.setdefault((type(row), row.pk), set()).add(agreement_id)
    for kind, rows in [
        ("events", forms.events),
        ("exhibitions", forms.exhibitions),
        ("contests", forms.contests),
        ("episodes", forms.episodes),
    ]:
        for row in rows:
            credit = credit_of(row, forms.agreements_of)
            assert by_activity.get((type(row), row.pk), set()) == credit, (kind, row.pk)
            fact = forms.fact(kind, row.pk)
            if fact is not None:
                assert set(fact.credit) == credit, (kind, row.pk)


@settings(max_examples=40, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(world=worlds)
def test_every_form_of_each_rule_agrees(libs, staff, world):
    with time_machine.travel(NOW, tick=False), transaction.atomic():
        build(world, libs)
        forms = Forms(libs)
        check_status(forms)
        check_awaiting_and_portal(forms, staff)
        check_taking_part(forms)
        check_attendance(forms)
        check_credit(forms)
        transaction.set_rollback(True)
