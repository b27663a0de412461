"""The admin's forms for an agreement and its supplementary agreements: which choices staff are offered."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import NOTICE_MAX_DAYS, PROLONGATION_MAX_YEARS, Agreement, Amendment, Contact


class ContactSelect(forms.Select):
    """The partner's contacts, each option saying whose it is (`data-library`), so the page offers only the chosen
    partner's contacts as the partner changes (static/js/partner-contacts.js)."""

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        instance = getattr(value, "instance", None)
        if instance is not None:
            option["attrs"]["data-library"] = str(instance.library_id)
        return option

    class Media:
        js = ["js/partner-contacts.js"]


class AgreementAdminForm(forms.ModelForm):
    class Meta:
        model = Agreement
        fields = [
            "host",
            "partner",
            "number",
            "title",
            "directions",
            "is_public",
            "signed_on",
            "signed_at",
            "host_signatory",
            "host_signatory_position",
            "partner_signatory",
            "partner_signatory_position",
            "host_responsible",
            "partner_responsible",
            "valid_from",
            "valid_until",
            "auto_prolongation",
            "prolongation_years",
            "notice_days",
            "status",
            "terminated_on",
            "termination_notice_on",
            "termination_initiator",
            "termination_reason",
            "scan",
            "notes",
        ]
        labels = {"status": _("Статус (вводится вручную)")}
        widgets = {"partner_responsible": ContactSelect}
        help_texts = {
            "status": _(
                "Проект, действует или расторгнуто — как записано в документах. Что из этого следует на сегодня "
                "(действует, истекает, срок истёк), показывает «состояние на сегодня»."
            )
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "host_responsible" in self.fields:
            self._limit_host_responsible()
        if "partner_responsible" in self.fields:
            self._limit_partner_responsible()
        # The browser's own bounds, matching the model's validators.
        bounds = {"prolongation_years": (1, PROLONGATION_MAX_YEARS), "notice_days": (0, NOTICE_MAX_DAYS)}
        for name, (low, high) in bounds.items():
            if name in self.fields:
                self.fields[name].widget.attrs.update(min=low, max=high)

    def _limit_host_responsible(self) -> None:
        """Active staff only; a person already named stays listed, so saving the form does not drop them."""
        current = self.instance.host_responsible_id
        staff = Q(is_active=True, is_staff=True) | Q(pk=current) if current else Q(is_active=True, is_staff=True)
        field = self.fields["host_responsible"]
        field.queryset = get_user_model().objects.filter(staff).order_by("last_name", "first_name", "username")
        field.label_from_instance = lambda user: user.get_full_name() or user.get_username()

    def _limit_partner_responsible(self) -> None:
        """Every library's contacts, each option saying whose it is: the page offers only the chosen partner's as the
        partner changes (`ContactSelect`), and the model's clean() names a contact of another library as such, rather
        than the field answering «выберите корректный вариант»."""
        field = self.fields["partner_responsible"]
        field.queryset = Contact.objects.select_related("library").order_by("library__short_name", "full_name", "pk")


class AmendmentForm(forms.ModelForm):
    class Meta:
        model = Amendment
        fields = ["number", "signed_on", "new_valid_until", "directions_added", "directions_removed", "summary", "scan"]

    def clean(self):
        cleaned = super().clean()
        added = set(cleaned.get("directions_added") or ())
        removed = set(cleaned.get("directions_removed") or ())
        both = added & removed
        if both:
            self.add_error(
                "directions_removed",
                _("Направление не может быть одновременно добавлено и исключено: %(names)s.")
                % {"names": ", ".join(sorted(direction.name for direction in both))},
            )
        changes_something = cleaned.get("summary") or cleaned.get("new_valid_until") or added or removed
        if not changes_something and not self.errors:
            raise forms.ValidationError(
                _("Укажите, что меняет дополнительное соглашение: содержание, новый срок или направления."),
                code="empty_amendment",
            )
        return cleaned
