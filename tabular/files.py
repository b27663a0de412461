"""Reading an uploaded CSV or XLSX into rows of text, and writing rows to XLSX (tabular.xlsx).

Cells become text here: XLSX dates as ДД.ММ.ГГГГ (with ЧЧ:ММ when there is a time), whole numbers without «.0»,
booleans as «да»/«нет». The columns then parse text alone, whatever the file's format. Control characters pasted
into a cell (a NUL, a vertical tab from Word) are left out here, by `core.cells.text()`, the cleaning of every file
the site writes: PostgreSQL refuses a NUL in any text, and none belongs in a record.
"""

from __future__ import annotations

import csv
import datetime
import io
import zipfile

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from core.cells import csv_cell, text
from tabular.xlsx import Workbook

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 5000
CSV_DELIMITERS = ";,\t"


class FileError(ValidationError):
    """The file as a whole cannot be read; the message says why, in Russian."""


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(_("да")) if value else str(_("нет"))
    if isinstance(value, datetime.datetime):
        return value.strftime("%d.%m.%Y %H:%M") if value.time() != datetime.time() else value.strftime("%d.%m.%Y")
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return text(str(value)).strip()


def _decode(data: bytes) -> str:
    """UTF-8 (with or without the mark Excel writes), else Windows-1251, as Russian Excel saves CSV."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1251", errors="replace")


def read_csv(data: bytes) -> list[list[str]]:
    content = _decode(data)
    first_line = content.split("\n", 1)[0]
    delimiter = max(CSV_DELIMITERS, key=first_line.count)
    try:
        return [[text(cell).strip() for cell in row] for row in csv.reader(io.StringIO(content), delimiter=delimiter)]
    except csv.Error:
        raise FileError(_("CSV-файл повреждён: проверьте кавычки в ячейках.")) from None


def read_xlsx(data: bytes) -> list[list[str]]:
    from openpyxl import load_workbook

    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, TypeError):
        raise FileError(
            _("Файл не читается как XLSX. Сохраните его в Excel или LibreOffice как «Книга Excel (.xlsx)».")
        ) from None
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):
            rows.append([cell_text(value) for value in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def read_table(upload) -> list[list[str]]:
    """The rows of an uploaded file, header first, without trailing empty rows."""
    name = (upload.name or "").lower()
    if upload.size > MAX_BYTES:
        raise FileError(_("Файл больше 5 МБ. Разделите его на части."))
    data = upload.read()
    if name.endswith(".csv"):
        rows = read_csv(data)
    elif name.endswith(".xlsx"):
        rows = read_xlsx(data)
    else:
        raise FileError(_("Загрузите файл CSV или XLSX (с расширением .csv или .xlsx)."))
    while rows and not any(rows[-1]):
        rows.pop()
    if not rows:
        raise FileError(_("Файл пустой: в первой строке должны быть названия столбцов, ниже — данные."))
    if len(rows) > MAX_ROWS + 1:
        raise FileError(_("В файле больше %(max)s строк. Разделите его на части.") % {"max": MAX_ROWS})
    return rows


def write_xlsx(header: list[str], rows, *, title: str, notes: list[tuple[str, str]] = ()) -> bytes:
    """A workbook with the header in bold and the rows below; `notes` go to a second sheet «Пояснения».

    Written by `tabular.xlsx.Workbook`: every cell cleaned by `core.cells.cell()`, text always a text cell (a
    title «=1+1» stays the text «=1+1»), dates as ДД.ММ.ГГГГ, times as ДД.ММ.ГГГГ ЧЧ:ММ."""
    workbook = Workbook(title)
    workbook.sheet(title, header, rows, [max(12, min(50, len(str(name)) + 4)) for name in header])
    if notes:
        workbook.sheet(_("Пояснения"), [_("Столбец"), _("Что вписать")], notes, [40, 100])
    return workbook.content()


def write_csv(header: list[str]) -> bytes:
    """A CSV template: the header only, «;»-separated with a UTF-8 mark, as Russian Excel opens it."""
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerow([csv_cell(name) for name in header])
    return buffer.getvalue().encode("utf-8-sig")
