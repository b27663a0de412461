"""XLSX: a summary sheet, then a sheet per table, with native bar charts by month and by partner.

Written by reports/exports/ooxml.py, a small writer of its own: at 100,000 events the list sheets hold some
150,000 cells, and a general library spends most of the export on its per-cell machinery. Three cell styles in
all (bold headers, dates, one decimal); text is always text, so a title typed as "=…" is never a formula.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from reports.batch import batch
from reports.data import AnnualReport
from reports.exports.ooxml import Chart, Sheet, column_letter, quoted, workbook
from reports.exports.tables import Table, cell_text, tables

WIDTH_SAMPLE_ROWS = 500


def _column_widths(table: Table) -> list[int]:
    """The first rows are enough to size a column (widths are capped anyway); long lists are not walked twice."""
    widths = [len(h) for h in table.headers]
    for row in table.rows[:WIDTH_SAMPLE_ROWS]:
        for i, value in enumerate(row):
            size = 10 if isinstance(value, datetime.date) else len(cell_text(value))
            if size > widths[i]:
                widths[i] = size
    return [min(max(width + 2, 8), 60) for width in widths]


def _range(sheet: str, column: int, first_row: int, last_row: int) -> str:
    """An absolute reference to cells of one column, rows counted from 1."""
    letter = column_letter(column)
    cells = f"${letter}${first_row}" if first_row == last_row else f"${letter}${first_row}:${letter}${last_row}"
    return f"{quoted(sheet)}!{cells}"


def _months_chart(sheet: Sheet, report: AnnualReport) -> Chart:
    return Chart(
        title=_("Совместная работа по месяцам, %(year)s") % {"year": report.year},
        vertical=True,
        stacked=True,
        series=[
            (_range(sheet.name, c, 1, 1), _range(sheet.name, 0, 2, 13), _range(sheet.name, c, 2, 13))
            for c in range(1, 6)
        ],
        anchor=(8, 1),
        size=(830, 415),
        x_title=_("Месяц"),
        y_title=_("Количество"),
    )


def _partners_chart(sheet: Sheet, report: AnnualReport) -> Chart | None:
    count = len(report.partner_matrix.rows)
    if not count:
        return None
    total = 3 + len(report.partner_matrix.columns)
    return Chart(
        title=_("Совместная работа по партнёрам"),
        vertical=False,
        stacked=False,
        series=[
            (
                _range(sheet.name, total, 1, 1),
                _range(sheet.name, 0, 2, count + 1),
                _range(sheet.name, total, 2, count + 1),
            )
        ],
        anchor=(0, count + 3),
        size=(830, int(min(max(8, count * 0.6), 60) * 38)),
    )


@batch
def to_xlsx(report: AnnualReport) -> bytes:
    sheets = {t.key: Sheet(t.title[:31], t.headers, t.rows, _column_widths(t)) for t in tables(report)}
    sheets["months"].charts.append(_months_chart(sheets["months"], report))
    partners = _partners_chart(sheets["partners_directions"], report)
    if partners is not None:
        sheets["partners_directions"].charts.append(partners)
    return workbook(_("Отчёт о сотрудничестве за %(year)s год") % {"year": report.year}, list(sheets.values()))
