"""List filters every activity's admin shares. Each asks the model's own rule (the queryset methods), so the admin,
the dashboard on the admin home and the report agree on where an activity stands."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AWAITING_CONFIRMATION, Status, status_label


class StatusFilter(admin.SimpleListFilter):
    """The status as of today: a planned activity past its date is «ждёт подтверждения», not «запланировано».

    Works on any `ScheduledQuerySet`: `in_status_on(status, day)`, the SQL form of `status_on(day)` (an
    exhibition's stop stands as its exhibition when that was called off)."""

    title = _("статус")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        order = [Status.PLANNED, AWAITING_CONFIRMATION, Status.HELD, Status.CANCELLED, Status.POSTPONED]
        return [(str(value), status_label(value)) for value in order]

    def queryset(self, request, queryset):
        value = self.value()
        if value == AWAITING_CONFIRMATION or value in Status.values:
            return queryset.in_status_on(value, timezone.localdate())
        return queryset
