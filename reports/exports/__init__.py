"""Files of the annual report (XLSX, CSV, DOCX), each rendered from an AnnualReport and nothing else.

XLSX and CSV share one tabular view of the report (tables.py); the DOCX is a narrative draft laid out
like the library's own yearly article. FORMATS and filename() are the one list of downloads that the
page, its URLs and the annual_report command all use.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reports.data import AnnualReport
from reports.exports.csv import to_csv
from reports.exports.docx import to_docx
from reports.exports.tables import Table, tables
from reports.exports.xlsx import to_xlsx

__all__ = ["FORMATS", "Format", "Table", "filename", "tables", "to_csv", "to_docx", "to_xlsx"]


@dataclass(frozen=True)
class Format:
    extension: str
    content_type: str
    render: Callable[[AnnualReport], bytes]


FORMATS = {
    f.extension: f
    for f in (
        Format("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", to_xlsx),
        Format("csv", "text/csv; charset=utf-8", to_csv),
        Format("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", to_docx),
    )
}


def filename(fmt: str, year: int | str) -> str:
    """coopnet-report-2020.xlsx; the URL patterns pass a path converter as the year."""
    return f"coopnet-report-{year}.{fmt}"
