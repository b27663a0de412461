"""The admin's forms for an agreement and its supplementary agreements: which choices staff are offered."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from adminkit.autocomplete import BIGGEST_KEY

from .models import NOTICE_MAX_DAYS, PROLONGATION_MAX_YEARS, Agreement, Amendment, Contact


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

    def _partner_id(self) -> int | None:
        if self.is_bound:
            value = self.data.get(self.add_prefix("partner"))
            try:
                key = int(value) if value else None
            except (TypeError, ValueError):
                return None
            # A number no key can be (20 digits) would overflow the database's integer in the contacts' query.
            return key if key is None or abs(key) <= BIGGEST_KEY else None
        return self.instance.partner_id or self.initial.get("partner")

    def _limit_partner_responsible(self) -> None:
        """The partner's own contacts once the partner is known; the model's clean() refuses any other."""
        contacts = Contact.objects.select_related("library")
        partner_id = self._partner_id()
        if partner_id:
            contacts = contacts.filter(library_id=partner_id)
        self.fields["partner_responsible"].queryset = contacts


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
