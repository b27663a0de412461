"""CSV: the tables as one long table (section; row; column; value), so every figure sits in a cell of its own."""

from __future__ import annotations

import csv
import io

from reports.batch import batch
from reports.data import AnnualReport
from reports.exports.tables import cell_text, tables

CSV_DELIMITER = ";"  # what Excel expects for CSV in the Russian locale


def _csv_text(value) -> str:
    """Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return cell_text(value)


@batch
def to_csv(report: AnnualReport) -> bytes:
    """One long table: section; row; column; value — UTF-8 with a BOM so Excel reads Cyrillic."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(["section", "row", "column", "value"])
    for table in tables(report):
        for row in table.rows:
            label = _csv_text(row[0])
            for header, value in zip(table.headers[1:], row[1:], strict=True):
                writer.writerow([table.title, label, header, _csv_text(value)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")
