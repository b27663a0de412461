"""Versions of a record in the admin: who changed what, with the old and new values side by side, and restoring
an earlier version.

The versions themselves are django-simple-history's historical rows (the `history` app registers every domain
model). This module only reads them, so it imports no app: `HistoryAdminMixin` (in `MODEL_ADMIN_MIXINS`) does
nothing for a model without versions. One admin save may write several rows (the record, then each changed
many-to-many field); rows of one person within a few seconds are shown as one version.
"""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.admin.models import LogEntry
from django.contrib.admin.options import IS_POPUP_VAR, TO_FIELD_VAR
from django.contrib.admin.utils import unquote
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import NON_FIELD_ERRORS, ObjectDoesNotExist, PermissionDenied, ValidationError
from django.db import models, transaction
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.text import Truncator, capfirst
from django.utils.translation import gettext

# Rows one person wrote this close together come from one save (the record, then its many-to-many fields).
SAME_SAVE = datetime.timedelta(seconds=2)
EMPTY = "—"
TEXT_SHOWN = 300
# history_change_reason holds at most 100 characters.
REASON_LENGTH = 100


def is_tracked(model) -> bool:
    return hasattr(model._meta, "simple_history_manager_attribute")


def history_of(model):
    """The manager of a tracked model's historical rows."""
    return getattr(model, model._meta.simple_history_manager_attribute)


def editable_fields(model) -> list[models.Field]:
    """The fields a version compares and restores: not the key, not the automatic timestamps."""
    return [
        f
        for f in model._meta.concrete_fields
        if not f.primary_key and not getattr(f, "auto_now", False) and not getattr(f, "auto_now_add", False)
    ]


def m2m_fields(model) -> list[models.ManyToManyField]:
    return list(history_of(model).model._history_m2m_fields)


def safe_str(instance) -> str:
    """A record's name, or its kind and number when the name needs a related record that is gone."""
    try:
        return str(instance)
    except ObjectDoesNotExist:
        return f"{instance._meta.verbose_name} № {instance.pk}"


# --- snapshots: a version's values as plain data -----------------------------------------------------------


def stored(field, value):
    """A value as a version keeps it: a file by its name, everything else as is."""
    if isinstance(field, models.FileField):
        return getattr(value, "name", value) or ""
    return value


def load_m2m(model, records) -> dict[str, dict[int, set]]:
    """Each tracked many-to-many field: the related ids each historical row saw (one query per field)."""
    from simple_history.models import HistoricalRecords
    from simple_history.utils import get_m2m_reverse_field_name

    ids = [record.pk for record in records]
    loaded = {}
    for m2m_field in m2m_fields(model):
        m2m_model = HistoricalRecords.m2m_models[m2m_field]
        target = m2m_model._meta.get_field(get_m2m_reverse_field_name(m2m_field)).attname
        by_record = defaultdict(set)
        for history_id, target_id in m2m_model.objects.filter(history__in=ids).values_list("history", target):
            by_record[history_id].add(target_id)
        loaded[m2m_field.name] = by_record
    return loaded


def record_snapshot(model, record, m2m: dict) -> dict:
    values = {f.name: stored(f, getattr(record, f.attname)) for f in editable_fields(model)}
    for m2m_field in m2m_fields(model):
        values[m2m_field.name] = frozenset(m2m[m2m_field.name].get(record.pk, ()))
    return values


def live_snapshot(obj) -> dict:
    model = type(obj)
    values = {f.name: stored(f, getattr(obj, f.attname)) for f in editable_fields(model)}
    for m2m_field in m2m_fields(model):
        values[m2m_field.name] = frozenset(getattr(obj, m2m_field.name).values_list("pk", flat=True))
    return values


