"""The admin side of import and export: a mixin for the ModelAdmin of a registered model (see tabular).

Import is two steps. «Проверить файл» reads the upload and checks every row without saving: the page says how many
rows were read, lists the rows that would be added and those already stored (left out), or every error by row and
column. «Импортировать» sends back the rows the check read (signed, so they cannot be altered on the way) and
imports them in one transaction, checking them again. The same transaction records that this check was imported
(`tabular.models.ImportedFile`): confirming it again is refused, and an import that did not finish (the process
killed, the database gone) leaves no mark and no row, so the same check can be confirmed again.
"""

from __future__ import annotations

import datetime
import hashlib
import secrets

from django import forms
from django.contrib import messages
from django.contrib.admin.models import ADDITION, LogEntry
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.templatetags.coopnet import ru_plural_form
from tabular import progress, spec_for
from tabular.files import FileError, read_table, write_csv, write_xlsx
from tabular.importer import run_import
from tabular.models import ImportedFile

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PAYLOAD_SALT = "tabular.import"
PAYLOAD_MAX_AGE = 60 * 60  # seconds between the check and the import
MARKS_KEPT = datetime.timedelta(days=1)  # a mark outlives the check it refuses


class _NotImported(Exception):
    """Leaves the import's transaction: the rows were not saved (errors found on checking them again, or nothing
    new), so neither is the mark."""

    def __init__(self, result):
        super().__init__()
        self.result = result


class UploadForm(forms.Form):
    file = forms.FileField(
        label=gettext_lazy("Файл CSV или XLSX"),
        help_text=gettext_lazy("Первая строка — названия столбцов, как в шаблоне; ниже — по записи в строке."),
    )


