"""The marathon in the annual report, with no line about it in the report: its direction, its counts, its
participants, its credit to agreements, its status, the page, the XLSX and the DOCX, and the partner's report."""

import datetime
import io

import docx
import openpyxl
import pytest
import time_machine
from django.urls import reverse

from core import kinds
from core.models import Status
from reports.data import TABLE_ORDER
from reports.narrative import narrative
from reports.partner import build_partner_report
from reports.report import build_report
from tests.factories import AgreementFactory, HostLibraryFactory, LibraryFactory

from .factories import MarathonFactory, MarathonSiteFactory


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def world(db):
    host = HostLibraryFactory()
    partner = LibraryFactory(short_name="Томская ОДЮБ")
    agreement = AgreementFactory(host=host, partner=partner, signed_on=datetime.date(2020, 1, 15))
    june = {"starts_on": datetime.date(2020, 6, 1), "ends_on": datetime.date(2020, 6, 30)}
    joint = MarathonFactory(organiser=host, title="Книжное лето", status=Status.HELD, **june)
    MarathonSiteFactory(marathon=joint, library=partner, participants_count=40)
    MarathonSiteFactory(marathon=joint, library=host, participants_count=25)
    own = MarathonFactory(organiser=host, title="Марафон без партнёров", status=Status.HELD, **june)
    MarathonSiteFactory(marathon=own, library=host, participants_count=None)
    called_off = MarathonFactory(organiser=host, title="Отменённый марафон", status=Status.CANCELLED, **june)
    MarathonSiteFactory(marathon=called_off, library=partner, participants_count=500)
    forgotten = MarathonFactory(organiser=host, title="Забытый марафон", status=Status.PLANNED, **june)
    MarathonSiteFactory(marathon=forgotten, library=partner)
    return {"host": host, "partner": partner, "agreement": agreement, "joint": joint}


def test_held_marathons_are_a_direction_of_their_own(world):
    report = build_report(2020)

    section = report.direction("marathons")
    assert (section.count, section.joint, section.own) == (2, 1, 1)
    assert [item.title for item in section.items] == ["Книжное лето", "Марафон без партнёров"]
    assert [item.title for item in section.awaiting] == ["Забытый марафон"]
    assert [item.title for item in section.not_held] == ["Отменённый марафон"]
    assert [d.key for d in report.table_order][-1] == "marathons"


def test_the_headline_counts_the_joint_marathon_as_an_activity_not_as_an_event(world):
    report = build_report(2020)

    assert report.figure("activities").value == 1
    assert report.figure("events").value == 0
    assert report.figure("own_activities").value == 1


def test_participants_are_summed_over_sites_and_the_called_off_marathon_counts_nowhere(world):
    report = build_report(2020)

    (figure,) = report.participants.others
    assert (figure.label, figure.value, figure.without_figure) == ("Участников читательских марафонов", 65, 0)
    statuses = next(row for row in report.statuses.rows if row.key == "marathons")
    assert (statuses.held, statuses.awaiting, statuses.cancelled) == (2, 1, 1)


def test_the_marathon_counts_for_the_partners_agreement_and_in_the_tables(world):
    report = build_report(2020)

    row = next(r for r in report.agreements.rows if r.id == world["agreement"].pk)
    assert (row.others, row.activities) == (1, 1)
    column = [c.key for c in report.partner_matrix.columns].index("marathons")
    (partner_row,) = report.partner_matrix.rows
    assert (partner_row.name, partner_row.counts[column]) == ("Томская ОДЮБ", 1)
    june = report.by_month[5]
    assert (june.counts[-1], june.total) == (1, 1)


def test_a_year_without_marathons_shows_no_marathon_direction(world):
    report = build_report(2019)

    assert report.table_order == list(TABLE_ORDER)
    assert "marathons" not in [d.key for d in report.directions]


def test_the_page_xlsx_and_docx_show_the_marathons(client, manager, world):
    client.force_login(manager)

    page = client.get(reverse("reports:index"), {"year": 2020})
    assert page.status_code == 200
    assert 'id="direction-marathons"' in page.content.decode()

    xlsx = client.get(reverse("reports:xlsx", args=[2020, 2020]))
    assert xlsx.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(b"".join(xlsx.streaming_content if xlsx.streaming else [xlsx.content])))
    sheet = book["Марафоны"]
    rows = [[c.value for c in r] for r in sheet.iter_rows()]
    assert rows[0][:4] == ["Название", "Начало", "Окончание", "Статус"]
    held = next(r for r in rows if r[0] == "Книжное лето")
    assert (held[3], held[4], held[5]) == ("проведено", "Томская ОДЮБ", 65)
    months = [c.value for c in next(book["По месяцам"].iter_rows())]
    assert months[-2:] == ["Марафоны", "Всего"]

    word = client.get(reverse("reports:docx", args=[2020, 2020]))
    assert word.status_code == 200
    text = [
        p.text
        for p in docx.Document(
            io.BytesIO(b"".join(word.streaming_content if word.streaming else [word.content]))
        ).paragraphs
    ]
    assert "Читательские марафоны" in text


def test_the_partners_own_report_lists_the_marathons_it_took_part_in(world):
    report = build_partner_report(world["partner"], 2020)

    mine = {a.title: (a.kind_label, a.role_labels, a.held) for a in report.activities if a.direction == "marathons"}
    assert mine == {
        "Книжное лето": ("читательский марафон", ["участник"], True),
        "Отменённый марафон": ("читательский марафон", ["участник"], False),
        "Забытый марафон": ("читательский марафон", ["участник"], False),
    }
    by_direction = {line.key: line.count for line in report.totals.by_direction}
    assert by_direction["marathons"] == 1


def test_the_narrative_tells_the_held_marathon_in_its_own_words(world):
    told = narrative(build_report(2020))

    chapter = next(c for c in told.chapters if c.title == "Читательские марафоны")
    assert chapter.paragraphs[0].startswith("С 1 по 30 июня 2020 года — читательский марафон «Книжное лето». ")
    assert "Число участников — 65." in chapter.paragraphs[0]


def test_the_marathons_rows_cost_the_queries_it_declares_whatever_their_number(world, django_assert_num_queries):
    kind = kinds.kind_by_key("marathons")
    for n in range(20):
        marathon = MarathonFactory(organiser=world["host"], starts_on=datetime.date(2020, 3, 1 + n))
        MarathonSiteFactory(marathon=marathon, library=world["partner"], participants_count=n)
        marathon.agreements_added.add(world["agreement"])

    with django_assert_num_queries(kind.report_queries):
        rows = kind.report_rows(datetime.date(2020, 1, 1), datetime.date(2020, 12, 31))

    assert len(rows) == 24
    assert sum(world["agreement"].pk in row.added for row in rows) == 20


def test_staff_can_take_the_marathon_off_the_partners_agreement(world):
    world["joint"].agreements_excluded.add(world["agreement"])

    report = build_report(2020)

    row = next(r for r in report.agreements.rows if r.id == world["agreement"].pk)
    assert (row.others, row.activities) == (0, 0)
    assert report.direction("marathons").joint == 1  # the partner still took part
