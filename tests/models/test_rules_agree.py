"""Rules that have a SQL form and a Python form say the same thing."""

import datetime

import pytest
import time_machine

from contests.models import Contest
from core.models import Status
from events.models import Event
from exhibitions.models import ExhibitionStop
from tests.factories import ContestFactory, EventFactory, ExhibitionStopFactory

pytestmark = pytest.mark.django_db
D = datetime.date
DAYS = [D(2020, 1, 31), D(2020, 2, 1), D(2020, 3, 15), D(2020, 4, 1), D(2020, 4, 2)]


def test_a_contest_is_open_in_sql_exactly_when_its_stage_is_open():
    contests = [
        ContestFactory(submissions_from=start, submissions_until=end, results_on=None)
        for start in (None, D(2020, 2, 1))
        for end in (None, D(2020, 4, 1))
    ]
    for day in DAYS:
        in_sql = set(Contest.objects.open_on(day).values_list("pk", flat=True))
        in_python = {c.pk for c in contests if c.stage_on(day) == Contest.Stage.OPEN}
        assert in_sql == in_python, day


def test_contest_stages_follow_the_submission_period():
    contest = ContestFactory(submissions_from=D(2020, 2, 1), submissions_until=D(2020, 4, 1))
    assert contest.stage_on(D(2020, 1, 31)) == Contest.Stage.UPCOMING
    assert contest.stage_on(D(2020, 2, 1)) == Contest.Stage.OPEN
    assert contest.stage_on(D(2020, 4, 1)) == Contest.Stage.OPEN
    assert contest.stage_on(D(2020, 4, 2)) == Contest.Stage.FINISHED


def test_a_stop_is_open_in_sql_exactly_when_it_is_open_in_python():
    stops = [
        ExhibitionStopFactory(starts_on=D(2020, 2, 1), ends_on=D(2020, 4, 1)),
        ExhibitionStopFactory(starts_on=D(2020, 3, 15), ends_on=D(2020, 3, 15)),
    ]
    for day in DAYS:
        in_sql = set(ExhibitionStop.objects.open_on(day).values_list("pk", flat=True))
        assert in_sql == {s.pk for s in stops if s.is_open_on(day)}, day


def test_an_event_is_past_in_sql_exactly_when_it_has_ended():
    start = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=datetime.UTC)
    events = [EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=h)) for h in (0, 2)]
    for now in (
        start - datetime.timedelta(minutes=1),
        start + datetime.timedelta(hours=1),
        start + datetime.timedelta(hours=3),
    ):
        past = set(Event.objects.past(now).values_list("pk", flat=True))
        upcoming = set(Event.objects.upcoming(now).values_list("pk", flat=True))
        assert past == {e.pk for e in events if e.has_ended(now)}, now
        assert past.isdisjoint(upcoming) and past | upcoming == {e.pk for e in events}


def test_attendance_in_sql_and_in_python_agree():
    from tests.factories import ParticipationFactory

    cases = [
        ([25, 30, 40], None, None, 95),  # sites only
        ([25, None], 10, 500, 35),  # sites and online viewers; the typed total is not used
        ([None, None], None, 120, 120),  # only a total is known
        ([], None, None, None),  # unknown stays unknown
        ([], 0, None, 0),  # nobody watched: a known zero
    ]
    events = []
    for sites, online, total, expected in cases:
        event = EventFactory(online_viewers=online, participants_count=total)
        for count in sites:
            ParticipationFactory(event=event, participants_count=count)
        events.append((event, expected))
    annotated = dict(Event.objects.with_attendance().values_list("pk", "attendance"))
    for event, expected in events:
        assert event.attendance == expected
        assert annotated[event.pk] == expected


def test_awaiting_confirmation_in_sql_and_in_python_agree():
    from core.models import AWAITING_CONFIRMATION, Status

    start = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=datetime.UTC)
    planned = EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2))
    held = EventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=2), status=Status.HELD)
    for day in (D(2030, 3, 10), D(2030, 3, 11)):
        in_sql = set(Event.objects.awaiting_confirmation(day).values_list("pk", flat=True))
        in_python = {e.pk for e in (planned, held) if e.status_on(day) == AWAITING_CONFIRMATION}
        assert in_sql == in_python, day
    assert planned.status_on(D(2030, 3, 11)) == AWAITING_CONFIRMATION
    assert planned.status_label_on(D(2030, 3, 11)) == "ждёт подтверждения"


def test_a_held_mark_on_what_has_not_begun_is_planned_for_the_model_and_the_report():
    """One rule (`core.models.status_of`): the admin's status column and the report agree on such a row."""
    from reports.report import build_report

    event = EventFactory(
        status=Status.HELD,
        starts_at=datetime.datetime(2020, 12, 20, 6, 0, tzinfo=datetime.UTC),
        ends_at=datetime.datetime(2020, 12, 20, 8, 0, tzinfo=datetime.UTC),
    )
    assert event.status_on(D(2020, 12, 1)) == Status.PLANNED
    assert event.status_on(D(2020, 12, 21)) == Status.HELD
    with time_machine.travel(datetime.datetime(2020, 12, 1, 3, 0, tzinfo=datetime.UTC)):
        report = build_report(2020)
    held = [item.id for direction in report.directions for item in direction.items]
    assert event.pk not in held


def test_staff_cannot_mark_as_held_what_has_not_begun():
    from django.core.exceptions import ValidationError
    from django.utils import timezone

    tomorrow = timezone.now() + datetime.timedelta(days=1)
    event = EventFactory(status=Status.PLANNED, starts_at=tomorrow, ends_at=tomorrow + datetime.timedelta(hours=1))
    event.status = Status.HELD
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.message_dict["status"] == ["Проведённым можно отметить только то, что уже началось."]
    stop = ExhibitionStopFactory(starts_on=timezone.localdate() + datetime.timedelta(days=3), ends_on=D(2100, 1, 1))
    stop.status = Status.HELD
    with pytest.raises(ValidationError):
        stop.full_clean()
