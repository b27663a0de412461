"""Writing generated rows fast, and deleting exactly the generated ones."""

import datetime
import io

from django.core.management.base import CommandError
from django.db import connection
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Contact, Library
from contests.models import Contest, Curator, Entry, Nomination
from demo.generator.pools import PREFIX
from events.models import Episode, Event, Participation, Person, Project
from exhibitions.models import Exhibition, ExhibitionStop

BATCH_SIZE = 5000


def _copy_value(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, datetime.date):  # dates and aware datetimes
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def insert_rows(model, rows: list[dict], ids: bool = True) -> list[int]:
    """Insert rows given as {attname: value}; return their primary keys (in order) when `ids`.

    On PostgreSQL the big tables go through COPY, with keys drawn from the table's own sequence
    first: several times faster than INSERT for 100,000 events, because Django's per-field
    preparation and the server's parsing of huge VALUES lists both disappear. Elsewhere bulk_create.
    """
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objects = [model(**row) for row in rows]
        model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        return [obj.pk for obj in objects] if ids else []

    meta = model._meta
    now = timezone.now()
    given = [field for field in meta.concrete_fields if field.attname in rows[0]]
    # Fields the generator leaves out get what Django would have put there.
    missing = {
        field: now
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        else field.get_default()
        for field in meta.concrete_fields
        if field.attname not in rows[0] and not field.primary_key
    }
    columns = [field.column for field in given] + [field.column for field in missing]
    fixed = "".join("\t" + _copy_value(value) for value in missing.values())
    names = [field.attname for field in given]
    keys: list[int] = []
    with connection.cursor() as cursor:
        if ids:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(rows)],
            )
            keys = [row[0] for row in cursor.fetchall()]
            columns.insert(0, meta.pk.column)
        buffer = io.StringIO()
        for n, row in enumerate(rows):
            values = "\t".join(_copy_value(row[name]) for name in names)
            buffer.write(f"{keys[n]}\t{values}{fixed}\n" if ids else f"{values}{fixed}\n")
        buffer.seek(0)
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(meta.db_table)} ({quoted}) FROM STDIN", buffer)
    return keys


def clear_generated() -> int:
    """Delete generated rows only; rows people entered stay, and rows that point at generated ones stop us."""
    generated = Library.objects.filter(slug__startswith=PREFIX)
    total = 0
    # Children first, by queries that Django can run as single DELETEs, so 100,000 events are not loaded.
    steps = [
        Entry.objects.filter(contest__slug__startswith=PREFIX),
        Nomination.objects.filter(contest__slug__startswith=PREFIX),
        Curator.objects.filter(contest__slug__startswith=PREFIX),
        Contest.objects.filter(slug__startswith=PREFIX),
        ExhibitionStop.objects.filter(exhibition__slug__startswith=PREFIX),
        Exhibition.objects.filter(slug__startswith=PREFIX, counterpart__isnull=False),
        Exhibition.objects.filter(slug__startswith=PREFIX),
        Episode.objects.filter(project__slug__startswith=PREFIX),
        Project.objects.filter(slug__startswith=PREFIX),
        Participation.objects.filter(event__slug__startswith=PREFIX),
        Event.guests.through.objects.filter(event__slug__startswith=PREFIX),
        Event.objects.filter(slug__startswith=PREFIX).only("pk"),
        Person.objects.filter(slug__startswith=PREFIX),
        Agreement.directions.through.objects.filter(
            agreement__number__startswith=PREFIX, agreement__partner__in=generated
        ),
        Agreement.objects.filter(number__startswith=PREFIX, partner__in=generated),
        Contact.objects.filter(library__in=generated),
        generated,
    ]
    try:
        for queryset in steps:
            deleted, _by_model = queryset.delete()
            total += deleted
    except ProtectedError as error:
        examples = ", ".join(str(obj) for obj in list(error.protected_objects)[:3])
        raise CommandError(
            _(
                "Сгенерированные библиотеки нельзя удалить: на них ссылаются записи, внесённые вручную (%(examples)s). "
                "Удалите или исправьте эти записи и повторите."
            )
            % {"examples": examples}
        ) from None
    return total
