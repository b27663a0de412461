"""XLSX workbooks of plain tables, written by XlsxWriter in constant-memory mode; every value through
`core.cells.cell()`.

The annual report, a partner's report and the admin's exports all write here: a bold wrapped header row, frozen
under the header, column widths, an autofilter over the data, and bar charts over a sheet's own cells. Each cell
is written by its type: text always with `write_string()` (never `write()`, which would make «=…» a formula),
whole numbers and `Decimal`s in the general format, other numbers with one decimal, dates as ДД.ММ.ГГГГ, times
as ДД.ММ.ГГГГ ЧЧ:ММ, booleans as «да»/«нет»; None and "" leave the cell empty.

Constant-memory mode writes each row as soon as the next begins (rows in order, which is how tables come), so a
list sheet of 150,000 cells costs no more memory than one row. bench/formats_bench.py measured it against
openpyxl's write-only mode on the annual report at 100,000 events: about 40 % less CPU for the same workbook
(bench/README.md, «File formats benchmark»).
"""

from __future__ import annotations

import datetime
import decimal
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.cells import cell

DATE_FORMAT = "DD.MM.YYYY"
DATETIME_FORMAT = "DD.MM.YYYY HH:MM"
DECIMAL_FORMAT = "0.0"
SHEET_NAME_MAX = 31


@dataclass
class Series:
    """One series of a chart, by zero-based cells of the chart's sheet: its name's cell, its categories' column and
    its values' column over the same rows."""

    name: tuple[int, int]  # (row, column)
    categories: int  # column
    values: int  # column
    first_row: int
    last_row: int


@dataclass
class Chart:
    title: str
    vertical: bool  # columns (True) or horizontal bars
    stacked: bool
    series: list[Series]
    anchor: tuple[int, int]  # the top-left cell: (row, column), from 0
    size: tuple[int, int]  # pixels
    x_title: str = ""
    y_title: str = ""


def _text(value) -> str:
    """A title, a header or a sheet's name as cleaned text (a lazy translation too)."""
    value = cell(value)
    return "" if value is None else str(value)


class Workbook:
    """`Workbook(title)`, then `sheet(…)` for each table in order, then `content()` for the file's bytes."""

    def __init__(self, title: str):
        import xlsxwriter

        self._out = io.BytesIO()
        self._book = xlsxwriter.Workbook(
            self._out,
            {
                "constant_memory": True,
                # Belt and braces: text is written with write_string() anyway.
                "strings_to_formulas": False,
                "strings_to_urls": False,
                "strings_to_numbers": False,
                "remove_timezone": True,
            },
        )
        self._book.set_properties({"title": _text(title)})
        add = self._book.add_format
        self._header = add({"bold": True, "text_wrap": True, "valign": "top"})
        self._date = add({"num_format": DATE_FORMAT})
        self._datetime = add({"num_format": DATETIME_FORMAT})
        self._decimal = add({"num_format": DECIMAL_FORMAT})
        self._yes, self._no = _("да"), _("нет")

    def sheet(
        self,
        name: str,
        headers: Sequence,
        rows: Iterable[Sequence],
        widths: Sequence[float] = (),
        charts: Sequence[Chart] = (),
    ) -> None:
        """A sheet of `rows` under `headers`: frozen under the header, filtered when it has rows."""
        sheet = self._book.add_worksheet(_text(name)[:SHEET_NAME_MAX])
        for column, width in enumerate(widths):
            sheet.set_column(column, column, width)
        sheet.freeze_panes(1, 0)
        for column, header in enumerate(headers):
            sheet.write_string(0, column, _text(header), self._header)
        last = self._rows(sheet, rows)
        if last and headers:
            sheet.autofilter(0, 0, last, len(headers) - 1)
        for chart in charts:
            self._chart(sheet, chart)

    def _rows(self, sheet, rows: Iterable[Sequence]) -> int:
        """Writes the rows below the header; returns the last row's index (0 when there is none)."""
        write_string, write_number, write_datetime = sheet.write_string, sheet.write_number, sheet.write_datetime
        date, moment, decimal_, yes, no = self._date, self._datetime, self._decimal, self._yes, self._no
        r = 0
        for row in rows:
            r += 1
            for c, value in enumerate(row):
                value = cell(value)
                kind = type(value)
                if kind is str:
                    if value:
                        write_string(r, c, value)
                elif value is None:
                    continue
                elif kind is int:
                    write_number(r, c, value)
                elif kind is float:
                    write_number(r, c, value, decimal_)
                elif kind is bool:
                    write_string(r, c, yes if value else no)
                elif kind is datetime.date:
                    write_datetime(r, c, value, date)
                elif kind is datetime.datetime:
                    write_datetime(r, c, value, moment)
                elif kind is decimal.Decimal:
                    write_number(r, c, value)
                else:  # subclasses of the types above
                    write_string(r, c, str(value))
        return r

    def _chart(self, sheet, spec: Chart) -> None:
        chart = self._book.add_chart(
            {"type": "column" if spec.vertical else "bar", **({"subtype": "stacked"} if spec.stacked else {})}
        )
        name = sheet.get_name()
        for s in spec.series:
            chart.add_series(
                {
                    "name": [name, *s.name],
                    "categories": [name, s.first_row, s.categories, s.last_row, s.categories],
                    "values": [name, s.first_row, s.values, s.last_row, s.values],
                    **({"overlap": 100} if spec.stacked else {}),
                }
            )
        chart.set_title({"name": _text(spec.title)})
        if spec.x_title:
            chart.set_x_axis({"name": _text(spec.x_title)})
        if spec.y_title:
            chart.set_y_axis({"name": _text(spec.y_title)})
        chart.set_legend({"position": "right"})
        chart.set_size({"width": spec.size[0], "height": spec.size[1]})
        sheet.insert_chart(spec.anchor[0], spec.anchor[1], chart)

    def content(self) -> bytes:
        self._book.close()
        return self._out.getvalue()
