"""The admin's side of `core.models.PartnerSide`: who entered a row's figures, and what the library answered.

`PartnerSideAdminMixin` (in `MODEL_ADMIN_MIXINS`) saves every row the admin saves with `PartnerSide.save_figures`,
saying the host's staff member entered its figures, so a figure a methodologist changes is no longer marked as
confirmed by the partner.
`PartnerSideInlineMixin` shows, on the rows of an event's libraries, an exhibition's route and a contest's
curators, the partner's answer, its note of results and who entered the figures when (the full record is in the
row's history).
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.html import format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import PartnerSide


def _who(user) -> str:
    if user is None:
        return _("неизвестно кто")
    return user.get_full_name() or user.email or user.get_username()


def _when(moment) -> str:
    return timezone.localtime(moment).strftime("%d.%m.%Y %H:%M")


def partner_side_lines(row: PartnerSide) -> list[str]:
    """The partner side of a row in short Russian lines, for staff."""
    lines = []
    if row.answer:
        line = _("Ответ библиотеки: %(answer)s") % {"answer": row.get_answer_display()}
        if row.answered_at:
            line += f" ({_who(row.answered_by)}, {_when(row.answered_at)})"
        if row.answer_comment:
            line += f": {row.answer_comment}"
        lines.append(line)
    if row.figures_entered_at:
        if row.figures_by_partner:
            lines.append(
                _("Цифры подтверждены библиотекой: %(who)s, %(when)s")
                % {"who": _who(row.figures_entered_by), "when": _when(row.figures_entered_at)}
            )
        else:
            lines.append(
                _("Цифры внесены методистом: %(who)s, %(when)s")
                % {"who": _who(row.figures_entered_by), "when": _when(row.figures_entered_at)}
            )
    if row.results_note:
        lines.append(_("Итоги на площадке: %(note)s") % {"note": row.results_note})
    return lines


class PartnerSideAdminMixin:
    """Figures saved in the admin are the host staff's: every `PartnerSide` row the admin saves, on its own page or
    in an inline, is saved by `PartnerSide.save_figures(user=, by_partner=False)`."""

    def save_model(self, request, obj, form, change):
        if isinstance(obj, PartnerSide):
            obj.save_figures(user=request.user, by_partner=False)  # what `ModelAdmin.save_model` does, and who
        else:
            super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if not issubclass(formset.model, PartnerSide):
            super().save_formset(request, form, formset, change)
            return
        # `formset.save()`, each row saved with who entered its figures.
        rows = formset.save(commit=False)
        for row in formset.deleted_objects:
            row.delete()
        for row in rows:
            row.save_figures(user=request.user, by_partner=False)
        formset.save_m2m()


class PartnerSideInlineMixin:
    """A read-only column with the partner's answer, note and who entered the figures."""

    partner_side_readonly = ("partner_side",)

    def get_readonly_fields(self, request, obj=None):
        return (*super().get_readonly_fields(request, obj), *self.partner_side_readonly)

    @admin.display(description=gettext_lazy("ответ и цифры библиотеки"))
    def partner_side(self, row):
        if row is None or row.pk is None:
            return "—"
        lines = partner_side_lines(row)
        return format_html_join("", "<div>{}</div>", ((line,) for line in lines)) if lines else "—"
