"""build_report(): every figure against the hand count in conftest.py, the edge cases, and the query count."""

import datetime

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core import kinds
from core.models import Status
from reports.data import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
)
from reports.report import ReportYearError, build_report, parse_year
from tests.factories import AgreementFactory, EventFactory, LibraryFactory, ParticipationFactory
from tests.reports.conftest import (
    AGREEMENTS_2020,
    HEADLINE_2020,
    KEMEROVO,
    MATRIX_2020,
    MATRIX_COLUMNS,
    MATRIX_TOTALS_2020,
    MONTHS_2020,
    NK_2020,
    PARTICIPANTS_2020,
    at,
)

D = datetime.date


def test_headline_figures_match_the_hand_count_with_the_previous_year(scenario):
    report = build_report(2020)
    got = {f.key: (f.value, f.previous) for f in report.headline}
    assert got == HEADLINE_2020


def test_headline_change_is_absolute_and_percent(scenario):
    report = build_report(2020)
    activities = report.figure("activities")
    assert (activities.change, activities.change_pct) == (6, 300.0)  # 8 vs 2
    dormant = report.figure("agreements_dormant")
    assert (dormant.change, dormant.change_pct) == (-2, -66.7)  # 1 vs 3
    telebridges = report.figure("telebridges")
    assert (telebridges.change, telebridges.change_pct) == (1, None)  # nothing the year before


def test_period_is_the_calendar_year_in_kemerovo(scenario):
    report = build_report(2020)
    assert report.period_start == datetime.datetime(2020, 1, 1, tzinfo=KEMEROVO)
    assert report.period_end == datetime.datetime(2021, 1, 1, tzinfo=KEMEROVO)
    assert report.as_of == D(2020, 12, 31)


def test_agreement_totals(scenario):
    a = build_report(2020).agreements
    got = (a.in_force, a.no_end_date, a.signed, a.terminated, a.expired, a.expiring_next_year, a.dormant, a.new)
    assert got == (4, 1, 2, 1, 1, 1, 1, 2)


def test_agreement_totals_match_the_queryset_in_force_on(scenario):
    from agreements.models import Agreement

    assert build_report(2020).agreements.in_force == Agreement.objects.in_force_on(D(2020, 12, 31)).count()


def test_each_agreement_activity_state_and_dormancy(scenario):
    rows = {r.number: r for r in build_report(2020).agreements.rows}
    assert set(rows) == set(AGREEMENTS_2020)  # the unsigned draft agreement is not part of the report
    for number, (activities, drafts, dormant, in_force, state) in AGREEMENTS_2020.items():
        row = rows[number]
        assert (row.activities, row.drafts, row.dormant, row.in_force, row.state_label) == (
            activities,
            drafts,
            dormant,
            in_force,
            state,
        ), number


def test_agreement_flags(scenario):
    rows = {r.number: r for r in build_report(2020).agreements.rows}
    assert rows["1"].valid_until is None and rows["1"].in_force
    assert rows["2"].signed_in_year and rows["2"].expiring_next_year
    assert rows["3"].terminated_in_year and not rows["3"].expired_in_year
    assert rows["5"].expired_in_year and not rows["5"].in_force
    assert rows["6"].in_force and not rows["6"].expiring_next_year  # prolongs itself
    assert (rows["1"].events, rows["1"].contests) == (3, 1)
    assert rows["2"].new and rows["4"].new and not rows["1"].new and not rows["6"].new
    assert (rows["2"].events, rows["2"].contests, rows["2"].episodes) == (2, 1, 1)
    assert rows["3"].exhibitions == 1


def test_last_activity_of_an_agreement_is_in_kemerovo_time(scenario):
    rows = {r.number: r for r in build_report(2020).agreements.rows}
    assert rows["2"].last_activity_on == D(2020, 11, 19)  # E2
    # E2, where P1 was a site; the 31 Dec Moscow webinar is 2021 in Kemerovo
    assert rows["1"].last_activity_on == D(2020, 11, 19)
    assert rows["4"].last_activity_on is None


