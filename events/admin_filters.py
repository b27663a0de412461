"""List filters of the events admin. Each one asks the model's own rule (the queryset methods), so the admin, the
dashboard on the admin home and the report agree on what is upcoming, past, awaiting confirmation or unknown.

The query parameters are part of the dashboard's links (staff/dashboard.py): `when`, `status`, `attendance`.
"""

import datetime

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

UPCOMING, PAST, THIS_WEEK, NEXT_WEEK = "upcoming", "past", "this_week", "next_week"
UNKNOWN, KNOWN = "unknown", "known"


class EventWhenFilter(admin.SimpleListFilter):
    """Upcoming or past by `Event.objects.upcoming()/past()`; this or next week (Monday to Sunday, Kemerovo)."""

    title = _("когда")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [
            (UPCOMING, _("предстоящие")),
            (PAST, _("прошедшие")),
            (THIS_WEEK, _("на этой неделе")),
            (NEXT_WEEK, _("на следующей неделе")),
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value == UPCOMING:
            return queryset.upcoming()
        if value == PAST:
            return queryset.past()
        if value in (THIS_WEEK, NEXT_WEEK):
            today = timezone.localdate()
            return queryset.in_week(today if value == THIS_WEEK else today + datetime.timedelta(days=7))
        return queryset


class EventAttendanceFilter(admin.SimpleListFilter):
    """Held events whose attendance is unknown (or known): `Event.objects.held_without_attendance()`. Unknown is
    not zero: an event with 0 participants entered has data."""

    title = _("участники")
    parameter_name = "attendance"

    def lookups(self, request, model_admin):
        return [(UNKNOWN, _("проведены, без данных о посещаемости")), (KNOWN, _("проведены, с данными"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == UNKNOWN:
            return queryset.held_without_attendance()
        if value == KNOWN:
            return queryset.held().exclude(pk__in=queryset.held_without_attendance().values("pk"))
        return queryset


class EpisodeWhenFilter(admin.SimpleListFilter):
    """Coming out or out already, by `Episode.objects.upcoming()/past()` (an episode with no date is neither)."""

    title = _("когда")
    parameter_name = "when"

    def lookups(self, request, model_admin):
        return [(UPCOMING, _("предстоящие")), (PAST, _("вышедшие"))]

    def queryset(self, request, queryset):
        value, today = self.value(), timezone.localdate()
        if value == UPCOMING:
            return queryset.upcoming(today)
        if value == PAST:
            return queryset.past(today)
        return queryset
