"""Importing the rows of a file into a model: all or nothing, with every error named by row and column.

`run_import(spec, table, commit=...)` validates and saves each row in one transaction, the way the admin's form
would (`full_clean()`: fields, constraints, uniqueness against the rows saved before it). With `commit=False`, or
when any row has an error, the transaction is rolled back: the preview sees exactly what an import would do, and
a file with one bad row imports nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Value
from django.db.models.expressions import DatabaseDefault
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from tabular import ImportSpec
from tabular.columns import Column, normal

WHOLE_ROW = "—"


@dataclass(frozen=True)
class RowError:
    row: int  # as the spreadsheet numbers it: the header is row 1
    column: str
    message: str


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    rows: list[tuple[int, str]] = field(default_factory=list)  # (row number, the record as named) of valid rows
    instances: list = field(default_factory=list)  # the records saved, when committed
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors


class _Rollback(Exception):
    """Leaves the transaction without saving anything."""


def match_header(spec: ImportSpec, header: list[str]) -> tuple[list[Column | None], list[RowError]]:
    """Each file column's `Column` (None for an empty header), and errors for unknown or missing columns."""
    by_name = {normal(c.header): c for c in spec.columns}
    found: list[Column | None] = []
    errors = []
    for text in header:
        name = normal(text.rstrip("*").strip())
        column = by_name.get(name)
        if name and column is None:
            errors.append(RowError(1, text, _("Неизвестный столбец. Возьмите названия столбцов из шаблона.")))
        elif column is not None and column in found:
            errors.append(RowError(1, text, _("Столбец повторяется.")))
        found.append(column)
    for column in spec.columns:
        if column.required and column not in found:
            errors.append(RowError(1, column.header, _("Нет обязательного столбца.")))
    return found, errors


def _messages(error: ValidationError) -> list[str]:
    return [str(message) for message in error.messages]


def _parse_row(columns, cells, number) -> tuple[dict[Column, object], list[RowError]]:
    values, errors = {}, []
    for column, text in zip(columns, cells, strict=False):
        if column is None or not text:
            continue
        try:
            values[column] = column.parse(text)
        except ValidationError as error:
            errors += [RowError(number, column.header, message) for message in _messages(error)]
    for column in filter(None, columns):
        if column.required and column not in values and column.header not in {e.column for e in errors}:
            errors.append(RowError(number, column.header, _("Обязательное поле не заполнено.")))
    return values, errors


def _header_of(spec: ImportSpec, name: str) -> str:
    for column in spec.columns:
        if column.name == name:
            return column.header
    if name == NON_FIELD_ERRORS:
        return WHOLE_ROW
    return str(capfirst(spec.model._meta.get_field(name).verbose_name))


def _new_instance(model):
    """A new row with a field's database default as its plain value, as a form would fill it, so validation sees
    "" or 0 rather than the placeholder Django leaves until the row is saved."""
    instance = model()
    for model_field in model._meta.concrete_fields:
        if not isinstance(getattr(instance, model_field.attname, None), DatabaseDefault):
            continue
        default = model_field.db_default
        if isinstance(default, Value):
            setattr(instance, model_field.attname, default.value)
        elif not hasattr(default, "resolve_expression"):  # a plain value (an expression is left to the database)
            setattr(instance, model_field.attname, default)
    return instance


def _import_row(spec: ImportSpec, columns, cells, number) -> tuple[object, list[RowError]]:
    values, errors = _parse_row(columns, cells, number)
    instance = _new_instance(spec.model)
    for column, value in values.items():
        column.assign(instance, value)
    failed = {c.name for c in filter(None, columns) if c.header in {e.column for e in errors}}
    try:
        if spec.prepare:
            spec.prepare(instance)
        instance.full_clean(exclude=failed)
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors += [RowError(number, _header_of(spec, name), message) for message in messages]
    if errors:
        return None, errors
    try:
        with transaction.atomic():  # a savepoint: a refused row leaves the others' transaction usable
            instance.save()
            for column, value in values.items():
                column.after_save(instance, value)
            if spec.after_save:
                spec.after_save(instance)
    except IntegrityError:
        return None, [RowError(number, WHOLE_ROW, _("Строка противоречит уже сохранённым данным и не сохраняется."))]
    return instance, []


def run_import(spec: ImportSpec, table: list[list[str]], *, commit: bool) -> ImportResult:
    """Validate (and with `commit`, save) the rows of a table whose first row is the header."""
    spec = spec.fresh()
    result = ImportResult()
    columns, result.errors = match_header(spec, table[0])
    if result.errors:
        return result
    try:
        with transaction.atomic():
            for number, cells in enumerate(table[1:], start=2):
                if not any(cells):
                    continue
                instance, errors = _import_row(spec, columns, cells, number)
                result.errors += errors
                if not errors:
                    result.rows.append((number, str(instance)))
                    result.instances.append(instance)
            if not result.rows and not result.errors:
                result.errors.append(RowError(2, WHOLE_ROW, _("В файле нет ни одной строки с данными.")))
            if result.errors or not commit:
                raise _Rollback
    except _Rollback:
        result.instances = []
        return result
    result.committed = True
    return result
