"""Columns of an imported or exported registry: a Russian header, and how a cell becomes a model value and back.

Every cell arrives as text (`tabular.files` turns XLSX dates and numbers into text first), so one parser per
kind serves CSV and XLSX alike. A parser raises `ValidationError` with a Russian message naming what is wrong; the
importer adds the row number and the column.
"""

from __future__ import annotations

import datetime
import decimal
import re
from zoneinfo import ZoneInfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from core.dates import MAX_YEAR, MIN_YEAR

TRUE_WORDS = {"да", "1", "true", "yes", "истина", "+", "д", "y"}
FALSE_WORDS = {"нет", "0", "false", "no", "ложь", "-", "н", "n"}
DATE_FORMATS = ("%d.%m.%Y", "%Y-%m-%d", "%d.%m.%y", "%d/%m/%Y")
DATETIME_FORMATS = ("%d.%m.%Y %H:%M", "%Y-%m-%d %H:%M", "%d.%m.%Y %H:%M:%S", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M")
LIST_SEPARATOR = ";"


def normal(text: str) -> str:
    """How names are compared: case, «ё» and extra spaces do not matter."""
    return " ".join(str(text).replace("ё", "е").replace("Ё", "Е").split()).casefold()


class Column:
    """A model field as a column. Required unless the field may be blank or has a default."""

    hint = ""

    def __init__(self, name: str, header=None, *, required: bool | None = None, hint=None):
        self.name = name
        self._header, self._required = header, required
        if hint is not None:
            self.hint = hint
        self.field: models.Field | None = None

    def bind(self, model) -> Column:
        self.field = model._meta.get_field(self.name)
        return self

    @property
    def header(self) -> str:
        return str(capfirst(self._header or self.field.verbose_name))

    @property
    def required(self) -> bool:
        if self._required is not None:
            return self._required
        return not self.field.blank and not self.field.has_default()

    def parse(self, text: str):
        return text

    def assign(self, instance, value) -> None:
        setattr(instance, self.name, value)

    def related_rows(self, instance, value) -> list:
        """Rows to create once `instance` is saved (a many-to-many column's links); none for a plain field."""
        return []

    def export(self, instance):
        return getattr(instance, self.name)


class Text(Column):
    pass


class Integer(Column):
    hint = _("целое число")

    def parse(self, text):
        cleaned = re.sub(r"[\s\u00a0]", "", text)
        if not re.fullmatch(r"-?\d{1,12}", cleaned):
            raise ValidationError(_("«%(value)s» — не целое число."), params={"value": text[:40]})
        return int(cleaned)


class Decimal(Column):
    hint = _("число, например 55,35487")

    def parse(self, text):
        try:
            return decimal.Decimal(re.sub(r"[\s\u00a0]", "", text).replace(",", "."))
        except decimal.InvalidOperation:
            raise ValidationError(_("«%(value)s» — не число."), params={"value": text[:40]}) from None


class Boolean(Column):
    hint = _("да или нет")

    def parse(self, text):
        word = normal(text)
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValidationError(_("«%(value)s» — ожидается «да» или «нет»."), params={"value": text[:40]})

    def export(self, instance):
        return str(_("да")) if getattr(instance, self.name) else str(_("нет"))


def _within_years(day, text):
    if not MIN_YEAR <= day.year <= MAX_YEAR:
        raise ValidationError(
            _("«%(value)s» — год должен быть от %(min)s до %(max)s."),
            params={"value": text[:40], "min": MIN_YEAR, "max": MAX_YEAR},
        )
    return day


class Date(Column):
    hint = _("дата ДД.ММ.ГГГГ")

    def parse(self, text):
        for fmt in DATE_FORMATS:
            try:
                day = datetime.datetime.strptime(text, fmt).date()
            except ValueError:
                continue
            return _within_years(day, text)
        raise ValidationError(
            _("«%(value)s» — не дата. Укажите дату как ДД.ММ.ГГГГ, например 15.01.2020."), params={"value": text[:40]}
        )


class DateTime(Column):
    hint = _("дата и время по Кемерову, ДД.ММ.ГГГГ ЧЧ:ММ")

    def parse(self, text):
        for fmt in DATETIME_FORMATS:
            try:
                naive = datetime.datetime.strptime(text, fmt)
            except ValueError:
                continue
            return timezone.make_aware(_within_years(naive, text), _zone())
        raise ValidationError(
            _("«%(value)s» — не дата и время. Укажите их как ДД.ММ.ГГГГ ЧЧ:ММ, например 10.03.2030 14:00."),
            params={"value": text[:40]},
        )

    def export(self, instance):
        value = getattr(instance, self.name)
        return value.astimezone(_zone()).replace(tzinfo=None) if value else None


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


class Choice(Column):
    """A choice by its Russian label (as the admin shows it) or by its stored value."""

    @property
    def hint(self):
        return "; ".join(str(label) for _value, label in self.field.choices)

    _index = None

    def index(self) -> dict[str, object]:
        """Each choice by its label and by its value, normalised once per import (labels are translations)."""
        if self._index is None:
            self._index = {}
            for value, label in reversed(self.field.choices):  # the first choice wins, as before
                self._index[normal(value)] = value
                self._index[normal(label)] = value
        return self._index

    def parse(self, text):
        found = self.index().get(normal(text), self)
        if found is not self:
            return found
        raise ValidationError(
            _("«%(value)s» — нет такого варианта. Возможные: %(choices)s."),
            params={"value": text[:60], "choices": self.hint},
        )

    def export(self, instance):
        value = getattr(instance, self.name)
        return str(dict(self.field.choices).get(value, value)) if value else ""


class Reference(Column):
    """A row of another model named by one of its fields (a library by its short name)."""

    def __init__(self, name, lookup: str, header=None, *, queryset=None, **kwargs):
        super().__init__(name, header, **kwargs)
        self.lookup, self._queryset, self._index = lookup, queryset, None

    @property
    def hint(self):
        verbose = self.field.related_model._meta.get_field(self.lookup).verbose_name
        return _("%(what)s, как в системе") % {"what": verbose}

    def queryset(self):
        return self._queryset() if self._queryset else self.field.related_model._default_manager.all()

    def index(self) -> dict[str, list]:
        """Every candidate by its normalised name, loaded once per import."""
        if self._index is None:
            self._index = {}
            for row in self.queryset():
                self._index.setdefault(normal(getattr(row, self.lookup)), []).append(row)
        return self._index

    def find(self, text):
        found = self.index().get(normal(text), [])
        what = self.field.related_model._meta.verbose_name
        if not found:
            raise ValidationError(
                _(
                    "«%(value)s» не найдено среди записей «%(what)s» (ищется по полю «%(lookup)s»). "
                    "Проверьте написание."
                ),
                params={
                    "what": self.field.related_model._meta.verbose_name_plural,
                    "value": text[:80],
                    "lookup": self._lookup_name(),
                },
            )
        if len(found) > 1:
            raise ValidationError(
                _("«%(value)s» — так называется не одна запись (%(what)s); уточните название в системе."),
                params={"value": text[:80], "what": what},
            )
        return found[0]

    def _lookup_name(self):
        return self.field.related_model._meta.get_field(self.lookup).verbose_name

    def parse(self, text):
        return self.find(text)

    def export(self, instance):
        related = getattr(instance, self.name)
        return getattr(related, self.lookup) if related else ""


class References(Reference):
    """Several rows of another model, separated by «;»: a many-to-many field."""

    def __init__(self, name, lookup, header=None, *, through_defaults=None, **kwargs):
        super().__init__(name, lookup, header, **kwargs)
        self.through_defaults = through_defaults

    @property
    def required(self):
        return bool(self._required)

    @property
    def hint(self):
        return _("%(what)s через «;»") % {"what": super().hint}

    def parse(self, text):
        names = [name.strip() for name in text.split(LIST_SEPARATOR) if name.strip()]
        found, errors = [], []
        for name in names:
            try:
                found.append(self.find(name))
            except ValidationError as error:
                errors.extend(error.messages)
        if errors:
            raise ValidationError(errors)
        return list({row.pk: row for row in found}.values())  # a library named twice is linked once

    def assign(self, instance, value):
        """Linked once the row is saved: `related_rows()`."""

    def related_rows(self, instance, value) -> list:
        """The links of the many-to-many field as rows of its through model (with `through_defaults`)."""
        through = self.field.remote_field.through
        source, target = self.field.m2m_field_name(), self.field.m2m_reverse_field_name()
        return [through(**{source: instance, target: row}, **(self.through_defaults or {})) for row in value or []]

    def export(self, instance):
        return f"{LIST_SEPARATOR} ".join(getattr(row, self.lookup) for row in getattr(instance, self.name).all())


def column_for(model, name: str) -> Column:
    """The column a plain field name makes, by the field's kind."""
    field = model._meta.get_field(name)
    if field.choices:
        kind = Choice
    elif isinstance(field, models.BooleanField):
        kind = Boolean
    elif isinstance(field, models.DateTimeField):
        kind = DateTime
    elif isinstance(field, models.DateField):
        kind = Date
    elif isinstance(field, models.DecimalField):
        kind = Decimal
    elif isinstance(field, models.IntegerField):
        kind = Integer
    else:
        kind = Text
    return kind(name).bind(model)
