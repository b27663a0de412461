"""Metamorphic tests of the report's figures: change one fact, and exactly the figures it concerns move.

Each test builds the report, changes one thing (adds a telebridge, cancels it, plans an event…) and compares
every figure with the report before. Dates are fixed; the suite runs on SQLite and on PostgreSQL.
"""

import csv
import datetime
import io
from dataclasses import asdict

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from openpyxl import load_workbook

from core.models import Status
from events.models import Event, Participation
from exhibitions.models import ExhibitionStop
from reports.data import DIRECTION_PROJECTS, DIRECTION_TELEBRIDGES
from reports.exports import to_csv, to_xlsx
from reports.report import build_report
from tests.factories import (
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
    TelebridgeFactory,
)
from tests.reports import helpers
from tests.reports.conftest import KEMEROVO, at

D = datetime.date
HELD = Status.HELD


def figures(report) -> dict:
    """Every counted figure of a report (not where activities stand, which is what some tests change)."""
    return {
        "headline": {f.key: f.value for f in report.headline},
        "agreements": {
            r.number: (r.events, r.exhibitions, r.contests, r.episodes, r.activities_last_12_months, r.dormant, r.new)
            for r in report.agreements.rows
        },
        "matrix": (asdict(report.partner_matrix)),
        "by_kind": [asdict(r) for r in report.events_by_kind],
        "by_format": [asdict(r) for r in report.events_by_format],
        "by_scope": [asdict(r) for r in report.events_by_scope],
        "months": [m.counts for m in report.by_month],
        "participants": asdict(report.participants),
        "partners": asdict(report.partners),
        "nk": asdict(report.nk),
        "directions": [(d.key, d.count, d.joint, d.drafts) for d in report.directions],
        "own": asdict(report.own),
        "held": {d.key: [i.id for i in d.items] for d in report.directions},
    }


def _telebridge(scenario, status=HELD, **kwargs):
    """The host's telebridge with a site at home and at two partners: 25, 30 and 40 people, no total typed."""
    event = TelebridgeFactory(
        status=status,
        organiser=scenario.host,
        starts_at=at(2020, 10, 5),
        format=Event.Format.HYBRID,
        participants_count=None,
        **kwargs,
    )
    for library, count in ((scenario.host, 25), (scenario.p1, 30), (scenario.p2, 40)):
        ParticipationFactory(event=event, library=library, participants_count=count)
    return event


# ---- status -------------------------------------------------------------------------------------


def test_a_held_telebridge_with_sites_25_30_40_adds_exactly_95_participants(scenario):
    before = build_report(2020)
    _telebridge(scenario)
    after = build_report(2020)
    assert after.participants.event_participants == before.participants.event_participants + 95
    assert after.participants.telebridge_participants == before.participants.telebridge_participants + 95
    assert after.figure("telebridges").value == before.figure("telebridges").value + 1
    assert after.figure("activities").value == before.figure("activities").value + 1
    # For 6-НК the host counts only its own hall (25): the partners' sites are theirs.
    assert after.nk.row("total").visits == before.nk.row("total").visits + 25


def test_a_cancelled_telebridge_counts_nowhere_and_is_named_as_cancelled(scenario):
    before = build_report(2020)
    event = _telebridge(scenario)
    assert figures(build_report(2020)) != figures(before)
    event.status = Status.CANCELLED
    event.save()
    after = build_report(2020)
    assert figures(after) == figures(before)
    assert event.pk not in [i.id for i in after.direction(DIRECTION_TELEBRIDGES).items]
    row = next(r for r in after.statuses.rows if r.key == DIRECTION_TELEBRIDGES)
    assert (row.held, row.cancelled) == (1, 1)
    assert [(i.title, i.status_label) for i in after.statuses.items] == [(event.title, "отменено")]


