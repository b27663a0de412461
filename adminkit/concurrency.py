"""Safe concurrent editing: a change form saved over someone else's newer save is refused, not silently merged.

The change form carries the record's `updated_at` as it was loaded (a hidden field). On saving, the stored
`updated_at` is read again, the row locked until the save ends; if it moved, the form gets an error naming who
changed the record, when and which fields (from the record's versions, when it has them), and nothing is saved,
inlines included. The first save survives. Models without `updated_at` are left alone.
"""

import datetime

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from adminkit.history import changed_fields, history_of, is_tracked, live_snapshot, load_m2m, record_snapshot

STAMP_FIELD = "_loaded_at"


def has_stamp(model) -> bool:
    try:
        return model._meta.get_field("updated_at").concrete
    except FieldDoesNotExist:
        return False


def stored_stamp(instance) -> datetime.datetime | None:
    """The record's `updated_at` as stored now, its row locked until the save ends where the database can."""
    manager = type(instance)._default_manager
    rows = manager.filter(pk=instance.pk)
    if connections[manager.db].in_atomic_block:
        rows = rows.select_for_update()
    return rows.values_list("updated_at", flat=True).first()


def who_and_what(instance, loaded: datetime.datetime) -> tuple[str, list[str]]:
    """Who saved the record after the version stamped `loaded`, and the names of the fields changed since.

    Versions keep `updated_at` too, so the version the form was loaded from is the last one with that stamp.
    """
    model = type(instance)
    if not is_tracked(model):
        return "", []
    records = history_of(model).filter(**{model._meta.pk.attname: instance.pk})
    later = records.filter(updated_at__gt=loaded).select_related("history_user").order_by("history_date")
    users = []
    for record in later:
        name = user_name(record.history_user)
        if name and name not in users:
            users.append(name)
    loaded_version = records.filter(updated_at=loaded).order_by("-history_date", "-history_id").first()
    if loaded_version is None:
        return ", ".join(users), []
    m2m = load_m2m(model, [loaded_version])
    fresh = model._default_manager.get(pk=instance.pk)
    fields = changed_fields(model, record_snapshot(model, loaded_version, m2m), live_snapshot(fresh))
    return ", ".join(users), [str(capfirst(f.verbose_name)) for f in fields]


def user_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def conflict_message(instance, stored: datetime.datetime, loaded: datetime.datetime) -> str:
    users, fields = who_and_what(instance, loaded)
    when = timezone.localtime(stored).strftime("%H:%M %d.%m.%Y")
    text = (
        gettext("Запись изменил(а) %(user)s в %(time)s, пока вы её редактировали.") % {"user": users, "time": when}
        if users
        else gettext("Запись изменили в %(time)s, пока вы её редактировали.") % {"time": when}
    )
    if fields:
        text += " " + gettext("Изменились поля: %(fields)s.") % {"fields": ", ".join(fields)}
    return text + " " + gettext("Откройте запись заново, чтобы увидеть изменения.")


class StampedForm(forms.ModelForm):
    """Mixed into a change form: refuses the save when the record was saved by someone else meanwhile."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.instance.updated_at is not None:
            self.fields[STAMP_FIELD].initial = self.instance.updated_at.isoformat()

    def clean(self):
        cleaned = super().clean()
        submitted = self.data.get(self.add_prefix(STAMP_FIELD))
        if not submitted or self.instance.pk is None:
            return cleaned  # a form without the stamp (not the admin's page) is not checked
        loaded = parse_datetime(submitted)
        if loaded is None or timezone.is_naive(loaded):
            raise ValidationError(
                _("Форма устарела или повреждена. Откройте запись заново и внесите изменения ещё раз."),
                code="bad_stamp",
            )
        stored = stored_stamp(self.instance)
        if stored is not None and stored != loaded:
            raise ValidationError(conflict_message(self.instance, stored, loaded), code="edited_meanwhile")
        return cleaned


def stamped_form(form_class):
    return type(
        form_class.__name__,
        (StampedForm, form_class),
        {
            STAMP_FIELD: forms.CharField(label=_("версия записи"), widget=forms.HiddenInput, required=False),
            "__module__": __name__,
        },
    )


class ConcurrentEditAdminMixin:
    """For every ModelAdmin (in `MODEL_ADMIN_MIXINS`); acts only on models with `updated_at`, on the change
    page of a user who may change the record."""

    def _stamps(self, request, obj) -> bool:
        return obj is not None and has_stamp(self.model) and self.has_change_permission(request, obj)

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if not self._stamps(request, obj) or not fieldsets:
            return fieldsets
        (name, options), *rest = fieldsets
        # A hidden field's row is hidden; the first fieldset carries it so the page shows nothing new.
        return [(name, {**options, "fields": [*options.get("fields", ()), STAMP_FIELD]}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # Without "fields" Django takes them from get_fieldsets(), stamp included; fields=None only lists the
        # model's fields (get_fields()), which must not list the stamp.
        fields = kwargs.get("fields", [STAMP_FIELD])
        if self._stamps(request, obj) and fields is not None and STAMP_FIELD in fields:
            kwargs["form"] = stamped_form(kwargs.get("form", self.form))
        return super().get_form(request, obj, change=change, **kwargs)
