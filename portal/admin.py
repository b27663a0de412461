"""The methodologists' side of partner accounts: inviting a partner library's contact, sending the invitation
again, closing an account's access. (Proposals have an admin of their own, elsewhere.)"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _gettext
from django.utils.translation import gettext_lazy as _

from adminkit.grammar import FEMININE, NEUTER, declare_nouns, noun
from adminkit.site import CoopnetModelAdmin

# Imported for its registrations: the Contact admin must be registered before the action is added to it below.
from agreements import admin as agreements_admin  # noqa: F401
from agreements.models import Contact
from core.templatetags.coopnet import ru_plural_form
from portal.invitations import check_invitable, invite
from portal.models import Membership


def _to_people(number: int) -> str:
    """«1 адресату», «2 адресатам», «21 адресату» — the dative after «отправлено: »."""
    return f"{number} {ru_plural_form(number, _gettext('адресату'), _gettext('адресатам'), _gettext('адресатам'))}"


def _invite_all(modeladmin, request, contacts) -> None:
    """Invite each contact; one success message with the count, one error message per refusal."""
    sent = 0
    for contact in contacts:
        try:
            invite(contact, invited_by=request.user, request=request)
        except ValidationError as error:
            modeladmin.message_user(
                request,
                _gettext("Приглашение не отправлено, %(name)s: %(reason)s")
                % {"name": contact.full_name, "reason": " ".join(error.messages)},
                messages.ERROR,
            )
        else:
            sent += 1
    if sent:
        modeladmin.message_user(
            request, _gettext("Приглашение отправлено: %(count)s.") % {"count": _to_people(sent)}, messages.SUCCESS
        )


def partner_contacts():
    """Contacts that may be invited: a partner library's (never the host's), with an email address."""
    return Contact.objects.filter(library__is_host=False).exclude(email="").select_related("library")


class ContactChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.full_name} — {obj.library.short_name} ({obj.email})"


class InvitationForm(forms.ModelForm):
    """The add form: choose a partner library's contact; saving creates the account and sends the invitation."""

    contact = ContactChoiceField(
        label=_("контактное лицо"),
        queryset=Contact.objects.none(),  # set per form: see __init__
        help_text=_(
            "Контактные лица библиотек-партнёров с электронной почтой, ещё не приглашённые. На их адрес придёт "
            "письмо со ссылкой, чтобы задать пароль; адрес станет именем пользователя."
        ),
    )

    class Meta:
        model = Membership
        fields = ["contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Built here, not at import: a query made while the admin is being discovered would cache the Contact
        # fields' columns before django-simple-history copies those fields into its historical models.
        self.fields["contact"].queryset = (
            partner_contacts().filter(portal_memberships__isnull=True).order_by("library__short_name", "full_name")
        )

    def clean_contact(self):
        contact = self.cleaned_data["contact"]
        check_invitable(contact)
        return contact


class MembershipForm(forms.ModelForm):
    """The change form: the contact may be another of the same library's."""

    class Meta:
        model = Membership
        fields = ["contact"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "contact" in self.fields:  # not for a user who may only view
            self.fields["contact"].queryset = Contact.objects.filter(library=self.instance.library_id)


@admin.register(Membership)
class MembershipAdmin(CoopnetModelAdmin):
    list_display = ["person", "library", "email", "invited_at", "joined_at", "last_login", "is_active"]
    list_filter = [("library", admin.RelatedOnlyFieldListFilter), "user__is_active"]
    search_fields = [
        "user__last_name",
        "user__first_name",
        "user__email",
        "contact__full_name",
        "library__short_name",
        "library__name",
    ]
    list_select_related = ["user", "library"]
    date_hierarchy = "invited_at"
    actions = ["send_again", "close_access"]
    readonly_fields = ["user", "library", "invited_by", "invited_at", "joined_at", "last_login", "is_active"]

    @admin.display(description=_("сотрудник"), ordering="user__last_name")
    def person(self, obj):
        return obj.user.get_full_name() or obj.user.email

    @admin.display(description=_("эл. почта"), ordering="user__email")
    def email(self, obj):
        return obj.user.email

    @admin.display(description=_("последний вход"), ordering="user__last_login")
    def last_login(self, obj):
        # A read-only field would print None for an account never used: say it.
        return obj.user.last_login or _("входов ещё не было")

    @admin.display(description=_("доступ открыт"), boolean=True, ordering="user__is_active")
    def is_active(self, obj):
        return obj.user.is_active

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["form"] = MembershipForm if obj is not None else InvitationForm
        return super().get_form(request, obj, change=change, **kwargs)

    def get_fields(self, request, obj=None):
        return ["contact"] if obj is None else ["user", "library", "contact", *self.readonly_fields[2:]]

    def get_readonly_fields(self, request, obj=None):
        return [] if obj is None else self.readonly_fields

    def save_form(self, request, form, change):
        if change:
            return super().save_form(request, form, change)
        # Adding: `invite()` makes the account and the membership and sends the email, or raises before saving.
        return invite(form.cleaned_data["contact"], invited_by=request.user, request=request)

    def save_model(self, request, obj, form, change):
        if change:
            super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change:  # an invitation's form was never saved itself: it has no relations of its own to save
            super().save_related(request, form, formsets, change)

    def response_add(self, request, obj, post_url_continue=None):
        self.message_user(
            request,
            _gettext("Приглашение отправлено на адрес %(email)s.") % {"email": obj.user.email},
            messages.SUCCESS,
        )
        return super().response_add(request, obj, post_url_continue)

    @admin.action(description=_("Отправить приглашение ещё раз"), permissions=["change"])
    def send_again(self, request, queryset):
        memberships = queryset.select_related("contact", "contact__library", "user")
        without_contact = [m for m in memberships if m.contact is None]
        for membership in without_contact:
            self.message_user(
                request,
                _gettext("Приглашение не отправлено, %(name)s: учётная запись не связана с контактным лицом.")
                % {"name": membership.user.get_full_name() or membership.user.email},
                messages.ERROR,
            )
        _invite_all(self, request, [m.contact for m in memberships if m.contact is not None])

    @admin.action(description=_("Закрыть доступ к порталу"), permissions=["change"])
    def close_access(self, request, queryset):
        closed = 0
        for membership in queryset.select_related("user"):
            if membership.user.is_active:
                membership.user.is_active = False
                membership.user.save(update_fields=["is_active"])
                # The account is no record with versions; the admin's log keeps who closed it.
                self.log_change(request, membership, _gettext("Доступ к порталу закрыт."))
                closed += 1
        accounts = ru_plural_form(
            closed, _gettext("учётная запись"), _gettext("учётные записи"), _gettext("учётных записей")
        )
        message = _gettext("Доступ к порталу закрыт: %(count)s.") % {"count": f"{closed} {accounts}"}
        self.message_user(request, message, messages.SUCCESS)


@admin.action(description=_("Пригласить в портал"))
def invite_to_portal(modeladmin, request, queryset):
    if not request.user.has_perm("portal.add_membership"):
        modeladmin.message_user(request, _gettext("Приглашать в портал может только методист."), messages.ERROR)
        return
    _invite_all(modeladmin, request, queryset.select_related("library"))


# The Contact admin belongs to agreements, which may not import portal (the layers, checked by lint-imports). So
# the portal adds its action to the registered Contact ModelAdmin from here: agreements' admin is imported above,
# so the Contact admin is registered by now, and this module runs once, at the admin's autodiscovery.
_contact_admin = admin.site._registry[Contact]
if invite_to_portal not in (_contact_admin.actions or ()):
    _contact_admin.actions = [*(_contact_admin.actions or ()), invite_to_portal]


# The admin's Russian for this app's models (adminkit.grammar): cases, counting forms, gender.
declare_nouns(
    {
        "portal.membership": noun(
            _("учётная запись партнёра"),
            _("учётную запись партнёра"),
            _("учётная запись партнёра"),
            _("учётные записи партнёров"),
            _("учётных записей партнёров"),
            FEMININE,
        ),
        "portal.proposal": noun(
            _("предложение партнёра"),
            _("предложение партнёра"),
            _("предложение партнёра"),
            _("предложения партнёров"),
            _("предложений партнёров"),
            NEUTER,
        ),
    }
)
