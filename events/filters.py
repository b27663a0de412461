"""The public event filter: plain GET parameters shared by /events/, /telebridges/ and the calendar feed."""

import datetime
import functools
import re

import django_filters
from django import forms
from django.core.cache import cache
from django.db import connection
from django.db.models import Exists, OuterRef, Q
from django.db.models.expressions import RawSQL
from django.utils.translation import gettext_lazy as _

from agreements.models import Library
from core.dates import MAX_YEAR, MIN_YEAR, day_start
from core.textsearch import QUERY_MAX_LENGTH, contains_text
from core.vocabulary import AgeRating
from core.widgets import FastDateInput, FastSelect, FastTextInput
from events.models import Event, Participation
from ops import pagecache

WHEN_CHOICES = [("upcoming", _("предстоящие")), ("past", _("прошедшие"))]


@functools.cache
def _library_rule_sql(rule: str, vendor: str) -> tuple[str, tuple]:
    """SQL of the primary keys `Library.objects.<rule>()` selects. The rule (a public agreement or a published joint
    activity of any registered kind) has no per-request values, and Django takes milliseconds to compile its nested
    EXISTS clauses: compiled once per process and database vendor."""
    queryset = {"public": Library.objects.public, "partners": Library.objects.partners}[rule]()
    return queryset.order_by().values("pk").query.sql_with_params()


# Seconds the listed libraries are kept: the same bound as a cached page's (ops.pagecache keys pages by the
# minute), for changes that reach the database without a signal (bulk imports); any save moves the key on at once.
LISTED_TTL = 60


def listed(rule: str = "partners") -> list[tuple[int, str, str]]:
    """(pk, slug, short name) of every library `Library.objects.<rule>()` selects, the host first, then by name;
    kept in the cache under the site's version (ops.pagecache).

    The rule's EXISTS over every public event takes PostgreSQL about 250 ms at 100,000 events, and every list page
    asks it: computed once per change of the site (or per minute) instead, in one query."""
    version = pagecache.version()
    key = f"listed-libraries:{rule}:{version}"
    rows = cache.get(key)
    if rows is None:
        sql, params = _library_rule_sql(rule, connection.vendor)
        # Safe: SQL compiled by the ORM, values passed as parameters.
        selected = Library.objects.filter(pk__in=RawSQL(sql, params)).host_first()  # nosec
        rows = list(selected.values_list("pk", "slug", "short_name"))
        cache.set(key, rows, LISTED_TTL)
    return rows


def listed_libraries(rule: str = "partners") -> Q:
    """A condition on libraries: selected by `Library.objects.<rule>()` ("partners" or "public"), the same rows
    (tests/perf/test_listed_libraries.py keeps them equal), without running the rule on every page."""
    return Q(pk__in=[pk for pk, _slug, _name in listed(rule)])


class _LibraryOptions(django_filters.fields.ModelChoiceIterator):
    """Every public library as (slug, short name), the label its `str()` gives: from `listed("public")`, without
    a query or a model instance per option (a hundred of them on every list page)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        if self.field.null_label is not None:
            yield (self.field.null_value, self.field.null_label)
        yield from ((slug, name) for _pk, slug, name in listed("public"))


class LibraryChoiceField(django_filters.fields.ModelChoiceField):
    iterator = _LibraryOptions


class LibraryFilter(django_filters.ModelChoiceFilter):
    field_class = LibraryChoiceField


def public_libraries(request=None):
    """The libraries a reader may filter by, the host first (`Library.objects.public().host_first()`)."""
    return Library.objects.filter(listed_libraries("public")).host_first().only("slug", "short_name", "is_host")


class DateInput(FastDateInput):
    """<input type="date">, whose value must be a valid date: text that is not one is left out rather than echoed
    back into invalid HTML (the field's error already says what was wrong)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs, format="%Y-%m-%d")

    def format_value(self, value):
        text = super().format_value(value)
        if text is None or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            return None
        try:
            datetime.date.fromisoformat(text)
        except ValueError:
            return None
        return text


class EventFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        for name in ("date_from", "date_to"):
            day = cleaned.get(name)
            if day and not MIN_YEAR <= day.year <= MAX_YEAR:
                self.add_error(
                    name,
                    _("Укажите дату между %(start)s и %(end)s годом.") % {"start": MIN_YEAR, "end": MAX_YEAR},
                )
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_to < date_from:
            self.add_error("date_to", _("Дата «по» не может быть раньше даты «с»."))
        return cleaned


class EventFilter(django_filters.FilterSet):
    q = django_filters.CharFilter(
        label=_("Поиск по названию и описанию"),
        method="filter_q",
        max_length=QUERY_MAX_LENGTH,
        widget=FastTextInput(attrs={"type": "search", "maxlength": QUERY_MAX_LENGTH}),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Вид"), choices=Event.Kind.choices, empty_label=_("любой"), widget=FastSelect
    )
    format = django_filters.ChoiceFilter(
        label=_("Формат"), choices=Event.Format.choices, empty_label=_("любой"), widget=FastSelect
    )
    partner = LibraryFilter(
        label=_("Библиотека"),
        queryset=public_libraries,
        to_field_name="slug",
        method="filter_partner",
        empty_label=_("любая"),
        widget=FastSelect,
    )
    country = django_filters.ChoiceFilter(
        label=_("Страна"),
        choices=Library.Country.choices,
        method="filter_country",
        empty_label=_("любая"),
        widget=FastSelect,
    )
    audience = django_filters.ChoiceFilter(
        label=_("Аудитория"), choices=Event.Audience.choices, empty_label=_("любая"), widget=FastSelect
    )
    age_rating = django_filters.ChoiceFilter(
        label=_("Возрастная маркировка"), choices=AgeRating.choices, empty_label=_("любая"), widget=FastSelect
    )
    date_from = django_filters.DateFilter(
        label=_("С даты"),
        method="filter_date_from",
        input_formats=["%Y-%m-%d"],
        widget=DateInput(),
    )
    date_to = django_filters.DateFilter(
        label=_("По дату"),
        method="filter_date_to",
        input_formats=["%Y-%m-%d"],
        widget=DateInput(),
    )
    when = django_filters.ChoiceFilter(
        label=_("Когда"), choices=WHEN_CHOICES, method="filter_when", empty_label=_("все"), widget=FastSelect
    )

    class Meta:
        model = Event
        fields = ["q", "kind", "format", "partner", "country", "audience", "age_rating", "date_from", "date_to", "when"]
        form = EventFilterForm

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        return queryset.filter(contains_text(queryset, ["title", "description"], value))

    def filter_partner(self, queryset, name, library):
        return queryset.with_library(library)

    def filter_country(self, queryset, name, country):
        takes_part = Participation.objects.filter(event=OuterRef("pk"), library__country=country)
        return queryset.filter(Q(organiser__country=country) | Q(Exists(takes_part)))

    def filter_date_from(self, queryset, name, day):
        # An event that is still running on that day counts.
        return queryset.filter(ends_at__gte=day_start(day))

    def filter_date_to(self, queryset, name, day):
        return queryset.filter(starts_at__lt=day_start(day + datetime.timedelta(days=1)))

    def filter_when(self, queryset, name, value):
        if value == "upcoming":
            return queryset.upcoming()
        if value == "past":
            return queryset.past()
        return queryset