@time_machine.travel(datetime.datetime(2020, 7, 1, 12, 0, tzinfo=KEMEROVO))
def test_a_planned_event_after_the_report_date_counts_nowhere_as_held(scenario):
    before = build_report(2020)
    assert before.as_of == D(2020, 7, 1)
    planned = EventFactory(organiser=scenario.p1, starts_at=at(2020, 9, 15), participants_count=70)
    marked_too_early = EventFactory(status=HELD, organiser=scenario.p2, starts_at=at(2020, 9, 20))
    after = build_report(2020)
    assert figures(after) == figures(before)
    assert after.statuses.planned == before.statuses.planned + 2
    planned_titles = [i.title for i in after.statuses.with_status(Status.PLANNED)]
    assert planned.title in planned_titles and marked_too_early.title in planned_titles


@time_machine.travel(datetime.datetime(2021, 3, 1, 12, 0, tzinfo=KEMEROVO))
def test_a_planned_event_whose_date_passed_awaits_confirmation_and_is_not_counted(scenario, client, manager):
    before = build_report(2020)
    waiting = EventFactory(organiser=scenario.p1, starts_at=at(2020, 10, 1), participants_count=70)
    after = build_report(2020)
    assert figures(after) == figures(before)
    assert [i.title for i in after.statuses.with_status("awaiting")] == [waiting.title]
    client.force_login(manager)
    html = client.get(reverse("reports:index"), {"year": 2020}).content.decode()
    assert 'id="gap-notice"' in html and waiting.title in html


def test_the_attendance_the_report_counts_is_the_sql_form_with_attendance(scenario):
    from reports.queries import Period, load_rows

    event = _telebridge(scenario, online_viewers=7)
    EventFactory(status=HELD, organiser=scenario.p1, starts_at=at(2020, 10, 6), online_viewers=12)
    rows = load_rows(Period.for_days(D(2019, 1, 1), D(2021, 12, 31)))
    got = {row.id: row.attendance for row in rows.events}
    assert got == dict(Event.objects.with_attendance().values_list("pk", "attendance"))
    assert got[event.pk] == 25 + 30 + 40 + 7


# ---- joint and the host's own ------------------------------------------------------------------------------


def test_a_host_only_episode_changes_no_joint_figure_but_a_partners_episode_does(scenario):
    before = build_report(2020)
    EpisodeFactory(
        status=HELD, project=scenario.ep1.project, number=20, library=scenario.host, published_on=D(2020, 10, 1)
    )
    own = build_report(2020)
    changed = {k for k in figures(own) if figures(own)[k] != figures(before)[k]}
    assert changed == {"headline", "directions", "own", "held"}
    assert all(own.figure(f.key).value == f.value for f in before.headline if f.key != "own_activities")
    assert own.figure("own_activities").value == before.figure("own_activities").value + 1
    projects = own.direction(DIRECTION_PROJECTS)
    assert (projects.count, projects.joint, projects.own) == (3, 1, 2)

    EpisodeFactory(
        status=HELD, project=scenario.ep1.project, number=21, library=scenario.p1, published_on=D(2020, 10, 2)
    )
    partners = build_report(2020)
    assert partners.figure("episodes").value == own.figure("episodes").value + 1
    assert partners.figure("activities").value == own.figure("activities").value + 1
    assert partners.figure("own_activities").value == own.figure("own_activities").value


# ---- credit and dormancy ----------------------------------------------------------------------------------


@pytest.fixture
def two_sleepy_partners(db):
    host = HostLibraryFactory()
    a = AgreementFactory(partner=LibraryFactory(short_name="А"), number="A", signed_on=D(2018, 1, 10), valid_until=None)
    b = AgreementFactory(partner=LibraryFactory(short_name="Б"), number="B", signed_on=D(2018, 2, 10), valid_until=None)
    return host, a, b