def related_labels(target, ids) -> dict:
    """Names of related records by id (one query), a deleted one named from its last version (one more)."""
    ids = set(ids)
    if not ids:
        return {}
    # select_related() with no names follows every non-null foreign key, which names like "<partner> № 5" use.
    labels = {obj.pk: safe_str(obj) for obj in target._default_manager.select_related().filter(pk__in=ids)}
    missing = ids - labels.keys()
    if missing and is_tracked(target):
        pk_name = target._meta.pk.attname
        for record in history_of(target).filter(**{f"{pk_name}__in": missing}).order_by(pk_name, "-history_date"):
            key = getattr(record, pk_name)
            if key not in labels:
                labels[key] = gettext("%(name)s (удалено)") % {"name": safe_str(record.instance)}
    for key in ids - labels.keys():
        labels[key] = gettext("запись № %(id)s (удалена)") % {"id": key}
    return labels


class Labels:
    """How snapshot values read: choice labels, «да»/«нет», Russian dates, names of related records."""

    def __init__(self, model, snapshots):
        self.model = model
        self.related: dict[str, dict] = {}
        relations = [f for f in editable_fields(model) if f.is_relation] + m2m_fields(model)
        for relation in relations:
            ids = set()
            for snapshot in snapshots:
                value = snapshot.get(relation.name)
                if relation.many_to_many:
                    ids |= set(value or ())
                elif value is not None:
                    ids.add(value)
            self.related[relation.name] = related_labels(relation.related_model, ids)

    def show(self, model_field, value) -> str:
        if model_field.many_to_many:
            names = sorted(self.related[model_field.name][key] for key in value)
            return "; ".join(names) or EMPTY
        if value is None or value == "":
            return EMPTY
        if model_field.is_relation:
            return self.related[model_field.name][value]
        if model_field.flatchoices:
            return str(dict(model_field.flatchoices).get(value, value))
        if isinstance(model_field, models.BooleanField):
            return gettext("да") if value else gettext("нет")
        if isinstance(model_field, models.DateTimeField):
            return formats.localize(timezone.localtime(value))
        if isinstance(model_field, models.FileField):
            return str(value).rsplit("/", 1)[-1]
        if isinstance(value, datetime.date | int | float) or hasattr(value, "as_tuple"):
            return formats.localize(value)
        return Truncator(str(value)).chars(TEXT_SHOWN)


@dataclass
class Change:
    field: str
    old: str
    new: str


def compared_fields(model) -> list[models.Field]:
    return editable_fields(model) + m2m_fields(model)


def changed_fields(model, before: dict, after: dict) -> list[models.Field]:
    return [f for f in compared_fields(model) if before.get(f.name) != after.get(f.name)]


def changes(model, labels: Labels, before: dict, after: dict) -> list[Change]:
    return [
        Change(str(capfirst(f.verbose_name)), labels.show(f, before[f.name]), labels.show(f, after[f.name]))
        for f in changed_fields(model, before, after)
    ]


# --- versions: rows grouped by save ------------------------------------------------------------------------


@dataclass
class Version:
    record: object  # the last historical row of the save: the state after it
    kind: str  # "+" created, "~" changed, "-" deleted
    when: datetime.datetime
    user: object
    reason: str
    changes: list[Change] = field(default_factory=list)
    is_current: bool = False
    is_first: bool = False  # the first one kept: a record older than its history has no "before"


def group_by_save(records) -> list[list]:
    """Rows oldest first, grouped: a change by the same person within SAME_SAVE belongs to the row before it."""
    groups: list[list] = []
    for record in records:
        last = groups[-1][-1] if groups else None
        if (
            last is not None
            and record.history_type == "~"
            and last.history_type != "-"
            and record.history_user_id == last.history_user_id
            and record.history_date - last.history_date <= SAME_SAVE
        ):
            groups[-1].append(record)
        else:
            groups.append([record])
    return groups


