"""The one cleaning every cell or field goes through on its way into a file: XLSX, CSV, DOCX.

What staff or partners typed may hold what a file cannot carry, or should not: a vertical tab pasted from Word
(XML forbids it: python-docx raises, a hand-written XLSX would not open), text a spreadsheet would run as a
formula (`=HYPERLINK("http://…"&A1,"Подробнее")`, `+7…`, `-1`, `@SUM(…)`), a NaN or an infinity (no spreadsheet has
such a number). Every writer passes each value through `cell()` (headers, sheet titles and document properties
too); `csv_cell()` adds what a CSV needs on top.

The rules, each decided once here:

- **Control characters** (Unicode category Cc: C0, DEL, C1), the non-characters U+FFFE and U+FFFF, and lone
  surrogates are removed. A line break and a tab inside text are kept: XLSX and DOCX both carry them (a cell's
  text may have several lines, python-docx writes a tab as a tab), and a multi-line description is what staff
  typed. CR LF and a lone CR become LF, as an XML reader would make them anyway.
- **Formulas**: text stays text. An XLSX writer writes every `str` from here as a string cell (XlsxWriter's
  `write_string()`, never `write()`, which would guess a formula from a leading «=»), so a title
  `=1+1` reads back as the text `=1+1` (data type `s`), without an apostrophe the reader would see. A CSV has no
  cell types: a spreadsheet opening it decides by the text alone, so `csv_cell()` puts an apostrophe before text
  beginning with «=», «+», «-», «@», a tab or a line break (OWASP's list), the only mark Excel and LibreOffice both
  take as "this is text"; it stays visible in the cell, the price of a format without types.
- **Numbers**: NaN and the infinities are refused with `UnwritableValue` (a bug upstream, never a figure);
  how large a figure may be is bounded where it is saved (the fields' validators).
"""

from __future__ import annotations

import datetime
import decimal
import re

from django.utils.functional import Promise

# Cc without tab and LF, the non-characters XML forbids, surrogates (unencodable), and CR (normalised to LF).
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_DROPPED = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
# OWASP's list for CSV; a CR is an LF once cleaned, so a leading LF counts as the CR it was.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


class UnwritableValue(ValueError):
    """A value no file cell can hold (NaN, an infinity): the code that produced it is wrong."""


def text(value: str) -> str:
    """Text without control characters; line breaks as LF, tabs kept. Most text has nothing to remove, and
    searching is much cheaper than rewriting."""
    if _UNSAFE.search(value) is None:
        return value
    return _DROPPED.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def _finite(value):
    if value != value or value in (float("inf"), float("-inf")):
        raise UnwritableValue(f"{value!r} cannot be written to a file: not a finite number")
    return value


def cell(value):
    """`value` as a file may hold it: `str` cleaned (see the module's rules), a lazy translation made text, a
    finite number, a date or a datetime, or None (an empty cell); anything else becomes its cleaned text.

    A `bool` passes as it is: the writer decides how to show it."""
    kind = type(value)
    if kind is str:
        return text(value)
    if value is None or kind is int or kind is bool:
        return value
    if kind is float:
        return _finite(value)
    if isinstance(value, Promise):
        return text(str(value))
    if isinstance(value, datetime.date):  # a datetime too
        return value
    if isinstance(value, decimal.Decimal):
        if not value.is_finite():
            raise UnwritableValue(f"{value!r} cannot be written to a file: not a finite number")
        return value
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        return _finite(float(value))
    return text(str(value))


def csv_cell(value):
    """A CSV field: `cell()`, with an apostrophe before text a spreadsheet would run as a formula.

    Other values come back as `cell()` returns them, for the caller to show (a date as ДД.ММ.ГГГГ, say): only text a
    person typed can start a formula, so a number the report shows as «-5» stays a number."""
    value = cell(value)
    if type(value) is str and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value