def test_a_telebridge_with_two_partners_takes_both_agreements_out_of_dormancy(two_sleepy_partners):
    host, a, b = two_sleepy_partners
    before = build_report(2020)
    assert before.agreements.dormant == 2
    event = TelebridgeFactory(status=HELD, organiser=host, starts_at=at(2020, 6, 1))
    ParticipationFactory(event=event, library=a.partner)
    ParticipationFactory(event=event, library=b.partner)
    after = build_report(2020)
    assert after.agreements.dormant == 0
    assert {r.number: (r.events, r.last_activity_on, r.dormant) for r in after.agreements.rows} == {
        "A": (1, D(2020, 6, 1), False),
        "B": (1, D(2020, 6, 1), False),
    }


def test_a_cancelled_telebridge_leaves_the_agreements_dormant(two_sleepy_partners):
    host, a, b = two_sleepy_partners
    event = TelebridgeFactory(status=Status.CANCELLED, organiser=host, starts_at=at(2020, 6, 1))
    ParticipationFactory(event=event, library=a.partner)
    ParticipationFactory(event=event, library=b.partner)
    assert build_report(2020).agreements.dormant == 2


def test_an_agreement_signed_two_months_before_the_report_date_is_new_not_dormant(two_sleepy_partners):
    AgreementFactory(partner=LibraryFactory(), number="new", signed_on=D(2020, 10, 31), valid_until=None)
    report = build_report(2020)
    row = next(r for r in report.agreements.rows if r.number == "new")
    assert (row.in_force, row.new, row.dormant, row.activities) == (True, True, False, 0)
    assert (report.agreements.new, report.agreements.dormant) == (1, 2)


def test_the_report_credits_what_the_admin_credits(scenario):
    """The credit the report derives from rows is the one rule the admin and the agreement page use."""
    from agreements.models import agreements_credited_by

    report = build_report(2020)
    rows = {r.id: r.activities for r in report.agreements.rows}
    expected = dict.fromkeys(rows, 0)
    for activity in (scenario.e0, scenario.e1, scenario.e2, scenario.t1, scenario.x1, scenario.c1, scenario.c2):
        for agreement_id in agreements_credited_by(activity):
            expected[agreement_id] += 1
    for activity in (scenario.ep1, scenario.ep2, scenario.e3, scenario.x2):
        for agreement_id in agreements_credited_by(activity):
            expected[agreement_id] += 1
    assert rows == expected


# ---- 6-НК ---------------------------------------------------------------------------------------


def test_a_partners_webinar_for_librarians_with_the_host_taking_part_changes_no_6nk_figure(scenario):
    before = build_report(2020).nk
    webinar = EventFactory(
        status=HELD, organiser=scenario.p1, audience=Event.Audience.SPECIALISTS, starts_at=at(2020, 10, 7)
    )
    ParticipationFactory(
        event=webinar, library=scenario.host, role=Participation.Role.PARTICIPANT, participants_count=10
    )
    assert build_report(2020).nk == before


def test_an_event_for_librarians_the_host_co_organised_is_methodological_work_not_6nk(scenario):
    before = build_report(2020).nk
    webinar = EventFactory(
        status=HELD, organiser=scenario.p1, audience=Event.Audience.SPECIALISTS, starts_at=at(2020, 10, 7)
    )
    ParticipationFactory(
        event=webinar, library=scenario.host, role=Participation.Role.CO_ORGANISER, participants_count=10
    )
    after = build_report(2020).nk
    assert after.rows == before.rows
    assert (after.methodological.events, after.methodological.visits) == (1, 10)


def test_an_online_event_is_remote_in_6nk(scenario):
    before = {r.key: (r.events, r.visits) for r in build_report(2020).nk.rows}
    event = EventFactory(
        status=HELD,
        organiser=scenario.host,
        format=Event.Format.ONLINE,
        venue="",
        target_group=Event.TargetGroup.CHILDREN,
        starts_at=at(2020, 10, 9),
        participants_count=30,
    )
    assert event.nk_venue == Event.Venue.REMOTE
    after = {r.key: (r.events, r.visits) for r in build_report(2020).nk.rows}
    moved = {k: (after[k][0] - before[k][0], after[k][1] - before[k][1]) for k in after}
    assert moved == {
        "total": (1, 30),
        "children": (1, 30),
        "youth": (0, 0),
        "off_site_remote": (1, 30),
        "remote": (1, 30),
    }


