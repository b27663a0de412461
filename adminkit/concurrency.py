"""Safe concurrent editing: a change form saved over someone else's newer save is refused, not silently merged.

The change form carries the record's `updated_at` as it was loaded (a hidden field). On saving, the stored
`updated_at` is read again, the row locked until the save ends; if it moved, nothing is saved (inlines included)
and the form comes back with what the user typed still in it, an error naming who changed the record and when,
and a table, field by field, of what the other person saved and what this user typed. Each row has a choice —
keep what the other saved, or keep mine; a field only the other person changed defaults to theirs, a field this
user changed to theirs too only if chosen. The form now carries the newer stamp and the one first loaded
(`_base_at`), so saving again applies the choices (`resolve`) — unless someone saved once more meanwhile, which
starts over. Models without `updated_at` are left alone.
"""

import datetime
from dataclasses import dataclass

from django import forms
from django.core.exceptions import FieldDoesNotExist, ValidationError
from django.db import connections, models
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.html import format_html, format_html_join
from django.utils.text import capfirst
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from adminkit.history import (
    Labels,
    changed_fields,
    compared_fields,
    history_of,
    is_tracked,
    live_snapshot,
    load_m2m,
    record_snapshot,
    stored,
)

STAMP_FIELD = "_loaded_at"
BASE_FIELD = "_base_at"  # after a conflict: the stamp the user first loaded
KEEP = "_keep_"  # + a field's name: "theirs" or "mine"
THEIRS, MINE = "theirs", "mine"


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


def version_at(model, pk, stamp: datetime.datetime) -> dict | None:
    """The record's values as saved with the stamp `stamp` (its versions), or None when it has none."""
    if not is_tracked(model):
        return None
    records = history_of(model).filter(**{model._meta.pk.attname: pk})
    version = records.filter(updated_at=stamp).order_by("-history_date", "-history_id").first()
    return None if version is None else record_snapshot(model, version, load_m2m(model, [version]))


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
    before = version_at(model, instance.pk, loaded)
    if before is None:
        return ", ".join(users), []
    fresh = model._default_manager.get(pk=instance.pk)
    fields = changed_fields(model, before, live_snapshot(fresh))
    return ", ".join(users), [str(capfirst(f.verbose_name)) for f in fields]


def user_name(user) -> str:
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def conflict_message(instance, stored_at: datetime.datetime, loaded: datetime.datetime) -> str:
    users, fields = who_and_what(instance, loaded)
    when = timezone.localtime(stored_at).strftime("%H:%M %d.%m.%Y")
    text = (
        gettext("Запись изменил(а) %(user)s в %(time)s, пока вы её редактировали.") % {"user": users, "time": when}
        if users
        else gettext("Запись изменили в %(time)s, пока вы её редактировали.") % {"time": when}
    )
    if fields:
        text += " " + gettext("Изменились поля: %(fields)s.") % {"fields": ", ".join(fields)}
    return text + " " + gettext("Откройте запись заново, чтобы увидеть изменения.")


@dataclass
class Clash:
    """One field of a conflict: what the other person saved and what this user typed, as they read."""

    name: str
    label: str
    theirs: str
    mine: str
    keep: str  # the choice offered first: THEIRS when only the other person changed the field


def _stamp(value) -> datetime.datetime | None:
    stamp = parse_datetime(value or "")
    return stamp if stamp is not None and timezone.is_aware(stamp) else None


def _typed(field, value):
    """A cleaned form value as a snapshot keeps it (adminkit.history)."""
    if field.many_to_many:
        return frozenset(obj.pk for obj in value or ())
    if field.is_relation:
        return value.pk if value is not None else None
    return stored(field, value)


