"""A partner's own report on the annual report's scenario (tests/reports/conftest.py): statuses, unknown figures,
refusals and the query count (reports/partner.py)."""

import datetime

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from agreements.models import Library
from core import kinds
from core.models import Status
from events.models import Event
from reports.partner import build_partner_report
from reports.report import ReportYearError
from tests.factories import EventFactory, LibraryFactory, ParticipationFactory


def _html(report):
    return render_to_string("reports/_partner_report.html", {"report": report})


def test_statuses_follow_the_annual_reports_rule(scenario):
    p2 = Library.objects.get(short_name="ВК ОДЮБ")
    Event.objects.filter(title="Мир детства: от книг к мечтам").update(status=Status.PLANNED)
    Event.objects.filter(title="Конференция о детском чтении").update(status=Status.CANCELLED)
    report = build_partner_report(p2, 2020)
    status = {a.title: (a.status_label, a.held) for a in report.activities}
    assert status["Мир детства: от книг к мечтам"] == ("ждёт подтверждения", False)
    assert status["Конференция о детском чтении"] == ("отменено", False)
    assert (report.totals.awaiting, report.totals.cancelled) == (1, 1)
    assert report.totals.held == len(report.activities) - 2


def test_unknown_stays_unknown(scenario):
    p2 = Library.objects.get(short_name="ВК ОДЮБ")
    report = build_partner_report(p2, 2020)
    assert report.totals.sites_with_figure == 0
    assert report.totals.site_participants is None
    assert "нет данных" in _html(report)


def test_the_host_and_a_bad_year_are_refused(scenario):
    with pytest.raises(ValueError):
        build_partner_report(Library.objects.get(is_host=True), 2020)
    with pytest.raises(ReportYearError):
        build_partner_report(Library.objects.get(short_name="ВК ОДЮБ"), 12345)


def _queries(library) -> int:
    with CaptureQueriesContext(connection) as ctx:
        build_partner_report(library, 2020)
    return len(ctx.captured_queries)


# Libraries, agreements, the rows of two years (events, sites, stops, contests, curators, episodes, overrides), and
# the library's amendments; then what each registered kind that brings its own direction reads.
PARTNER_QUERIES = 10 + sum(kind.report_queries for kind in kinds.reported())


def test_query_count_is_constant_as_rows_grow(scenario, django_assert_num_queries):
    from tests.reports.test_report import _grow

    p2 = Library.objects.get(short_name="ВК ОДЮБ")
    assert _queries(p2) == PARTNER_QUERIES
    _grow(30)
    host = Library.objects.get(is_host=True)
    for day in range(1, 21):
        event = EventFactory(
            status=Status.HELD, organiser=host, starts_at=datetime.datetime(2020, 3, day, 10, tzinfo=datetime.UTC)
        )
        ParticipationFactory(event=event, library=p2, participants_count=day)
        ParticipationFactory(event=event, library=LibraryFactory(), participants_count=1000 + day)
    with django_assert_num_queries(PARTNER_QUERIES):
        report = build_partner_report(p2, 2020)
    # Its own 20 sites' counts; E2's and T1's sites have none. The other libraries' 1001… never count.
    assert (report.totals.site_participants, report.totals.sites_with_figure) == (sum(range(1, 21)), 20)
    assert all(f.participants is None or f.participants < 1000 for a in report.activities for f in a.figures)