def _attachment(content: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


def _records(n: int) -> str:
    return f"{n} {ru_plural_form(n, _('запись'), _('записи'), _('записей'))}"


class ImportExportMixin:
    """«Импорт из файла» beside «Добавить», a template to download, and «Выгрузить выбранные в XLSX»."""

    change_list_template = "admin/imports/change_list.html"

    def _import_url_name(self, suffix: str) -> str:
        opts = self.model._meta
        return f"{opts.app_label}_{opts.model_name}_{suffix}"

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path("import/", view(self.import_view), name=self._import_url_name("import")),
            path("import/template/", view(self.import_template_view), name=self._import_url_name("import_template")),
            path("import/progress/", view(self.import_progress_view), name=self._import_url_name("import_progress")),
            *super().get_urls(),
        ]

    def _payload_salt(self) -> str:
        return f"{PAYLOAD_SALT}:{self.model._meta.label_lower}"

    def _may_import(self, request) -> bool:
        return spec_for(self.model) is not None and self.has_add_permission(request)

    def changelist_view(self, request, extra_context=None):
        extra_context = extra_context or {}
        if self._may_import(request):
            extra_context["import_url"] = reverse(f"admin:{self._import_url_name('import')}")
        return super().changelist_view(request, extra_context)

    def get_actions(self, request):
        actions = super().get_actions(request)
        if spec_for(self.model) is not None and self.has_view_permission(request):
            description = gettext_lazy("Выгрузить выбранные в XLSX")
            actions["export_xlsx"] = (ImportExportMixin.export_xlsx, "export_xlsx", description)
        return actions

    def export_xlsx(self, request, queryset):
        spec = spec_for(self.model)
        rows = queryset.select_related(*spec.select_related).prefetch_related(*spec.prefetch_related)
        content = write_xlsx(
            [c.header for c in spec.columns],
            ([c.export(obj) for c in spec.columns] for obj in rows),
            title=str(self.model._meta.verbose_name_plural),
        )
        return _attachment(content, XLSX, f"{spec.file_name}-{timezone.localdate():%Y-%m-%d}.xlsx")

    def import_template_view(self, request):
        if not self._may_import(request):
            raise PermissionDenied
        spec = spec_for(self.model)
        if request.GET.get("format") == "csv":
            return _attachment(write_csv(spec.headers), "text/csv; charset=utf-8", f"{spec.file_name}-template.csv")
        notes = [
            (header, "; ".join(filter(None, [_("обязательно") if c.required else "", str(c.hint)])))
            for header, c in zip(spec.headers, spec.columns, strict=True)
        ]
        content = write_xlsx(spec.headers, [], title=str(self.model._meta.verbose_name_plural), notes=notes)
        return _attachment(content, XLSX, f"{spec.file_name}-template.xlsx")

    def import_progress_view(self, request):
        """How far this user's check or import under the page's token got (tabular.progress), as JSON."""
        if not self._may_import(request):
            raise PermissionDenied
        return JsonResponse(progress.described(progress.read(progress.key_for(request.user, request.GET.get("token")))))

    def import_view(self, request):
        if not self._may_import(request):
            raise PermissionDenied
        spec = spec_for(self.model)
        context = {"form": UploadForm(), "spec": spec}
        reporting = progress.reporting(progress.key_for(request.user, request.POST.get("progress")))
        if request.method == "POST" and "payload" in request.POST:
            with reporting:
                return self._confirm(request, spec, context)
        if request.method == "POST":
            form = context["form"] = UploadForm(request.POST, request.FILES)
            if not form.is_valid():
                return self._render(request, context, status=400)
            with reporting:
                try:
                    table = read_table(form.cleaned_data["file"])
                except FileError as error:
                    context["file_error"] = error.messages[0]
                    return self._render(request, context, status=400)
                context["result"] = result = run_import(spec, table, commit=False)
            if result.ok and result.rows:
                signed = {"rows": table, "check": secrets.token_hex(8)}  # each check confirmable once
                context["payload"] = signing.dumps(signed, salt=self._payload_salt(), compress=True)
                context["file_name"] = form.cleaned_data["file"].name
            return self._render(request, context, status=200 if result.ok else 400)
        return self._render(request, context)

    def _confirm(self, request, spec, context):
        payload = request.POST["payload"]
        try:
            table = signing.loads(payload, salt=self._payload_salt(), max_age=PAYLOAD_MAX_AGE)["rows"]
        except (signing.BadSignature, TypeError, KeyError):
            context["file_error"] = _("Проверка файла устарела или повреждена. Загрузите файл ещё раз.")
            return self._render(request, context, status=400)
        digest = hashlib.sha256(payload.encode()).hexdigest()
        try:
            with transaction.atomic():
                # The mark first: a second click on «Импортировать» (or the browser's back button) waits here
                # for the first to end, then finds the mark, and adds nothing.
                ImportedFile.objects.create(
                    digest=digest, model=self.model._meta.label_lower, rows=0, imported_by=request.user
                )
                result = run_import(spec, table, commit=True, user=request.user)
                if not result.committed:
                    raise _NotImported(result)
                ImportedFile.objects.filter(digest=digest).update(rows=len(result.instances))
                LogEntry.objects.log_actions(request.user.pk, result.instances, ADDITION, [{"added": {}}])
        except IntegrityError:
            context["file_error"] = _("Этот файл уже импортирован. Чтобы добавить записи ещё раз, загрузите его снова.")
            return self._render(request, context, status=409)
        except _NotImported as refused:
            context["result"] = refused.result
            return self._render(request, context, status=200 if refused.result.ok else 400)
        ImportedFile.objects.filter(imported_at__lt=timezone.now() - MARKS_KEPT).delete()
        message = _("Импортировано: %(records)s.") % {"records": _records(len(result.rows))}
        if result.existing:
            message += " " + _("Уже были в системе и не добавлены: %(records)s.") % {
                "records": _records(len(result.existing))
            }
        self.message_user(request, message, messages.SUCCESS)
        opts = self.model._meta
        return HttpResponseRedirect(reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"))

    def _render(self, request, context, status=200):
        opts = self.model._meta
        context = {
            **self.admin_site.each_context(request),
            **context,
            "opts": opts,
            "title": _("Импорт из файла: %(what)s") % {"what": opts.verbose_name_plural},
            "template_url": reverse(f"admin:{self._import_url_name('import_template')}"),
            "progress_url": reverse(f"admin:{self._import_url_name('import_progress')}"),
            "progress_token": secrets.token_hex(16),
        }
        return TemplateResponse(request, "admin/imports/import.html", context, status=status)