def object_versions(model, pk) -> list[Version]:
    """A record's versions, newest first, each with what it changed (a fixed number of queries)."""
    pk_name = model._meta.pk.attname
    records = list(
        history_of(model).filter(**{pk_name: pk}).select_related("history_user").order_by("history_date", "history_id")
    )
    m2m = load_m2m(model, records)
    snapshots = {record.pk: record_snapshot(model, record, m2m) for record in records}
    labels = Labels(model, snapshots.values())
    versions, before = [], None
    for group in group_by_save(records):
        last = group[-1]
        kind = group[0].history_type
        reasons = [r.history_change_reason for r in group if r.history_change_reason]
        version = Version(last, kind, group[0].history_date, group[0].history_user, "; ".join(reasons))
        if kind == "~" and before is not None:
            version.changes = changes(model, labels, snapshots[before.pk], snapshots[last.pk])
        versions.append(version)
        before = last
    if versions:
        versions[0].is_first = True
        versions[-1].is_current = versions[-1].kind != "-"
    return versions[::-1]


# --- restoring a version -----------------------------------------------------------------------------------


def missing_references(model, snapshot: dict, labels: Labels, restoring=()) -> list[str]:
    """What a snapshot points at that no longer exists: each as a Russian sentence. `restoring` lists
    (model, pk) pairs being brought back in the same step, which count as present."""
    problems = []
    for model_field in editable_fields(model):
        value = snapshot[model_field.name]
        if model_field.is_relation and value is not None:
            target = model_field.related_model
            if (target, value) in restoring or target._default_manager.filter(pk=value).exists():
                continue
            problems.append(
                gettext(
                    "«%(field)s»: %(name)s больше нет. Сначала восстановите эту запись в разделе «Удалённые записи»."
                )
                % {"field": capfirst(model_field.verbose_name), "name": labels.show(model_field, value)}
            )
        elif isinstance(model_field, models.FileField) and value and not model_field.storage.exists(value):
            problems.append(
                gettext("«%(field)s»: файла %(name)s больше нет в хранилище.")
                % {"field": capfirst(model_field.verbose_name), "name": labels.show(model_field, value)}
            )
    return problems


def apply_snapshot(obj, snapshot: dict, reason: str) -> list[str]:
    """Put a snapshot's values on a record and save it, checked as a form would (full_clean). Related records
    of many-to-many fields that are gone are left out; returns them as (field, id). Raises ValidationError."""
    model = type(obj)
    for model_field in editable_fields(model):
        setattr(obj, model_field.attname, snapshot[model_field.name])
    obj.full_clean()
    obj._change_reason = reason[:REASON_LENGTH]
    obj.save()
    left_out = []
    for m2m_field in m2m_fields(model):
        wanted = set(snapshot[m2m_field.name])
        present = set(m2m_field.related_model._default_manager.filter(pk__in=wanted).values_list("pk", flat=True))
        left_out += [(m2m_field, key) for key in sorted(wanted - present)]
        getattr(obj, m2m_field.name).set(present)
    return left_out


def validation_messages(error: ValidationError, model) -> list[str]:
    """A model's validation errors as sentences, each after the name of its field as the form shows it."""
    if not hasattr(error, "error_dict"):
        return list(error.messages)
    sentences = []
    for name, messages_ in error.message_dict.items():
        for message in messages_:
            if name == NON_FIELD_ERRORS:
                sentences.append(message)
            else:
                sentences.append(f"«{capfirst(model._meta.get_field(name).verbose_name)}»: {message}")
    return sentences


# --- the admin ---------------------------------------------------------------------------------------------


