"""The annual report marks a partner site's figure its own staff entered (the partner portal), and counts them.

On the report's scenario (tests/reports/conftest.py) the partners' own sites of the held joint work of 2020 are
E1's P1 (organiser), E2's P2 (organiser) and P1 (participant), and T1's P2 (site): four, none with a figure.
"""

import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from openpyxl import load_workbook

from agreements.models import Library
from core.models import Status
from events.models import Participation
from exhibitions.models import Exhibition
from reports.exports import to_csv, to_xlsx
from reports.report import build_report
from tests.factories import ExhibitionFactory, ExhibitionStopFactory
from tests.reports import helpers

TELEBRIDGE = "Мир детства: от книг к мечтам"
CONFIRMED = "подтверждено партнёром"


@pytest.fixture
def partner_user(db):
    return get_user_model().objects.create_user("vko-staff", password="x")


def _enter(row, user, *, by_partner: bool, **figures):
    row.save_figures(user=user, by_partner=by_partner, **figures)


@pytest.fixture
def confirmed_site(scenario, partner_user):
    """T1's ВК ОДЮБ site: 25 participants, entered by the partner's own staff."""
    site = Participation.objects.get(event__title=TELEBRIDGE, library__short_name="ВК ОДЮБ")
    _enter(site, partner_user, by_partner=True, participants_count=25)
    return site


def _telebridge(report):
    return next(i for i in report.direction("telebridges").items if i.title == TELEBRIDGE)


def test_no_partner_figure_is_confirmed_at_first(scenario):
    p = build_report(2020).participants
    assert (p.partner_sites, p.partner_figures, p.partner_figures_confirmed) == (4, 0, 0)
    assert p.partner_sites_without_figures == 4


def test_a_figure_the_partner_entered_is_marked_and_counted(confirmed_site):
    report = build_report(2020)
    p = report.participants
    assert (p.partner_sites, p.partner_figures, p.partner_figures_confirmed) == (4, 1, 1)
    sites = {s.library.name: s for s in _telebridge(report).sites}
    assert sites["ВК ОДЮБ"].confirmed and sites["ВК ОДЮБ"].participants == 25
    assert not any(s.confirmed for name, s in sites.items() if name != "ВК ОДЮБ")
    assert [s.library.name for s in _telebridge(report).site_figures] == ["ВК ОДЮБ"]


def test_a_figure_the_host_entered_is_counted_but_not_confirmed(scenario, manager):
    site = Participation.objects.get(event__title=TELEBRIDGE, library__short_name="ВК ОДЮБ")
    _enter(site, manager, by_partner=False, participants_count=25)
    p = build_report(2020).participants
    assert (p.partner_figures, p.partner_figures_confirmed) == (1, 0)
    assert not any(s.confirmed for s in _telebridge(build_report(2020)).sites)


def test_a_figure_the_hosts_staff_change_clears_the_mark(confirmed_site, methodologist):
    site = Participation.objects.get(pk=confirmed_site.pk)
    site.save_figures(user=methodologist, by_partner=False, participants_count=26)
    assert build_report(2020).participants.partner_figures_confirmed == 0


def test_the_hosts_own_site_never_counts_as_a_partners(scenario, manager):
    site = Participation.objects.get(event__title=TELEBRIDGE, library__is_host=True)
    _enter(site, manager, by_partner=True, participants_count=35)
    p = build_report(2020).participants
    assert (p.partner_sites, p.partner_figures, p.partner_figures_confirmed) == (4, 0, 0)


@pytest.fixture
def confirmed_stop(scenario, partner_user):
    """The host's exhibition at ХКДБ in 2020: 300 visitors and 2 excursions, entered by ХКДБ's staff."""
    venue = Library.objects.get(short_name="ХКДБ")
    host = Library.objects.get(is_host=True)
    exhibition = ExhibitionFactory(status=Status.HELD, title="Кузбасс в Хабаровске", provider=host)
    stop = ExhibitionStopFactory(
        status=Status.HELD,
        exhibition=exhibition,
        venue=venue,
        starts_on=datetime.date(2020, 4, 6),
        ends_on=datetime.date(2020, 5, 29),
    )
    _enter(stop, partner_user, by_partner=True, visitors=300, excursions=2)
    return stop


def test_a_stop_the_venue_confirmed_is_marked_and_counted(confirmed_stop):
    report = build_report(2020)
    p = report.participants
    assert (p.partner_sites, p.partner_figures, p.partner_figures_confirmed) == (5, 1, 1)
    item = next(i for i in report.direction("exhibitions").items if i.id == confirmed_stop.exhibition_id)
    assert [(s.venue, s.visitors, s.confirmed) for s in item.stops] == [("ХКДБ", 300, True)]
    assert item.stop_figures == item.stops
    others = [i for i in report.direction("exhibitions").items if i.id != confirmed_stop.exhibition_id]
    assert not any(s.confirmed for i in others for s in i.stops)
    assert Exhibition.objects.count() == 3


def test_the_page_shows_the_mark_its_legend_and_the_figure(client, manager, confirmed_site, confirmed_stop):
    client.force_login(manager)
    html = client.get(reverse("reports:index"), {"year": 2020}).content.decode()
    assert helpers.figures(html, "partner-figures") == {
        "partner_figures_confirmed": "2 из 2",
        "partner_sites_without_figures": "3",
    }
    assert "Цифры площадок, подтверждённые партнёрами" in html
    assert 'id="confirmed-legend"' in html
    telebridge = next(line for line in html.splitlines() if f"«{TELEBRIDGE}»" in line)
    assert "ВК ОДЮБ — 25" in telebridge and CONFIRMED in telebridge
    assert "ХКДБ — посетителей 300, экскурсий 2" in html
    # Only the confirmed figures carry the mark, and the legend shows it once.
    assert html.count(f'<span class="report-tag report-confirmed">{CONFIRMED}</span>') == 3


def test_the_files_carry_the_mark_and_the_figure(confirmed_site, confirmed_stop):
    report = build_report(2020)
    book = load_workbook(io.BytesIO(to_xlsx(report)))
    participants = {row[0]: row[1] for row in book["Участники"].iter_rows(min_row=2, values_only=True)}
    assert participants["Площадок партнёров в совместной работе"] == 5
    assert participants["из них с цифрами (участники, посетители)"] == 2
    assert participants["из них цифры подтвердили сами партнёры"] == 2
    events = book["Мероприятия (список)"]
    col = {c.value: i for i, c in enumerate(events[1])}
    rows = {r[col["Название"]]: r for r in events.iter_rows(min_row=2, values_only=True)}
    assert rows[TELEBRIDGE][col["Подтвердили свои цифры"]] == "ВК ОДЮБ: 25"
    assert rows["Конференция о детском чтении"][col["Подтвердили свои цифры"]] is None
    stops = book["Выставки"]
    col = {c.value: i for i, c in enumerate(stops[1])}
    marks = {r[col["Площадка"]]: r[col["Подтверждено партнёром"]] for r in stops.iter_rows(min_row=2, values_only=True)}
    assert marks == {"ХКДБ": "да", Library.objects.get(is_host=True).short_name: None}
    assert "из них цифры подтвердили сами партнёры" in to_csv(report).decode("utf-8-sig")


def test_the_marks_cost_no_query(scenario, confirmed_site, django_assert_num_queries):
    from tests.reports.test_report import BUILD_QUERIES, _grow

    _grow(20)
    for site in Participation.objects.filter(library__is_host=False)[:10]:
        _enter(site, None, by_partner=True, participants_count=7)
    with django_assert_num_queries(BUILD_QUERIES):
        build_report(2020)