class StampedForm(forms.ModelForm):
    """Mixed into a change form: refuses the save when the record was saved by someone else meanwhile, shows what
    differs, and applies the user's choices on the next save."""

    clashes: list[Clash] = []

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is not None and self.instance.updated_at is not None:
            self.fields[STAMP_FIELD].initial = self.instance.updated_at.isoformat()

    def _fields(self) -> list[models.Field]:
        return [f for f in compared_fields(self._meta.model) if f.name in self.fields]

    def clean(self):
        cleaned = super().clean()
        submitted = self.data.get(self.add_prefix(STAMP_FIELD))
        if not submitted or self.instance.pk is None:
            return cleaned  # a form without the stamp (not the admin's page) is not checked
        loaded = _stamp(submitted)
        if loaded is None:
            raise ValidationError(
                _("Форма устарела или повреждена. Откройте запись заново и внесите изменения ещё раз."),
                code="bad_stamp",
            )
        stored_at = stored_stamp(self.instance)
        if stored_at is not None and stored_at != loaded:
            base = _stamp(self.data.get(self.add_prefix(BASE_FIELD))) or loaded
            self.clashes = self._clashes(base, cleaned)
            self.data = self.data.copy()
            self.data[self.add_prefix(STAMP_FIELD)] = stored_at.isoformat()
            self.data[self.add_prefix(BASE_FIELD)] = base.isoformat()
            raise ValidationError(self._conflict_html(stored_at, base), code="edited_meanwhile")
        if self.data.get(self.add_prefix(BASE_FIELD)):
            self._resolve(cleaned)
        return cleaned

    def _clashes(self, base: datetime.datetime, cleaned: dict) -> list[Clash]:
        model = self._meta.model
        fresh = model._default_manager.get(pk=self.instance.pk)
        theirs = live_snapshot(fresh)
        before = version_at(model, self.instance.pk, base)
        fields = [f for f in self._fields() if f.name in cleaned]
        mine = {f.name: _typed(f, cleaned[f.name]) for f in fields}
        labels = Labels(model, [theirs, mine])
        clashes = []
        for f in fields:
            if theirs.get(f.name) == mine[f.name]:
                continue
            typed = before is None or before.get(f.name) != mine[f.name]
            keep = MINE if typed else THEIRS
            shown = (labels.show(f, theirs.get(f.name)), labels.show(f, mine[f.name]))
            clashes.append(Clash(f.name, str(capfirst(f.verbose_name)), *shown, keep))
        return clashes

    def _conflict_html(self, stored_at, base):
        lead = conflict_message(self.instance, stored_at, base).replace(
            " " + gettext("Откройте запись заново, чтобы увидеть изменения."), ""
        )
        if not self.clashes:
            return format_html(
                "{} {}", lead, gettext("Ваши значения не отличаются от сохранённых: нажмите «Сохранить» ещё раз.")
            )
        rows = format_html_join(
            "",
            '<tr><th scope="row">{}</th><td><label><input type="radio" name="{}" value="{}"{}> {}</label></td>'
            '<td><label><input type="radio" name="{}" value="{}"{}> {}</label></td></tr>',
            (
                (
                    c.label,
                    self.add_prefix(KEEP + c.name), THEIRS, " checked" if c.keep == THEIRS else "", c.theirs,
                    self.add_prefix(KEEP + c.name), MINE, " checked" if c.keep == MINE else "", c.mine,
                )
                for c in self.clashes
            ),
        )  # fmt: skip
        return format_html(
            '{} {}<table class="edit-conflict"><caption>{}</caption><thead><tr><th scope="col">{}</th>'
            '<th scope="col">{}</th><th scope="col">{}</th></tr></thead><tbody>{}</tbody></table>',
            lead,
            gettext(
                "Ваши значения остались в форме. Выберите для каждого поля, что сохранить, и нажмите «Сохранить»: "
                "поля, которые меняли только они, по умолчанию берутся из их сохранения."
            ),
            gettext("Что сохранили они и что ввели вы"),
            gettext("Поле"),
            gettext("Сохранено другим сотрудником"),
            gettext("Введено вами"),
            rows,
        )

    def _resolve(self, cleaned: dict) -> None:
        """The save after a conflict: each field chosen as theirs takes the stored value."""
        fresh = self._meta.model._default_manager.get(pk=self.instance.pk)
        for f in self._fields():
            if self.data.get(self.add_prefix(KEEP + f.name)) != THEIRS or f.name not in cleaned:
                continue
            cleaned[f.name] = list(getattr(fresh, f.name).all()) if f.many_to_many else getattr(fresh, f.name)


def stamped_form(form_class):
    return type(
        form_class.__name__,
        (StampedForm, form_class),
        {
            STAMP_FIELD: forms.CharField(label=_("версия записи"), widget=forms.HiddenInput, required=False),
            BASE_FIELD: forms.CharField(label=_("версия, открытая первой"), widget=forms.HiddenInput, required=False),
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
        return [(name, {**options, "fields": [*options.get("fields", ()), STAMP_FIELD, BASE_FIELD]}), *rest]

    def get_form(self, request, obj=None, change=False, **kwargs):
        # Without "fields" Django takes them from get_fieldsets(), stamp included; fields=None only lists the
        # model's fields (get_fields()), which must not list the stamp.
        fields = kwargs.get("fields", [STAMP_FIELD])
        if self._stamps(request, obj) and fields is not None and STAMP_FIELD in fields:
            kwargs["form"] = stamped_form(kwargs.get("form", self.form))
        return super().get_form(request, obj, change=change, **kwargs)