def test_a_dormant_agreement_names_its_last_activity_however_long_ago(scenario):
    """Dormant is nothing in the last 12 months: the last held activity, years before the report, is still named,
    from 2019 (loaded as the year before) and from further back (asked of the agreements' credit path)."""
    a4_row = {r.number: r for r in build_report(2022).agreements.rows}["4"]
    assert a4_row.dormant and a4_row.last_activity_on is None  # nothing ever under A4
    EventFactory(status=Status.HELD, title="Давний вебинар", organiser=scenario.p4, starts_at=at(2020, 4, 7))
    EventFactory(status=Status.HELD, title="Вебинар 2021 года", organiser=scenario.p4, starts_at=at(2021, 3, 2))
    EventFactory(title="Не проведён", organiser=scenario.p4, starts_at=at(2021, 9, 9), status=Status.CANCELLED)
    assert {r.number: r for r in build_report(2022).agreements.rows}["4"].last_activity_on == D(2021, 3, 2)
    assert {r.number: r for r in build_report(2023).agreements.rows}["4"].last_activity_on == D(2021, 3, 2)
    assert {r.number: r for r in build_report(2024).agreements.rows}["4"].last_activity_on == D(2021, 3, 2)


def test_partner_direction_matrix(scenario):
    m = build_report(2020).partner_matrix
    assert [c.label for c in m.columns] == MATRIX_COLUMNS
    got = {r.name: (r.counts, r.total, r.drafts) for r in m.rows}
    assert got == MATRIX_2020
    assert (m.totals, m.total, m.total_drafts) == MATRIX_TOTALS_2020


def test_events_by_kind_format_and_scope(scenario):
    report = build_report(2020)
    # Joint events only: the host's own round table (E3) is not cooperation.
    assert {r.label: (r.count, r.drafts) for r in report.events_by_kind} == {
        "вебинар": (1, 0),
        "семинар": (1, 0),
        "конференция": (1, 1),
        "телемост": (1, 0),
    }
    assert {r.key: r.count for r in report.events_by_format} == {
        "online": 2,
        "offline": 1,
        "hybrid": 1,
        "correspondence": 0,
    }
    assert {r.key: r.count for r in report.events_by_scope} == {"international": 2, "interregional": 2, "regional": 0}


def test_by_month(scenario):
    months = build_report(2020).by_month
    assert [m.month for m in months] == list(range(1, 13))
    for m in months:
        expected = MONTHS_2020.get(m.month, (0, 0, 0, 0, 0))
        assert (m.events, m.telebridges, m.exhibitions, m.contests, m.episodes) == expected, m.month
        assert m.total == sum(expected)


def test_participants(scenario):
    p = build_report(2020).participants
    assert {key: getattr(p, key) for key in PARTICIPANTS_2020} == PARTICIPANTS_2020


def test_partners_by_country_region_and_new(scenario):
    partners = build_report(2020).partners
    assert partners.active == 3
    assert [(c.country, c.count) for c in partners.by_country] == [("Россия", 2), ("Казахстан", 1)]
    assert [(c.country, c.region, c.count) for c in partners.by_region] == [
        ("Казахстан", "Восточно-Казахстанская область", 1),
        ("Россия", "Томская область", 1),
        ("Россия", "Хабаровский край", 1),
    ]
    assert [(n.name, n.first_signed_on) for n in partners.new] == [
        ("Волгоградская ОДБ", D(2020, 2, 1)),
        ("ВК ОДЮБ", D(2020, 3, 1)),
    ]


def test_form_6nk_figures_and_wording(scenario):
    nk = build_report(2020).nk.rows
    assert {r.key: (r.events, r.visits, r.drafts) for r in nk} == NK_2020
    assert nk[0].no_visits == 1  # E3: the host's round table has no figure
    assert [r.label for r in nk] == [
        "Число мероприятий — всего",
        "из них для детей до 14 лет включительно",
        "из них для молодёжи 15–30 лет",
        "из них вне стационара и удалённо",
        "из них удалённо",
    ]


