"""XLSX: a summary sheet, then a sheet per table, with native bar charts by month and by partner.

Written in openpyxl's streaming (write-only) mode to stay fast and small on a year of many thousand events.
"""

from __future__ import annotations

import datetime
import io

from django.utils.translation import gettext as _

from reports.data import AnnualReport
from reports.exports.tables import Table, cell_text, tables

WIDTH_SAMPLE_ROWS = 500


def _formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _column_widths(table: Table) -> list[int]:
    """Streaming sheets need their column widths before the first row. The first rows are enough to size a
    column (widths are capped anyway); long lists are not walked twice."""
    widths = [len(h) for h in table.headers]
    for row in table.rows[:WIDTH_SAMPLE_ROWS]:
        for i, value in enumerate(row):
            size = 10 if isinstance(value, datetime.date) else len(cell_text(value))
            if size > widths[i]:
                widths[i] = size
    return [min(max(width + 2, 8), 60) for width in widths]


def _header(ws, table: Table) -> list:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font

    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    header = []
    for title in table.headers:
        cell = WriteOnlyCell(ws, value=title)
        cell.font = bold
        cell.alignment = wrap
        header.append(cell)
    return header


def _number_format(value, after_cell: bool) -> str | None:
    """The format a cell needs, or None when a plain value will do."""
    if isinstance(value, datetime.date):
        return "DD.MM.YYYY"
    if isinstance(value, float):
        return "0.0"
    if _formula_like(value):
        return "@"  # text: a title typed as "=…" must not become a live formula
    if value is not None and after_cell:
        return "General"
    return None


def _append_rows(ws, rows: list[list]) -> None:
    """A streaming sheet writes each row as it is appended, so one cell object per column and format is reused
    for every row. Careful: after a styled cell, openpyxl writes the following plain values through that same
    cell object (with its number format), so the first plain value after a styled one is wrapped in an
    unstyled cell of its own."""
    from openpyxl.cell import WriteOnlyCell

    cache: dict[tuple[int, str], WriteOnlyCell] = {}
    for row in rows:
        if not any(isinstance(v, datetime.date | float) or _formula_like(v) for v in row):
            ws.append(row)
            continue
        cells = list(row)
        after_cell = False
        for i, value in enumerate(row):
            fmt = _number_format(value, after_cell)
            if fmt is None:
                continue
            cell = cache.get((i, fmt))
            if cell is None:
                cell = cache[(i, fmt)] = WriteOnlyCell(ws)
                cell.number_format = fmt
            cell.value = value
            if fmt == "@":
                cell.data_type = "s"
            cells[i] = cell
            after_cell = fmt != "General"
        ws.append(cells)


def _sheet(wb, table: Table):
    from openpyxl.utils import get_column_letter

    ws = wb.create_sheet(table.title[:31])
    for i, width in enumerate(_column_widths(table), start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    ws.append(_header(ws, table))
    _append_rows(ws, table.rows)
    if table.rows:
        ws.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"
    return ws


def _months_chart(ws, report: AnnualReport) -> None:
    from openpyxl.chart import BarChart, Reference

    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _("Совместная работа по месяцам, %(year)s") % {"year": report.year}
    chart.y_axis.title = _("Количество")
    chart.x_axis.title = _("Месяц")
    chart.add_data(Reference(ws, min_col=2, max_col=6, min_row=1, max_row=13), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=13))
    chart.width, chart.height = 22, 11
    ws.add_chart(chart, "I2")


def _partners_chart(ws, report: AnnualReport) -> None:
    from openpyxl.chart import BarChart, Reference

    count = len(report.partner_matrix.rows)
    if not count:
        return
    chart = BarChart()
    chart.type = "bar"
    chart.title = _("Совместная работа по партнёрам")
    total_col = 4 + len(report.partner_matrix.columns)
    chart.add_data(Reference(ws, min_col=total_col, min_row=1, max_row=count + 1), titles_from_data=True)
    chart.set_categories(Reference(ws, min_col=1, min_row=2, max_row=count + 1))
    chart.width, chart.height = 22, min(max(8, count * 0.6), 60)
    ws.add_chart(chart, f"A{count + 4}")


def to_xlsx(report: AnnualReport) -> bytes:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    wb.properties.title = _("Отчёт о сотрудничестве за %(year)s год") % {"year": report.year}
    sheets = {table.key: _sheet(wb, table) for table in tables(report)}
    _months_chart(sheets["months"], report)
    _partners_chart(sheets["partners_directions"], report)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
