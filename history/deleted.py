"""Deleted records: which are there, and bringing one back with its id and its last values.

A deleted record is a tracked row whose last version is its deletion. Restoring it brings back, in the same
step, the rows the database deleted along with it (an event's participations, a library's contacts), so a
record returns as it was deleted. It is refused, with a Russian reason, when something it points at is gone
too (its library was deleted as well) or when it no longer fits (another record took its address in URL).
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models import Exists, OuterRef
from django.utils.text import capfirst
from django.utils.translation import gettext

from adminkit.grammar import FEMININE, noun_for
from adminkit.history import (
    REASON_LENGTH,
    Labels,
    history_of,
    is_tracked,
    load_m2m,
    m2m_fields,
    missing_references,
    record_snapshot,
    safe_str,
    validation_messages,
)

from .apps import domain_models

# The database deletes the rows that cascade with a record just before the record itself, in one transaction.
CASCADE_WINDOW = datetime.timedelta(seconds=10)
LISTED_PER_MODEL = 200


class RestoreRefused(Exception):
    def __init__(self, reasons: list[str]):
        super().__init__("; ".join(reasons))
        self.reasons = reasons


@dataclass
class Deleted:
    model: type
    record: object  # the version that records the deletion (its values are the last ones)
    label: str = ""
    along: list["Deleted"] = field(default_factory=list)  # rows deleted together with it

    @property
    def key(self) -> tuple:
        return self.model, self.pk

    @property
    def kind(self) -> str:
        return str(capfirst(self.model._meta.verbose_name))

    @property
    def along_title(self) -> str:
        """What heads the rows deleted with it, agreeing with its noun: «Удалено вместе с ним:» under an event,
        «…вместе с ней:» under a library."""
        noun_ = noun_for(self.model)
        if noun_ is not None and noun_.gender == FEMININE:
            return gettext("Удалено вместе с ней:")
        return gettext("Удалено вместе с ним:")

    @property
    def pk(self):
        return getattr(self.record, self.model._meta.pk.attname)

    @property
    def model_label(self) -> str:
        return self.model._meta.label_lower

    @property
    def token(self) -> str:
        return f"{self.model._meta.label_lower}:{self.record.pk}"


def tracked_models() -> list[type]:
    return [model for model in domain_models() if is_tracked(model)]


def last_deletions(model):
    """Deletion versions that are the last version of their record: the record is still deleted."""
    history = history_of(model)
    pk_name = model._meta.pk.attname
    newer = history.filter(**{pk_name: OuterRef(pk_name)}, history_date__gt=OuterRef("history_date"))
    return history.filter(history_type="-").exclude(Exists(newer))


def cascade_parents(model) -> list[models.ForeignKey]:
    """The foreign keys whose target's deletion deletes a row of `model` too."""
    return [
        f
        for f in model._meta.concrete_fields
        if f.many_to_one and f.remote_field.on_delete is models.CASCADE and is_tracked(f.related_model)
    ]


def deleted_along(parent: Deleted, record) -> bool:
    return parent.record.history_date - CASCADE_WINDOW <= record.history_date <= parent.record.history_date


# --- the list --------------------------------------------------------------------------------------------


def prime_relations(model, instances) -> None:
    """Load what the names of deleted rows mention (their library, event…) in one query per foreign key, a
    related row that is gone too from its own last version."""
    for fk in [f for f in model._meta.concrete_fields if f.many_to_one]:
        ids = {getattr(obj, fk.attname) for obj in instances} - {None}
        if not ids:
            continue
        target = fk.related_model
        found = target._default_manager.select_related().in_bulk(ids)
        missing = ids - found.keys()
        if missing and is_tracked(target):
            pk_name = target._meta.pk.attname
            for record in history_of(target).filter(**{f"{pk_name}__in": missing}).order_by("history_date"):
                found[getattr(record, pk_name)] = record.instance  # the latest wins
        for obj in instances:
            related = found.get(getattr(obj, fk.attname))
            if related is not None:
                fk.set_cached_value(obj, related)


def deleted_records(models_shown) -> list[Deleted]:
    """The deleted records of the given models, newest first; rows deleted along with another one are listed
    under it (`along`), not on their own. A fixed number of queries per model."""
    rows: list[Deleted] = []
    for model in models_shown:
        records = list(
            last_deletions(model).select_related("history_user").order_by("-history_date")[:LISTED_PER_MODEL]
        )
        instances = [record.instance for record in records]
        prime_relations(model, instances)
        rows += [Deleted(model, record, safe_str(obj)) for record, obj in zip(records, instances, strict=True)]
    by_key = {row.key: row for row in rows}
    top = []
    for row in rows:
        parent = None
        for fk in cascade_parents(row.model):
            candidate = by_key.get((fk.related_model, getattr(row.record, fk.attname)))
            if candidate is not None and deleted_along(candidate, row.record):
                parent = candidate
                break
        (parent.along if parent else top).append(row)
    return sorted(top, key=lambda row: row.record.history_date, reverse=True)


# --- restoring -------------------------------------------------------------------------------------------


