from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.grammar import NEUTER, declare_nouns, noun
from adminkit.site import CoopnetModelAdmin

from .models import Reminder


@admin.register(Reminder)
class ReminderAdmin(CoopnetModelAdmin):
    """What was sent, for staff to look up; written only by the `send_reminders` command."""

    list_display = ["sent_at", "kind", "text", "lead_days_shown", "due_on", "recipients"]
    list_filter = ["kind", "sent_at"]
    search_fields = ["text", "subject", "recipients"]
    date_hierarchy = "sent_at"
    list_select_related = ["content_type"]
    fields = ["kind", "text", "lead_days", "due_on", "subject", "recipients", "sent_at", "content_type", "object_id"]

    @admin.display(description=_("за сколько дней"), ordering="lead_days")
    def lead_days_shown(self, obj):
        return obj.lead_days or "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


# The admin's Russian for this app's models (adminkit.grammar): cases, counting forms, gender.
declare_nouns(
    {
        "reminders.reminder": noun(
            _("напоминание"), _("напоминание"), _("напоминание"), _("напоминания"), _("напоминаний"), NEUTER
        ),
    }
)
