"""The public event filter: plain GET parameters shared by /events/, /telebridges/ and the calendar feed."""

import datetime
import re

import django_filters
from django import forms
from django.db import connections
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from agreements.models import Library
from coopnet.vocabulary import AgeRating
from events.models import Event, Participation

Q_MAX_LENGTH = 200
# Dates outside this window are typos; refusing them also keeps date arithmetic far from datetime's limits.
MIN_YEAR, MAX_YEAR = 1990, 2100


WHEN_CHOICES = [("upcoming", _("предстоящие")), ("past", _("прошедшие"))]


def day_start(day: datetime.date) -> datetime.datetime:
    """Midnight of a day in the site's zone (Kemerovo)."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min), timezone.get_default_timezone())


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
        max_length=Q_MAX_LENGTH,
        widget=forms.TextInput(attrs={"type": "search", "maxlength": Q_MAX_LENGTH}),
    )
    kind = django_filters.ChoiceFilter(label=_("Вид"), choices=Event.Kind.choices, empty_label=_("любой"))
    format = django_filters.ChoiceFilter(label=_("Формат"), choices=Event.Format.choices, empty_label=_("любой"))
    partner = django_filters.ModelChoiceFilter(
        label=_("Библиотека"),
        queryset=Library.objects.order_by("-is_host", "short_name"),
        to_field_name="slug",
        method="filter_partner",
        empty_label=_("любая"),
    )
    country = django_filters.ChoiceFilter(
        label=_("Страна"), choices=Library.Country.choices, method="filter_country", empty_label=_("любая")
    )
    audience = django_filters.ChoiceFilter(label=_("Аудитория"), choices=Event.Audience.choices, empty_label=_("любая"))
    age_rating = django_filters.ChoiceFilter(
        label=_("Возрастная маркировка"), choices=AgeRating.choices, empty_label=_("любая")
    )
    date_from = django_filters.DateFilter(
        label=_("С даты"),
        method="filter_date_from",
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    date_to = django_filters.DateFilter(
        label=_("По дату"),
        method="filter_date_to",
        input_formats=["%Y-%m-%d"],
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    when = django_filters.ChoiceFilter(
        label=_("Когда"), choices=WHEN_CHOICES, method="filter_when", empty_label=_("все")
    )

    class Meta:
        model = Event
        fields = ["q", "kind", "format", "partner", "country", "audience", "age_rating", "date_from", "date_to", "when"]
        form = EventFilterForm

    def filter_q(self, queryset, name, value):
        value = value.strip()
        if not value:
            return queryset
        if connections[queryset.db].vendor == "sqlite":
            # SQLite's LIKE folds case only for ASCII; its REGEXP is Python's re, which folds Cyrillic too.
            pattern = re.escape(value)
            return queryset.filter(Q(title__iregex=pattern) | Q(description__iregex=pattern))
        return queryset.filter(Q(title__icontains=value) | Q(description__icontains=value))

    def filter_partner(self, queryset, name, library):
        takes_part = Participation.objects.filter(event=OuterRef("pk"), library=library)
        return queryset.filter(Q(organiser=library) | Q(Exists(takes_part)))

    def filter_country(self, queryset, name, country):
        takes_part = Participation.objects.filter(event=OuterRef("pk"), library__country=country)
        return queryset.filter(Q(organiser__country=country) | Q(Exists(takes_part)))

    def filter_date_from(self, queryset, name, day):
        # An event that is still running on that day counts.
        return queryset.filter(ends_at__gte=day_start(day))

    def filter_date_to(self, queryset, name, day):
        return queryset.filter(starts_at__lt=day_start(day + datetime.timedelta(days=1)))

    def filter_when(self, queryset, name, value):
        now = timezone.now()
        if value == "upcoming":
            return queryset.filter(ends_at__gte=now)
        if value == "past":
            return queryset.filter(ends_at__lt=now)
        return queryset