def test_directions_list_each_activity_in_its_section(scenario):
    report = build_report(2020)
    titles = {d.key: [i.title for i in d.items] for d in report.directions}
    assert titles[DIRECTION_EVENTS] == [
        "Семинар в новогоднюю ночь",
        "Вебинар о волонтёрах",
        "Круглый стол библиотекарей",
        "Конференция о детском чтении",
    ]
    assert titles[DIRECTION_TELEBRIDGES] == ["Мир детства: от книг к мечтам"]
    assert titles[DIRECTION_EXHIBITIONS] == ["Город дружбы", "Хабаровский край! Он почти бесконечный..."]
    assert titles[DIRECTION_CONTESTS] == ["Вдумчивый читатель", "Абай мұрасы. К Абаю..."]
    assert titles[DIRECTION_PROJECTS] == ["Аксак-кулан", "Шорские сказки"]
    assert [d.title for d in report.directions] == [
        "Участие в профессиональных мероприятиях",
        "Реализация выставочных проектов",
        "Телемосты",
        "Проведение совместных конкурсов детского и молодёжного творчества",
        "Реализация просветительских проектов",
    ]


def test_listed_activities_carry_dates_partners_and_figures(scenario):
    report = build_report(2020)
    e2 = next(i for i in report.direction(DIRECTION_EVENTS).items if i.id == scenario.e2.pk)
    assert (e2.starts_on, e2.partners, e2.participants) == (D(2020, 11, 19), ["ВК ОДЮБ", "Томская ОДЮБ"], 100)
    x2 = next(i for i in report.direction(DIRECTION_EXHIBITIONS).items if i.id == scenario.x2.pk)
    assert (x2.first_day, x2.last_day, x2.visitors, x2.partners) == (D(2020, 1, 1), D(2020, 1, 20), 0, [])
    c1 = next(i for i in report.direction(DIRECTION_CONTESTS).items if i.id == scenario.c1.pk)
    assert (c1.entries, c1.from_our_region, c1.winners, c1.finalists, c1.laureates) == (4, 3, 1, 1, 0)


def test_drafts_count_and_are_marked(scenario):
    report = build_report(2020)
    assert report.drafts == 3
    assert {d.key: d.drafts for d in report.directions} == {
        DIRECTION_EVENTS: 1,
        DIRECTION_EXHIBITIONS: 0,
        DIRECTION_TELEBRIDGES: 0,
        DIRECTION_CONTESTS: 1,
        DIRECTION_PROJECTS: 1,
    }
    drafts = [i.title for d in report.directions for i in d.items if i.is_draft]
    assert drafts == ["Конференция о детском чтении", "Вдумчивый читатель", "Шорские сказки"]


def test_event_at_2330_on_31_december_in_moscow_counts_in_the_next_year(scenario):
    in_2020 = [i.id for i in build_report(2020).direction(DIRECTION_EVENTS).items]
    in_2021 = [i.id for i in build_report(2021).direction(DIRECTION_EVENTS).items]
    assert scenario.edge.pk not in in_2020
    assert in_2021 == [scenario.edge.pk]
    assert build_report(2021).participants.event_participants == 500


def test_event_at_2030_on_31_december_in_moscow_is_already_1_january_in_kemerovo(scenario):
    assert scenario.e0.pk in [i.id for i in build_report(2020).direction(DIRECTION_EVENTS).items]
    assert scenario.e0.pk not in [i.id for i in build_report(2019).direction(DIRECTION_EVENTS).items]


def test_exhibition_spanning_two_years_counts_in_both_with_its_visitors_in_the_opening_year(scenario):
    scenario.x2.provider = scenario.p1  # a partner's exhibition: joint, so its visitors are in the figures
    scenario.x2.save()
    r2019, r2020 = build_report(2019), build_report(2020)
    assert scenario.x2.pk in [i.id for i in r2019.direction(DIRECTION_EXHIBITIONS).items]
    assert scenario.x2.pk in [i.id for i in r2020.direction(DIRECTION_EXHIBITIONS).items]
    assert (r2019.participants.exhibition_visitors, r2020.participants.exhibition_visitors) == (300, 850)


