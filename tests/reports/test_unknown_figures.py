"""Unknown figures read «нет данных» everywhere in the annual report (the page's list of work, the XLSX and CSV
sheets, the DOCX), never 0; a stop called off on its own is marked on the exhibitions' sheet, its figures not
given as if they counted."""

import datetime
import io

import pytest
from django.urls import reverse
from docx import Document
from openpyxl import load_workbook

from core.models import Status
from exhibitions.models import Exhibition
from reports.data import DIRECTION_EXHIBITIONS
from reports.exports import to_csv, to_docx, to_xlsx
from reports.report import build_report
from tests.factories import ExhibitionFactory, ExhibitionStopFactory

D = datetime.date
TITLE = "Книги Приамурья"


@pytest.fixture
def unknown(scenario):
    """A joint exhibition held in 2020 whose visitors nobody entered, with a stop at a partner cancelled on its
    own (its visitors typed before it was called off)."""
    exhibition = ExhibitionFactory(
        status=Status.HELD, title=TITLE, kind=Exhibition.Kind.TRAVELLING, provider=scenario.p3
    )
    ExhibitionStopFactory(
        exhibition=exhibition, venue=scenario.host, status=Status.HELD, starts_on=D(2020, 9, 1), ends_on=D(2020, 9, 30)
    )
    ExhibitionStopFactory(
        exhibition=exhibition,
        venue=scenario.p1,
        status=Status.CANCELLED,
        starts_on=D(2020, 10, 5),
        ends_on=D(2020, 10, 30),
        visitors=40,
        excursions=2,
    )
    return exhibition


def _item(report):
    return next(i for i in report.direction(DIRECTION_EXHIBITIONS).items if i.title == TITLE)


def test_an_exhibition_with_no_visitors_entered_has_unknown_not_zero_visitors(unknown):
    item = _item(build_report(2020))
    assert item.visitors is None and item.excursions is None


def test_the_list_of_work_on_the_page_says_no_data(client, manager, unknown):
    client.force_login(manager)
    page = client.get(reverse("reports:index"), {"year": 2020}).content.decode()
    line = next(li for li in page.split("<li>") if f"«{TITLE}»" in li)
    assert "Посетителей: нет данных, экскурсий: нет данных" in line
    assert "Посетителей: 0" not in line


def test_the_exhibitions_sheet_marks_a_stop_called_off_and_says_no_data(unknown):
    book = load_workbook(io.BytesIO(to_xlsx(build_report(2020))))
    ws = book["Выставки"]
    col = {c.value: i for i, c in enumerate(ws[1])}
    mine = [r for r in ws.iter_rows(min_row=2, values_only=True) if r[col["Выставка"]] == TITLE]
    by_status = {r[col["Статус"]]: r for r in mine}
    assert set(by_status) == {"проведено", "отменено"}
    held, cancelled = by_status["проведено"], by_status["отменено"]
    assert (held[col["Посетителей"]], held[col["Экскурсий"]]) == ("нет данных", "нет данных")
    assert (cancelled[col["Посетителей"]], cancelled[col["Экскурсий"]]) == (None, None)
    assert all(r[col["Статус"]] for r in ws.iter_rows(min_row=2, values_only=True))


def test_the_csv_says_no_data_and_marks_the_stop_called_off(unknown):
    text = to_csv(build_report(2020)).decode("utf-8-sig")
    rows = [line.split(";", 2)[2] for line in text.splitlines() if line.startswith(f"Выставки;{TITLE};")]
    assert rows.count("Статус;проведено") == rows.count("Статус;отменено") == 1
    assert "Посетителей;нет данных" in rows and "Экскурсий;нет данных" in rows
    assert "Посетителей;40" not in rows and "Посетителей;0" not in rows


def test_the_docx_never_gives_unknown_visitors_as_zero(unknown):
    document = Document(io.BytesIO(to_docx(build_report(2020))))
    told = [p.text for p in document.paragraphs if TITLE in p.text]
    assert told and not any("посетителей — 0" in t.lower() for t in told)