def test_a_hybrid_events_hall_is_in_the_library_and_its_online_viewers_remote(scenario):
    before = {r.key: (r.events, r.visits) for r in build_report(2020).nk.rows}
    event = EventFactory(
        status=HELD,
        organiser=scenario.host,
        format=Event.Format.HYBRID,
        venue="",
        target_group=Event.TargetGroup.YOUTH,
        starts_at=at(2020, 10, 9),
        online_viewers=200,
    )
    ParticipationFactory(event=event, library=scenario.host, role=Participation.Role.ORGANISER, participants_count=40)
    ParticipationFactory(event=event, library=scenario.p1, participants_count=15)  # the partner's hall: not ours
    after = {r.key: (r.events, r.visits) for r in build_report(2020).nk.rows}
    moved = {k: (after[k][0] - before[k][0], after[k][1] - before[k][1]) for k in after}
    assert moved == {
        "total": (1, 240),
        "children": (0, 0),
        "youth": (1, 240),
        "off_site_remote": (0, 200),
        "remote": (0, 200),
    }


# ---- unknown is never 0, and the page and the files agree ----------------------------------------------------


@pytest.fixture
def nothing_known(db):
    """A partner's exhibition and a joint event, held in 2020, with no figures at all."""
    host = HostLibraryFactory()
    partner = LibraryFactory()
    exhibition = ExhibitionFactory(status=HELD, provider=partner)
    ExhibitionStopFactory(status=HELD, exhibition=exhibition, venue=host, visitors=None, excursions=None)
    EventFactory(status=HELD, organiser=partner, starts_at=at(2020, 4, 2), participants_count=None)
    return build_report(2020)


def test_unknown_visitors_are_no_data_in_the_report(nothing_known):
    p = nothing_known.participants
    assert (p.exhibition_visitors, p.stops_without_visitors) == (None, 1)
    assert (p.event_participants, p.events_without_figure) == (None, 1)
    assert nothing_known.figure("exhibition_visitors").value is None
    assert nothing_known.figure("exhibition_visitors").change is None


def test_unknown_visitors_render_no_data_on_the_page_in_xlsx_and_csv(nothing_known, client, manager):
    client.force_login(manager)
    html = client.get(reverse("reports:index"), {"year": 2020}).content.decode()
    page = helpers.figures(html, "participants")
    assert page["exhibition_visitors"] == page["event_participants"] == "нет данных"
    assert helpers.keyed_rows(html, "summary")["exhibition_visitors"][1] == "нет данных"

    wb = load_workbook(io.BytesIO(to_xlsx(nothing_known)))
    sheet = dict(r[:2] for r in wb["Участники"].iter_rows(min_row=2, values_only=True))
    assert sheet["Посетителей выставок"] == sheet["Участников мероприятий"] == "нет данных"
    stops = list(wb["Выставки"].iter_rows(min_row=2, values_only=True))
    assert stops[0][7:10] == ("проведено", "нет данных", "нет данных")

    cells = {(s, r, c): v for s, r, c, v in _csv_rows(nothing_known)}
    assert cells[("Участники", "Посетителей выставок", "Значение")] == "нет данных"
    assert cells[("Участники", "Участников мероприятий", "Значение")] == "нет данных"


def _csv_rows(report):
    return list(csv.reader(io.StringIO(to_csv(report).decode("utf-8-sig")), delimiter=";"))[1:]


