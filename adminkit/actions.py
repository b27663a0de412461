"""Admin pieces every activity app shares: publishing in bulk, publishing fields at the end of the form."""

from django.contrib import admin, messages
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

PUBLISHING_FIELDS = ["cover", "cover_alt", "notes", "is_published"]
STATUS_FIELDS = ["status", "rescheduled_to"]


class StatusColumnMixin:
    """A list column with the status as of today: a planned activity whose date has passed shows as
    «ждёт подтверждения», so staff see what to confirm."""

    @admin.display(description=_("статус"), ordering="status")
    def status_today(self, obj):
        return obj.status_label_on(timezone.localdate())


class PublishActionsMixin:
    actions = ["publish", "unpublish"]

    def get_fields(self, request, obj=None):
        """Status and publishing come last, after what the record is about."""
        fields = list(super().get_fields(request, obj))
        last = STATUS_FIELDS + PUBLISHING_FIELDS
        return [f for f in fields if f not in last] + [f for f in last if f in fields]

    @admin.action(description=_("Опубликовать выбранные"), permissions=["change"])
    def publish(self, request, queryset):
        count = queryset.update(is_published=True)
        self.message_user(
            request, ngettext("Опубликована %d запись.", "Опубликовано записей: %d.", count) % count, messages.SUCCESS
        )

    @admin.action(description=_("Снять с публикации выбранные"), permissions=["change"])
    def unpublish(self, request, queryset):
        count = queryset.update(is_published=False)
        self.message_user(
            request,
            ngettext("Снята с публикации %d запись.", "Снято с публикации записей: %d.", count) % count,
            messages.SUCCESS,
        )