def test_a_year_with_nothing_in_it_is_all_zeros(scenario):
    report = build_report(1995)
    assert all(f.value == 0 and f.previous == 0 for f in report.headline)
    assert report.agreements.rows == []
    assert report.partner_matrix.total == 0
    assert all(m.total == 0 for m in report.by_month)
    assert all(r.events == 0 and r.visits == 0 for r in report.nk.rows)
    assert report.is_empty


def test_an_empty_database_builds_a_report(db):
    report = build_report(2020)
    assert report.is_empty and report.years_with_data == []


def test_a_year_terminated_agreement_disappears_after_its_year(scenario):
    numbers = [r.number for r in build_report(2021).agreements.rows]
    assert "3" not in numbers and "5" not in numbers
    assert "1" in numbers


@time_machine.travel(datetime.datetime(2020, 7, 1, 12, 0, tzinfo=KEMEROVO))
def test_the_current_year_is_reported_as_of_today(scenario):
    report = build_report(2020)
    assert report.as_of == D(2020, 7, 1)
    rows = {r.number: r for r in report.agreements.rows}
    # On 1 July A3 is not yet terminated and A5 has just expired; A4 has had nothing, but is new.
    assert rows["3"].in_force and not rows["5"].in_force
    assert rows["4"].new and not rows["4"].dormant and not rows["1"].dormant and rows["6"].dormant


@pytest.mark.parametrize("value", ["1989", "2101", "abc", "", "20.5", "-2020", None, "99999999", "²⁰²⁰", "２０２０"])
def test_parse_year_rejects_bad_years_with_a_russian_message(value):
    with pytest.raises(ReportYearError) as error:
        parse_year(value)
    assert "год" in str(error.value)


@pytest.mark.parametrize("value,year", [("1990", 1990), ("2100", 2100), (" 2020 ", 2020), (2020, 2020)])
def test_parse_year_accepts_1990_to_2100(value, year):
    assert parse_year(value) == year


def test_build_report_rejects_a_year_out_of_range(db):
    with pytest.raises(ReportYearError):
        build_report(1989)


def _grow(n):
    """n more events in 2020 with a site each, plus an agreement and a partner per ten events."""
    for i in range(n):
        partner = LibraryFactory()
        agreement = AgreementFactory(partner=partner, signed_on=D(2019, 1, 1)) if i % 10 == 0 else None
        event = EventFactory(
            status=Status.HELD,
            organiser=partner,
            agreement=agreement,
            starts_at=datetime.datetime(2020, 1 + i % 12, 5, 10, tzinfo=KEMEROVO),
            participants_count=i,
            is_published=bool(i % 2),
        )
        ParticipationFactory(event=event, library=partner)


def _queries(year):
    with CaptureQueriesContext(connection) as ctx:
        build_report(year)
    return len(ctx.captured_queries)


def test_query_count_does_not_grow_with_rows(scenario, django_assert_num_queries):
    _grow(5)
    small = _queries(2020)
    _grow(50)
    with django_assert_num_queries(small):
        report = build_report(2020)
    assert report.figure("activities").value == 8 + 55


# Libraries, agreements, the rows of two years (events, sites, stops, contests, curators, episodes, overrides),
# the listings' extras (guests, texts, routes, curators, awards) and the year picker; then what each registered kind
# that brings its own direction reads (`ActivityKind.report_queries`).
KIND_QUERIES = sum(kind.report_queries for kind in kinds.reported())
# A6 is dormant with nothing held in 2019–2020, so the day of its last activity is asked of the agreements' credit
# path (`last_held_before`): its partner's agreements, then per kind the held rows of P1, and for the kinds it has
# rows of (events, contests, the test kind) what the credit rule reads and the two overrides.
DORMANT_QUERIES = 12
BUILD_QUERIES = 18 + KIND_QUERIES + DORMANT_QUERIES


def test_query_count_is_pinned(scenario, django_assert_num_queries):
    _grow(50)
    with django_assert_num_queries(BUILD_QUERIES):
        build_report(2020)
