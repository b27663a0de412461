"""CSV: the tables as one long table (section; row; column; value), so every figure sits in a cell of its own.

Every field goes through `core.cells.csv_cell()`: no control characters, and an apostrophe before text a
spreadsheet would run as a formula (a CSV has no cell types to say "text" otherwise)."""

from __future__ import annotations

import csv
import io

from core.cells import csv_cell
from reports.batch import batch
from reports.data import AnnualReport
from reports.exports.tables import cell_text, tables

CSV_DELIMITER = ";"  # what Excel expects for CSV in the Russian locale


def _csv_text(value) -> str:
    """Text as `csv_cell()` makes it; numbers and dates as the tables show them (`cell_text`)."""
    value = csv_cell(value)
    return value if type(value) is str else cell_text(value)


@batch
def to_csv(report: AnnualReport) -> bytes:
    """One long table: section; row; column; value — UTF-8 with a BOM so Excel reads Cyrillic."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(["section", "row", "column", "value"])
    for table in tables(report):
        title, headers = _csv_text(table.title), [_csv_text(header) for header in table.headers[1:]]
        for row in table.rows:
            label = _csv_text(row[0])
            for header, value in zip(headers, row[1:], strict=True):
                writer.writerow([title, label, header, _csv_text(value)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
