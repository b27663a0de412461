"""XLSX: a summary sheet, then a sheet per table, with native bar charts by month and by partner.

Written by `tabular.xlsx.Workbook` (XlsxWriter in constant-memory mode), every cell through
`core.cells.cell()`: text is always a text cell, so a title typed as "=…" is never a formula. Three cell
styles in all (bold headers, dates, one decimal).
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from reports.batch import batch
from reports.data import AnnualReport
from reports.exports.tables import Table, cell_text, tables
from tabular.xlsx import Chart, Series, Workbook

WIDTH_SAMPLE_ROWS = 500


def column_widths(table: Table, sample: int | None = WIDTH_SAMPLE_ROWS) -> list[int]:
    """The first rows are enough to size a column (widths are capped anyway); long lists are not walked twice."""
    widths = [len(h) for h in table.headers]
    for row in table.rows[:sample]:
        for i, value in enumerate(row):
            size = 10 if isinstance(value, datetime.date) else len(cell_text(value))
            if size > widths[i]:
                widths[i] = size
    return [min(max(width + 2, 8), 60) for width in widths]


def _months_chart(report: AnnualReport) -> Chart:
    return Chart(
        title=_("Совместная работа по месяцам, %(year)s") % {"year": report.year},
        vertical=True,
        stacked=True,
        series=[Series(name=(0, c), categories=0, values=c, first_row=1, last_row=12) for c in range(1, 6)],
        anchor=(1, 8),
        size=(830, 415),
        x_title=_("Месяц"),
        y_title=_("Количество"),
    )


def _partners_chart(report: AnnualReport) -> Chart | None:
    count = len(report.partner_matrix.rows)
    if not count:
        return None
    total = 3 + len(report.partner_matrix.columns)
    return Chart(
        title=_("Совместная работа по партнёрам"),
        vertical=False,
        stacked=False,
        series=[Series(name=(0, total), categories=0, values=total, first_row=1, last_row=count)],
        anchor=(count + 3, 0),
        size=(830, int(min(max(8, count * 0.6), 60) * 38)),
    )


@batch
def to_xlsx(report: AnnualReport) -> bytes:
    charts = {"months": [_months_chart(report)], "partners_directions": [_partners_chart(report)]}
    book = Workbook(_("Отчёт о сотрудничестве за %(year)s год") % {"year": report.year})
    for table in tables(report):
        sheet_charts = [chart for chart in charts.get(table.key, []) if chart is not None]
        book.sheet(table.title, table.headers, table.rows, column_widths(table), sheet_charts)
    return book.content()
