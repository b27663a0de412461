"""«Удалённые записи»: the deleted records of every tracked model, each restorable by staff who may add such
records. It has no table of its own; `DeletedRecord` only gives it its place in the admin's index."""

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from adminkit.grammar import FEMININE, declare_nouns, noun
from adminkit.site import CoopnetModelAdmin

from .deleted import RestoreRefused, deleted_records, find_deleted, restore_deleted, tracked_models
from .models import DeletedRecord


def may(user, action: str, model) -> bool:
    return user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")


@admin.register(DeletedRecord)
class DeletedRecordAdmin(CoopnetModelAdmin):
    def visible_models(self, request) -> list[type]:
        user = request.user
        return [m for m in tracked_models() if may(user, "view", m) or may(user, "change", m) or may(user, "add", m)]

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_staff and bool(self.visible_models(request))

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        return [
            path("", self.admin_site.admin_view(self.changelist_view), name="history_deletedrecord_changelist"),
            path("restore/", self.admin_site.admin_view(self.restore_view), name="history_deletedrecord_restore"),
        ]

    def changelist_view(self, request, extra_context=None, status=200):
        if not self.has_view_permission(request):
            raise PermissionDenied
        shown = self.visible_models(request)
        chosen = request.GET.get("model", "")
        if chosen:
            shown = [m for m in shown if m._meta.label_lower == chosen]
        rows = deleted_records(shown)
        context = {
            **self.admin_site.each_context(request),
            "title": gettext("Удалённые записи"),
            "subtitle": None,
            "opts": self.opts,
            "rows": rows,
            "kinds": [(m._meta.label_lower, m._meta.verbose_name_plural) for m in self.visible_models(request)],
            "chosen": chosen,
            "restorable": {m._meta.label_lower for m in shown if may(request.user, "add", m)},
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, "admin/history/deleted_records.html", context, status=status)

    def restore_view(self, request):
        if request.method != "POST":
            return HttpResponseRedirect(reverse("admin:history_deletedrecord_changelist"))
        label, _sep, history_id = request.POST.get("record", "").partition(":")
        if not history_id.isdigit() or len(history_id) > 18:
            return self.refuse(request, [gettext("Не указано, какую запись восстановить.")], status=400)
        root = find_deleted(label, int(history_id))
        if root is None:
            raise Http404(gettext("Такой удалённой записи нет: возможно, её уже восстановили."))
        if not may(request.user, "add", root.model):
            raise PermissionDenied
        try:
            plan = restore_deleted(root=root, user=request.user)
        except RestoreRefused as refused:
            return self.refuse(request, refused.reasons, status=409)
        for row in plan:
            model_admin = self.admin_site._registry.get(row.model)
            if model_admin is not None:
                obj = row.model._default_manager.get(pk=row.pk)
                model_admin.log_addition(request, obj, gettext("Восстановлено из удалённых."))
        self.message_user(request, restored_message(plan), messages.SUCCESS)
        opts = root.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[root.pk]))

    def refuse(self, request, reasons, status):
        return self.changelist_view(request, {"errors": reasons}, status=status)


def restored_message(plan) -> str:
    root, along = plan[0], len(plan) - 1
    text = gettext("Восстановлено: %(kind)s «%(name)s».") % {"kind": root.model._meta.verbose_name, "name": root.label}
    if along:
        text += " " + ngettext(
            "Также восстановлена %(count)d связанная запись, удалённая вместе с этой.",
            "Также восстановлено связанных записей, удалённых вместе с этой: %(count)d.",
            along,
        ) % {"count": along}
    return text


# The admin's Russian for this app's models (adminkit.grammar): cases, counting forms, gender.
declare_nouns(
    {
        "history.deletedrecord": noun(
            _("удалённая запись"),
            _("удалённую запись"),
            _("удалённая запись"),
            _("удалённые записи"),
            _("удалённых записей"),
            FEMININE,
        ),
    }
)