class HistoryAdminMixin:
    """The history page (versions with old and new values, «Восстановить эту версию») for tracked models, and
    a delete page that says plainly what depends on a record and that a deleted record can be restored."""

    def get_urls(self):
        urls = super().get_urls()
        if not is_tracked(self.model):
            return urls
        info = self.opts.app_label, self.opts.model_name
        restore = path(
            "<path:object_id>/history/<int:history_id>/restore/",
            self.admin_site.admin_view(self.restore_version_view),
            name="{}_{}_restore_version".format(*info),
        )
        return [restore, *urls]

    def history_view(self, request, object_id, extra_context=None):
        if not is_tracked(self.model):
            return super().history_view(request, object_id, extra_context)
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = object_versions(self.model, obj.pk)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("История изменений: %s") % obj,
            "subtitle": None,
            "object": obj,
            "opts": self.opts,
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            "versions": versions,
            "can_restore": self.has_change_permission(request, obj),
            "earlier_log": self.log_before(obj, versions),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/history/object_history.html", context)

    def log_before(self, obj, versions):
        """Django's own log of the record from before its versions were kept, if any."""
        entries = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(self.model, for_concrete_model=False),
            object_id=str(obj.pk),
        ).select_related("user")
        if versions:
            entries = entries.filter(action_time__lt=versions[-1].when)
        return list(entries.order_by("-action_time")[:100])

    def restore_version_view(self, request, object_id, history_id):
        obj = self.get_object(request, unquote(object_id))
        if obj is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        if not self.has_change_permission(request, obj):
            raise PermissionDenied
        record = history_of(self.model).filter(pk=history_id, **{self.opts.pk.attname: obj.pk}).first()
        if record is None or record.history_type == "-":
            raise Http404(gettext("Такой версии этой записи нет."))
        m2m = load_m2m(self.model, [record])
        version, current = record_snapshot(self.model, record, m2m), live_snapshot(obj)
        labels = Labels(self.model, [version, current])
        problems = missing_references(self.model, version, labels)
        if request.method == "POST" and not problems:
            problems = self.restore_version(request, obj, record, version, labels)
            if not problems:
                return HttpResponseRedirect(
                    reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[obj.pk])
                )
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Восстановить версию от %(when)s?")
            % {"when": formats.localize(timezone.localtime(record.history_date))},
            "subtitle": str(obj),
            "object": obj,
            "opts": self.opts,
            "module_name": str(capfirst(self.opts.verbose_name_plural)),
            "record": record,
            "changes": changes(self.model, labels, current, version),
            "problems": problems,
        }
        request.current_app = self.admin_site.name
        status = 409 if problems and request.method == "POST" else 200
        return TemplateResponse(request, "admin/history/restore_version.html", context, status=status)

    def restore_version(self, request, obj, record, version, labels) -> list[str]:
        """Save the version's values over the record; returns the reasons it was refused, if it was."""
        when = formats.localize(timezone.localtime(record.history_date))
        reason = gettext("Восстановлена версия от %(when)s") % {"when": when}
        try:
            with transaction.atomic(using=self.model._default_manager.db):
                locked = self.model._default_manager.select_for_update().get(pk=obj.pk)
                left_out = apply_snapshot(locked, version, reason)
        except ValidationError as error:
            return validation_messages(error, self.model)
        self.log_change(request, locked, reason)
        self.message_user(request, gettext("%(reason)s.") % {"reason": reason}, messages.SUCCESS)
        if left_out:
            names = "; ".join(labels.related[m2m_field.name][key] for m2m_field, key in left_out)
            self.message_user(
                request, gettext("Не восстановлены ссылки на удалённые записи: %s") % names, messages.WARNING
            )
        return []

    def render_delete_form(self, request, context):
        """The delete page adds what to do about the records that depend on this one, and that a deleted
        record can be restored; a model's admin with a delete page of its own keeps it."""
        if self.delete_confirmation_template is not None:
            return super().render_delete_form(request, context)
        context.update(
            tracked=is_tracked(self.model), to_field_var=TO_FIELD_VAR, is_popup_var=IS_POPUP_VAR, media=self.media
        )
        request.current_app = self.admin_site.name
        opts = self.opts
        templates = [
            f"admin/{opts.app_label}/{opts.model_name}/delete_confirmation.html",
            f"admin/{opts.app_label}/delete_confirmation.html",
            "admin/history/record_delete_confirmation.html",
        ]
        return TemplateResponse(request, templates, context)