def find_deleted(label: str, history_id: int) -> Deleted | None:
    """A record that is still deleted, by its model's label and the id of its deletion version."""
    model = next((m for m in tracked_models() if m._meta.label_lower == label), None)
    if model is None:
        return None
    record = last_deletions(model).filter(pk=history_id).first()
    return Deleted(model, record) if record is not None else None


def with_rows_deleted_along(root: Deleted) -> list[Deleted]:
    """The record and, recursively, the rows that were deleted with it, parents first."""
    plan, queue = [root], [root]
    children_of = {m: cascade_parents(m) for m in tracked_models()}
    while queue:
        parent = queue.pop(0)
        for model, fks in children_of.items():
            for fk in fks:
                if fk.related_model is not parent.model:
                    continue
                window = (parent.record.history_date - CASCADE_WINDOW, parent.record.history_date)
                rows = last_deletions(model).filter(**{fk.attname: parent.pk}, history_date__range=window)
                taken = keys(plan)
                found = [row for row in (Deleted(model, record) for record in rows) if row.key not in taken]
                plan += found
                queue += found
    return plan


def keys(plan) -> set:
    return {row.key for row in plan}


def last_m2m(row: Deleted) -> dict:
    """The many-to-many values the record had before its deletion (the deletion version sees them removed)."""
    pk_name = row.model._meta.pk.attname
    before = (
        history_of(row.model)
        .filter(**{pk_name: row.pk}, history_date__lte=row.record.history_date)
        .exclude(history_type="-")
        .order_by("-history_date", "-history_id")
        .first()
    )
    if before is None:
        return {f.name: frozenset() for f in m2m_fields(row.model)}
    m2m = load_m2m(row.model, [before])
    return {f.name: frozenset(m2m[f.name].get(before.pk, ())) for f in m2m_fields(row.model)}


def insert_order(plan: list[Deleted], snapshots: dict) -> list[Deleted]:
    """Rows whose foreign keys point at rows of the plan come after those rows."""
    ordered, placed = [], set()
    pending = list(plan)
    while pending:
        ready = [row for row in pending if not (depends_on(row, snapshots[row.key]) & (keys(pending) - {row.key}))]
        ready = ready or pending[:1]
        for row in ready:
            ordered.append(row)
            placed.add(row.key)
        pending = [row for row in pending if row.key not in placed]
    return ordered


def depends_on(row: Deleted, snapshot: dict) -> set:
    return {
        (f.related_model, snapshot[f.name])
        for f in row.model._meta.concrete_fields
        if f.many_to_one and not f.primary_key and f.name in snapshot and snapshot[f.name] is not None
    }


def check_restorable(plan: list[Deleted], snapshots: dict, labels: dict) -> None:
    restoring = keys(plan)
    reasons = []
    for row in plan:
        if row.model._default_manager.filter(pk=row.pk).exists():
            reasons.append(gettext("«%(name)s»: запись с таким номером уже есть.") % {"name": row.label})
        for problem in missing_references(row.model, snapshots[row.key], labels[row.model], restoring):
            reasons.append(f"«{row.label}»: {problem}")
    if reasons:
        raise RestoreRefused(reasons)


@transaction.atomic
def restore_deleted(*, root: Deleted, user) -> list[Deleted]:
    """Bring back a deleted record and the rows deleted along with it, each with its id and last values.

    Refuses (RestoreRefused, nothing saved) when the user may not add a model's rows, when a row points at a
    record that is gone, or when a row no longer passes the model's checks.
    """
    plan = with_rows_deleted_along(root)
    for row in plan:
        opts = row.model._meta
        if not user.has_perm(f"{opts.app_label}.add_{opts.model_name}"):
            raise RestoreRefused(
                [gettext("Нет прав добавлять записи «%(kind)s».") % {"kind": opts.verbose_name_plural}]
            )
    no_m2m = defaultdict(dict)  # the deletion version's own many-to-many rows are empty: last_m2m() has them
    snapshots = {row.key: {**record_snapshot(row.model, row.record, no_m2m), **last_m2m(row)} for row in plan}
    labels = {
        model: Labels(model, [snapshots[row.key] for row in plan if row.model is model])
        for model in {row.model for row in plan}
    }
    for row in plan:
        row.label = safe_str(row.record.instance)
    check_restorable(plan, snapshots, labels)
    for row in insert_order(plan, snapshots):
        insert(row, snapshots[row.key])
    return plan


def insert(row: Deleted, snapshot: dict) -> None:
    obj = row.record.instance
    obj._state.adding = True
    try:
        obj.full_clean()
    except ValidationError as error:
        raise RestoreRefused(
            [f"«{row.label}»: {message}" for message in validation_messages(error, row.model)]
        ) from None
    obj._change_reason = gettext("Восстановлено из удалённых")[:REASON_LENGTH]
    obj.save(force_insert=True)
    stamps = {f.attname: getattr(row.record, f.attname) for f in row.model._meta.concrete_fields if is_created_at(f)}
    if stamps:
        row.model._default_manager.filter(pk=obj.pk).update(**stamps)  # save() stamps a new row as created now
    for m2m_field in m2m_fields(row.model):
        present = m2m_field.related_model._default_manager.filter(pk__in=snapshot[m2m_field.name])
        getattr(obj, m2m_field.name).set(present)


def is_created_at(model_field) -> bool:
    return getattr(model_field, "auto_now_add", False)
