"""Importing the rows of a file into a model: all or nothing, each row once, every error named by row and column.

`run_import(spec, table, commit=...)` reads every row, then decides about all of them together:

1. **Read**: each row's cells parsed by its columns (a library named in a cell is found in one lookup per column
   for the whole file) into a new, unsaved instance.
2. **Already there**: a row with the same identity as a stored row (`spec.identity`: an event's title, start and
   organiser) is set aside and listed with its line number (`ImportResult.existing`): importing a file twice adds
   its rows once. The same identity twice in the file is an error on the later row.
3. **Prepared**: `spec.prepare(instance, context)` fills what the file leaves out (the host library, read once per
   import through `context.once()`); slugs are made for all new rows together (`tabular.slugs.unique_slugs`).
4. **Checked**, the way the admin's form would and in Python: `full_clean()` without its per-row queries (a
   related row found by its name exists), check constraints decided on the instance (`tabular.constraints`),
   unique fields and unique constraints for all rows in a few queries, against the stored rows and each other.
5. **Saved**, with `commit` and no error: the rows, then their related rows (many-to-many, what `spec.complete()`
   adds, as the admin adds an event's organiser row), then the versions of each (django-simple-history), every
   kind in bulk, in one transaction: nothing is half-written.

Checking a file (`commit=False`) writes nothing and runs no query per row. At each step `import_progress` is sent
(step, rows done, rows in all): the admin shows how far a long file got, and a test kills the process there.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import Q, Value
from django.db.models.expressions import DatabaseDefault
from django.dispatch import Signal
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from tabular import ImportSpec
from tabular.columns import Column, normal
from tabular.constraints import UNSUPPORTED, evaluate, holds
from tabular.slugs import CHUNK, unique_slugs

WHOLE_ROW = "—"
BATCH = 500  # rows per INSERT
PROGRESS_EVERY = 250  # rows between two progress signals while reading and checking

# step: "read" | "checked" | "saved" | "related" | "versions"; done and total: rows.
import_progress = Signal()


@dataclass(frozen=True)
class RowError:
    row: int | None  # as the spreadsheet numbers it (the header is row 1); None: the file as a whole
    column: str
    message: str


@dataclass
class ImportResult:
    errors: list[RowError] = field(default_factory=list)
    rows: list[tuple[int, str]] = field(default_factory=list)  # (row number, the record as named) to add
    existing: list[tuple[int, str]] = field(default_factory=list)  # rows already stored, left out
    read: int = 0  # rows with data read from the file
    preview_headers: list[str] = field(default_factory=list)  # the spec's `preview` columns
    previews: list[tuple[int, str, list[str]]] = field(default_factory=list)  # each row to add, with those values
    instances: list = field(default_factory=list)  # the records saved, when committed
    committed: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def nothing_new(self) -> bool:
        """Every row of the file is stored already: there is nothing to import."""
        return self.ok and not self.rows and bool(self.existing)


class ImportContext:
    """What the rows of one import share: values read once (`once(key, read)`)."""

    def __init__(self):
        self._values = {}

    def once(self, key, read):
        if key not in self._values:
            self._values[key] = read()
        return self._values[key]


@dataclass
class _Row:
    number: int
    instance: models.Model
    values: dict
    errors: list[RowError]
    failed: set[str] = field(default_factory=set)  # fields with an error already


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
    values, errors, failed = {}, [], set()
    for column, text in zip(columns, cells, strict=False):
        if column is None or not text:
            continue
        try:
            values[column] = column.parse(text)
        except ValidationError as error:
            errors += [RowError(number, column.header, message) for message in _messages(error)]
            failed.add(column)
    for column in filter(None, columns):
        if column.required and column not in values and column not in failed:
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


def _progress(spec, step: str, done: int, total: int) -> None:
    import_progress.send(sender=spec.model, step=step, done=done, total=total)


def _add_error(spec, row: _Row, name: str, messages) -> None:
    row.errors += [RowError(row.number, _header_of(spec, name), str(message)) for message in messages]
    row.failed.add(name)


def _shown(column, values: dict) -> str:
    """A value of a row as the check's preview shows it: a choice by its label, a date as ДД.ММ.ГГГГ, records by
    their names; «—» for nothing."""
    value = values.get(column)
    if value is None or value == "" or value == []:
        return "—"
    if isinstance(value, list | tuple | set):
        return ", ".join(str(item) for item in value)
    if isinstance(value, datetime.datetime):
        return (
            timezone.localtime(value).strftime("%d.%m.%Y %H:%M")
            if timezone.is_aware(value)
            else f"{value:%d.%m.%Y %H:%M}"
        )
    if isinstance(value, datetime.date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, bool):
        return _("да") if value else _("нет")
    model_field = getattr(column, "field", None)
    choices = dict(getattr(model_field, "flatchoices", None) or ())
    return str(choices.get(value, value))


# -- 1. read ------------------------------------------------------------------------------------------------------


def _read(spec, columns, lines) -> list[_Row]:
    rows = []
    name_of = {c.header: c.name for c in filter(None, columns)}  # a header is a translation: made once
    for done, (number, cells) in enumerate(lines, start=1):
        values, errors = _parse_row(columns, cells, number)
        instance = _new_instance(spec.model)
        for column, value in values.items():
            column.assign(instance, value)
        failed = {name_of[e.column] for e in errors if e.column in name_of}
        rows.append(_Row(number, instance, values, errors, failed))
        if done % PROGRESS_EVERY == 0:
            _progress(spec, "read", done, len(lines))
    _progress(spec, "read", len(lines), len(lines))
    return rows


# -- 2. already there ---------------------------------------------------------------------------------------------


def _identity_key(instance, fields) -> tuple | None:
    key = []
    for model_field in fields:
        value = getattr(instance, model_field.attname)
        if value is None or value == "":
            return None
        key.append(normal(value) if isinstance(value, str) else value)
    return tuple(key)


def _stored_identities(model, fields, keys) -> set[tuple]:
    """The identities among `keys` that stored rows have: the rows sharing a selective field (a start, an
    organiser) with a key, compared in Python (text in `normal()` form, which SQLite cannot fold for Cyrillic)."""
    attnames = [f.attname for f in fields]
    text = (models.CharField, models.TextField)
    selective = next((i for i, f in enumerate(fields) if not isinstance(f, text)), None)
    manager = model._default_manager
    if selective is None:  # names only (a library's short name): the registry is small
        candidates = manager.values_list(*attnames)
    else:
        values = sorted({key[selective] for key in keys}, key=repr)
        candidates = []
        for start in range(0, len(values), CHUNK):
            chunk = values[start : start + CHUNK]
            candidates += manager.filter(**{f"{attnames[selective]}__in": chunk}).values_list(*attnames)
    return {tuple(normal(v) if isinstance(v, str) else v for v in candidate) for candidate in candidates}


def _set_aside_existing(spec, rows: list[_Row], result: ImportResult) -> list[_Row]:
    """The rows to add: those already stored go to `result.existing`; a repeated identity is an error."""
    if not spec.identity:
        return rows
    fields = [spec.model._meta.get_field(name) for name in spec.identity]
    keyed = [(row, None if row.failed & set(spec.identity) else _identity_key(row.instance, fields)) for row in rows]
    stored = _stored_identities(spec.model, fields, {key for _row, key in keyed if key is not None})
    first_row: dict[tuple, int] = {}
    kept = []
    for row, key in keyed:
        if key is not None and key in stored:
            result.existing.append((row.number, str(row.instance)))
            continue
        if key is not None and key in first_row:
            message = _("Такая же запись уже есть в строке %(row)s этого файла.") % {"row": first_row[key]}
            row.errors.append(RowError(row.number, WHOLE_ROW, message))
        elif key is not None:
            first_row[key] = row.number
        kept.append(row)
    return kept


# -- 3. prepared --------------------------------------------------------------------------------------------------


def _prepare(spec, rows: list[_Row]) -> None:
    context = ImportContext()
    for row in rows:
        if spec.prepare is None:
            break
        try:
            spec.prepare(row.instance, context)
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, messages in error.message_dict.items():
                    _add_error(spec, row, name, messages)
            else:
                _add_error(spec, row, NON_FIELD_ERRORS, _messages(error))
    if spec.slug_from is not None:
        # Rows with an error too, so that checking them names their other errors, not a missing slug.
        needing = [row for row in rows if not getattr(row.instance, spec.slug_field)]
        slugs = unique_slugs(spec.model, [spec.slug_from(row.instance) for row in needing], field=spec.slug_field)
        for row, slug in zip(needing, slugs, strict=True):
            setattr(row.instance, spec.slug_field, slug)


# -- 4. checked ---------------------------------------------------------------------------------------------------


def _known_relations(instance) -> set[str]:
    """Relations set to a stored row (found by its name, or by `prepare`): Django's check that it exists would be
    a query per row and field."""
    return {
        f.name
        for f in instance._meta.concrete_fields
        if f.is_relation and f.is_cached(instance) and getattr(getattr(instance, f.name), "pk", None) is not None
    }


def _fields_of(condition) -> set[str]:
    names = set()
    for child in condition.children if isinstance(condition, Q) else ():
        if isinstance(child, Q):
            names |= _fields_of(child)
        else:
            lookup, value = child
            names.add(lookup.split("__", 1)[0])
            if hasattr(value, "name"):  # F()
                names.add(value.name.split("__", 1)[0])
    return names


def _check_row(spec, row: _Row) -> None:
    instance = row.instance
    try:
        instance.full_clean(
            exclude=row.failed | _known_relations(instance), validate_unique=False, validate_constraints=False
        )
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            _add_error(spec, row, name, messages)
    for constraint in spec.model._meta.constraints:
        if not isinstance(constraint, models.CheckConstraint) or _fields_of(constraint.condition) & row.failed:
            continue
        satisfied = holds(constraint, instance)
        if satisfied is UNSUPPORTED:  # the database decides what Python does not
            try:
                constraint.validate(spec.model, instance, exclude=row.failed)
            except ValidationError as error:
                _add_error(spec, row, NON_FIELD_ERRORS, _messages(error))
        elif not satisfied:
            _add_error(spec, row, NON_FIELD_ERRORS, [constraint.get_violation_error_message()])


def _unique_sets(model):
    """(fields, condition, constraint or None) for every unique field and unique constraint on fields."""
    sets = [((f,), None, None) for f in model._meta.concrete_fields if f.unique and not f.primary_key]
    for names in model._meta.unique_together:
        sets.append((tuple(model._meta.get_field(n) for n in names), None, None))
    for constraint in model._meta.constraints:
        if isinstance(constraint, models.UniqueConstraint) and constraint.fields and not constraint.expressions:
            fields = tuple(model._meta.get_field(n) for n in constraint.fields)
            sets.append((fields, constraint.condition, constraint))
    return sets


def _unique_message(instance, fields, constraint) -> str:
    if constraint is not None and constraint.violation_error_message != constraint.default_violation_error_message:
        return str(constraint.get_violation_error_message())
    return _messages(instance.unique_error_message(type(instance), [f.name for f in fields]))[0]


def _check_unique(spec, rows: list[_Row]) -> None:
    """Unique fields and constraints for all rows at once: against each other, then the stored rows."""
    model = spec.model
    for fields, condition, constraint in _unique_sets(model):
        names = {f.name for f in fields}
        keyed = []
        for row in rows:
            if row.failed & names:
                continue
            key = tuple(getattr(row.instance, f.attname) for f in fields)
            if any(value is None for value in key):
                continue
            if condition is not None:
                applies = evaluate(condition, row.instance)
                if applies is UNSUPPORTED:
                    try:
                        constraint.validate(model, row.instance)
                    except ValidationError as error:
                        _add_error(spec, row, NON_FIELD_ERRORS, _messages(error))
                    continue
                if not applies:
                    continue
            keyed.append((row, key))
        stored = set()
        attnames = [f.attname for f in fields]
        for start in range(0, len(keyed), CHUNK):
            chunk = [key for _row, key in keyed[start : start + CHUNK]]
            if len(attnames) == 1:
                match = Q(**{f"{attnames[0]}__in": [key[0] for key in chunk]})
            else:
                match = Q()
                for key in chunk:
                    match |= Q(**dict(zip(attnames, key, strict=True)))
            found = model._default_manager.filter(match)
            if condition is not None:
                found = found.filter(condition)
            stored.update(tuple(values) for values in found.values_list(*attnames))
        seen = set()
        name = fields[0].name if len(fields) == 1 else NON_FIELD_ERRORS
        for row, key in keyed:
            if key in stored or key in seen:
                _add_error(spec, row, name, [_unique_message(row.instance, fields, constraint)])
            seen.add(key)


def _check(spec, rows: list[_Row]) -> None:
    for done, row in enumerate(rows, start=1):
        _check_row(spec, row)
        if done % PROGRESS_EVERY == 0:
            _progress(spec, "checked", done, len(rows))
    _check_unique(spec, rows)
    _progress(spec, "checked", len(rows), len(rows))


# -- 5. saved -----------------------------------------------------------------------------------------------------


def _history_manager(model):
    name = getattr(model._meta, "simple_history_manager_attribute", None)
    return getattr(model, name) if name else None


def _save_versions(model, objs, user, related_by_model) -> None:
    """A first version of each new row, as a save would write it, with the rows of its tracked many-to-many
    fields (django-simple-history's own bulk writer leaves those out)."""
    history = _history_manager(model)
    if history is None or not objs:
        return
    versions = history.bulk_history_create(objs, batch_size=BATCH, default_user=user)
    for m2m_field in getattr(history.model, "_history_m2m_fields", []):
        through = m2m_field.remote_field.through
        source = m2m_field.m2m_field_name()
        version_rows = getattr(history.model, m2m_field.name).model
        by_owner = defaultdict(list)
        for link in related_by_model.get(through, []):
            by_owner[getattr(link, f"{source}_id")].append(link)
        names = [f.name for f in through._meta.fields]
        rows = [
            version_rows(history=version, **{n: getattr(link, n) for n in names})
            for version, obj in zip(versions, objs, strict=True)
            for link in by_owner.get(obj.pk, [])
        ]
        version_rows.objects.bulk_create(rows, batch_size=BATCH)


def _save(spec, rows: list[_Row], user) -> list:
    objs = [row.instance for row in rows]
    total = len(objs)
    spec.model._default_manager.bulk_create(objs, batch_size=BATCH)
    _progress(spec, "saved", total, total)
    related_by_model: dict[type, list] = defaultdict(list)
    for row in rows:
        planned = []
        for column, value in row.values.items():
            planned += column.related_rows(row.instance, value)
        if spec.complete is not None:
            planned = spec.complete(row.instance, planned)
        for related in planned:
            related_by_model[type(related)].append(related)
    for model, related in related_by_model.items():
        model._default_manager.bulk_create(related, batch_size=BATCH)
    _progress(spec, "related", total, total)
    _save_versions(spec.model, objs, user, related_by_model)
    for model, related in related_by_model.items():
        if not model._meta.auto_created:
            _save_versions(model, related, user, {})
    _progress(spec, "versions", total, total)
    return objs


def run_import(spec: ImportSpec, table: list[list[str]], *, commit: bool, user=None) -> ImportResult:
    """Check (and with `commit`, save) the rows of a table whose first row is the header. With `commit` the caller
    may hold a transaction of its own: what it writes with the rows is kept or dropped with them."""
    spec = spec.fresh()
    result = ImportResult()
    columns, result.errors = match_header(spec, table[0])
    if result.errors:
        return result
    lines = [(number, cells) for number, cells in enumerate(table[1:], start=2) if any(cells)]
    result.read = len(lines)
    if not lines:
        result.errors.append(RowError(2, WHOLE_ROW, _("В файле нет ни одной строки с данными.")))
        return result
    rows = _set_aside_existing(spec, _read(spec, columns, lines), result)
    _prepare(spec, rows)
    _check(spec, rows)
    result.errors = [error for row in rows for error in row.errors]
    if result.errors:
        return result
    result.rows = [(row.number, str(row.instance)) for row in rows]
    shown = [c for name in spec.preview for c in spec.columns if c.name == name]
    result.preview_headers = [str(c.header).rstrip("*").strip() for c in shown]
    result.previews = [(row.number, str(row.instance), [_shown(c, row.values) for c in shown]) for row in rows]
    if not commit or not rows:
        return result
    try:
        with transaction.atomic():
            result.instances = _save(spec, rows, user)
    except IntegrityError:
        result.rows, result.instances = [], []
        result.errors.append(
            RowError(None, WHOLE_ROW, _("Пока файл проверялся, данные изменились: загрузите его и проверьте ещё раз."))
        )
        return result
    result.committed = True
    return result
