"""List filters every activity's admin shares. Each asks the model's own rule (the queryset methods), so the admin,
the dashboard on the admin home and the report agree on where an activity stands."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.models import AWAITING_CONFIRMATION, AWAITING_CONFIRMATION_LABEL, Status


class StatusFilter(admin.SimpleListFilter):
    """The status as of today: a planned activity past its date is «ждёт подтверждения», not «запланировано».

    Works on any `ScheduledQuerySet` (`awaiting_confirmation(day)` and the model's `_over_by(day)`)."""

    title = _("статус")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            (Status.PLANNED.value, Status.PLANNED.label),
            (AWAITING_CONFIRMATION, AWAITING_CONFIRMATION_LABEL),
            (Status.HELD.value, Status.HELD.label),
            (Status.CANCELLED.value, Status.CANCELLED.label),
            (Status.POSTPONED.value, Status.POSTPONED.label),
        ]

    def queryset(self, request, queryset):
        value, today = self.value(), timezone.localdate()
        if value == AWAITING_CONFIRMATION:
            return queryset.awaiting_confirmation(today)
        if value == Status.PLANNED:
            awaiting = queryset.awaiting_confirmation(today).values("pk")
            return queryset.filter(status=Status.PLANNED).exclude(pk__in=awaiting)
        if value in Status.values:
            return queryset.filter(status=value)
        return queryset
