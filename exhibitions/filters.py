"""The exhibitions list filter: plain GET parameters `kind` and `provider` (a library slug)."""

import django_filters
from django.utils.translation import gettext_lazy as _

from agreements.models import Library
from core.widgets import FastSelect
from exhibitions.models import Exhibition


class ExhibitionFilter(django_filters.FilterSet):
    kind = django_filters.ChoiceFilter(
        label=_("Вид"), choices=Exhibition.Kind.choices, empty_label=_("любой"), widget=FastSelect
    )
    provider = django_filters.ModelChoiceFilter(
        label=_("Предоставила библиотека"),
        queryset=Library.objects.filter(pk__in=Exhibition.objects.public().values("provider")).order_by("short_name"),
        to_field_name="slug",
        empty_label=_("любая"),
        widget=FastSelect,
    )

    class Meta:
        model = Exhibition
        fields = ["kind", "provider"]
