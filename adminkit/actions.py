"""Admin pieces every activity app shares: publishing in bulk, publishing fields at the end of the form; and, for
every admin, actions that run only on rows that exist."""

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from adminkit.autocomplete import BIGGEST_KEY

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


def _keys(model, values) -> set | None:
    """The primary keys `values` name, or None if one of them cannot be a key (not a number, out of range)."""
    field = model._meta.pk
    keys = set()
    for value in values:
        try:
            key = field.to_python(value)
        except (ValidationError, TypeError, ValueError):
            return None
        if key is None or (isinstance(key, int) and not -BIGGEST_KEY <= key <= BIGGEST_KEY):
            return None
        keys.add(key)
    return keys


class SelectedRowsMixin:
    """An action runs on the rows ticked in the list only when every one of them is still there.

    Django filters the list by the ticked ids as they come (`pk__in=[…]`): a crafted one ("abc", a number beyond the
    database's integers) raised while the action ran, a 500; a row deleted meanwhile was silently left out. Here
    either answers with a message on the list and the action does nothing."""

    def response_action(self, request, queryset):
        selected = request.POST.getlist(helpers.ACTION_CHECKBOX_NAME)
        across = request.POST.get("select_across", "0") not in ("", "0", "False", "false")
        if selected and not across:
            keys = _keys(self.model, selected)
            if keys is None or queryset.filter(pk__in=keys).count() != len(keys):
                self.message_user(
                    request,
                    _(
                        "Выбранные записи не найдены: возможно, их уже удалили. Ничего не изменено — обновите "
                        "список и выберите записи снова."
                    ),
                    messages.ERROR,
                )
                return None
        return super().response_action(request, queryset)