@pytest.mark.parametrize("fixture", ["scenario", "nothing_known"])
def test_the_page_the_xlsx_and_the_csv_show_the_same_headline(request, fixture, client, manager):
    request.getfixturevalue(fixture)
    report = build_report(2020)
    client.force_login(manager)
    page = helpers.keyed_rows(client.get(reverse("reports:index"), {"year": 2020}).content.decode(), "summary")
    xlsx = {
        r[0]: r[1:3]
        for r in load_workbook(io.BytesIO(to_xlsx(report)))["Сводка"].iter_rows(min_row=2, values_only=True)
    }
    csv_cells = {(r, c): v for s, r, c, v in _csv_rows(report) if s == "Сводка"}
    for f in report.headline:
        shown = ["нет данных" if v is None else str(v) for v in (f.value, f.previous)]
        assert page[f.key][1:3] == shown, f.key
        assert [str(v) for v in xlsx[f.label]] == shown, f.key
        assert [csv_cells[(f.label, "2020")], csv_cells[(f.label, "2019")]] == shown, f.key


# ---- queries -----------------------------------------------------------------------------------------------


def _grow_every_kind(scenario, n):
    """n more of every kind of activity in 2020, each with partners, sites, stops, curators and overrides."""
    for i in range(n):
        partner = LibraryFactory()
        agreement = AgreementFactory(partner=partner, signed_on=D(2019, 1, 1))
        event = TelebridgeFactory(status=HELD, organiser=scenario.host, starts_at=at(2020, 1 + i % 12, 3))
        ParticipationFactory(event=event, library=partner, participants_count=i)
        event.agreements_excluded.add(agreement)
        exhibition = ExhibitionFactory(status=HELD, provider=partner, agreement=scenario.a1)
        ExhibitionStopFactory(status=HELD, exhibition=exhibition, venue=scenario.host, visitors=i)
        contest = ContestFactory(status=HELD, organiser=partner)
        CuratorFactory(contest=contest, library=scenario.host)
        EpisodeFactory(status=HELD, library=partner, published_on=D(2020, 1 + i % 12, 9))


def _queries():
    with CaptureQueriesContext(connection) as ctx:
        build_report(2020)
    return len(ctx.captured_queries)


def test_query_count_stays_flat_as_every_kind_of_row_grows(scenario):
    from tests.reports.test_report import BUILD_QUERIES

    _grow_every_kind(scenario, 3)
    small = _queries()
    _grow_every_kind(scenario, 30)
    assert _queries() == small == BUILD_QUERIES


def _touring(host, a, b, second_stop_status=HELD, second_year=2020):
    """The host's travelling exhibition: a held stop at partner А in March 2020, then one at partner Б."""
    exhibition = ExhibitionFactory(provider=host, status=HELD)
    ExhibitionStopFactory(
        exhibition=exhibition, venue=a.partner, starts_on=D(2020, 3, 1), ends_on=D(2020, 3, 31), status=HELD
    )
    ExhibitionStopFactory(
        exhibition=exhibition,
        venue=b.partner,
        starts_on=D(second_year, 5, 1),
        ends_on=D(second_year, 5, 31),
        status=second_stop_status,
    )
    return exhibition


def test_a_cancelled_stop_serves_no_agreement_of_its_venue(two_sleepy_partners):
    host, a, b = two_sleepy_partners
    _touring(host, a, b, second_stop_status=Status.CANCELLED)
    rows = {r.number: (r.exhibitions, r.dormant) for r in build_report(2020).agreements.rows}
    assert rows == {"A": (1, False), "B": (0, True)}


def test_a_stop_in_the_next_year_serves_its_venues_agreement_in_that_year_only(two_sleepy_partners):
    host, a, b = two_sleepy_partners
    _touring(host, a, b, second_stop_status=Status.PLANNED, second_year=2021)
    with time_machine.travel(datetime.datetime(2021, 12, 31, 3, 0, tzinfo=datetime.UTC)):
        this_year = {r.number: r.exhibitions for r in build_report(2020).agreements.rows}
        ExhibitionStop.objects.filter(starts_on__year=2021).update(status=HELD)
        next_year = {r.number: r.exhibitions for r in build_report(2021).agreements.rows}
    assert this_year == {"A": 1, "B": 0}
    assert next_year == {"A": 0, "B": 1}
