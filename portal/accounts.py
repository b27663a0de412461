"""Partner accounts: accepting an invitation, logging in and out, resetting a forgotten password.

Only partner accounts (`portal.access.library_of`) get through: staff are sent to the admin at the login, and
neither an invitation link nor a password-reset email reaches a staff account. The login goes through
`authenticate(request=...)`, so django-axes counts wrong passwords and locks out as it does in the admin.
"""

from __future__ import annotations

import unicodedata
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm
from django.core.exceptions import ValidationError
from django.urls import reverse, reverse_lazy
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ops.background import after_response
from portal.access import library_of
from portal.invitations import invitation_tokens
from portal.models import Membership


def _same_address(typed: str, stored: str) -> bool:
    """The typed and the stored address compared as Django's own reset form compares them (NFKC, case-folded)."""
    return unicodedata.normalize("NFKC", typed).casefold() == unicodedata.normalize("NFKC", stored).casefold()


# The backend that logs a partner in after the invitation (axes' backend only refuses, never authenticates).
MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def partner_accounts():
    """Accounts the portal serves: active, not staff, members of a partner library."""
    return get_user_model().objects.filter(
        is_active=True,
        is_staff=False,
        is_superuser=False,
        partner_membership__isnull=False,
        partner_membership__library__is_host=False,
    )


class PortalAuthenticationForm(AuthenticationForm):
    """The email is the username, in any case; staff and accounts of no partner library are refused."""

    username = forms.CharField(
        label=_("Электронная почта"),
        max_length=254,
        widget=forms.TextInput(attrs={"autofocus": True, "autocomplete": "email", "inputmode": "email"}),
    )

    error_messages = {
        **AuthenticationForm.error_messages,
        "invalid_login": _(
            "Неверная электронная почта или пароль. Оба поля чувствительны к опечаткам; если забыли пароль, "
            "восстановите его по ссылке ниже."
        ),
        "inactive": _("Доступ к порталу для этой учётной записи закрыт. Обратитесь к методисту."),
        "staff": _(
            "Сотрудники нашей библиотеки работают в администрировании сайта, а не в портале партнёров: "
            "войдите по адресу /admin/."
        ),
        "not_partner": _("Эта учётная запись не принадлежит библиотеке-партнёру. Обратитесь к методисту."),
    }

    def clean_username(self):
        return self.cleaned_data["username"].strip().lower()

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if user.is_staff or user.is_superuser:
            raise ValidationError(self.error_messages["staff"], code="staff")
        if library_of(user) is None:
            raise ValidationError(self.error_messages["not_partner"], code="not_partner")


class PortalLoginView(auth_views.LoginView):
    template_name = "portal/accounts/login.html"
    authentication_form = PortalAuthenticationForm
    redirect_authenticated_user = False

    def get_default_redirect_url(self):
        return str(reverse_lazy("portal:home"))


class PortalLogoutView(auth_views.LogoutView):
    next_page = reverse_lazy("portal:login")


class LinkAnswersBadRequest:
    """A confirm view whose expired, used or forged link is answered with its page and status 400, not 200."""

    def render_to_response(self, context, **response_kwargs):
        if not context.get("validlink"):
            response_kwargs["status"] = 400
        return super().render_to_response(context, **response_kwargs)

    def get_user(self, uidb64):
        """Only a partner's account: a link made for anyone else is invalid here."""
        user = super().get_user(uidb64)
        if user is None or not partner_accounts().filter(pk=user.pk).exists():
            return None
        return user


class InvitationView(LinkAnswersBadRequest, auth_views.PasswordResetConfirmView):
    """The invitation's one-time link: set a password (the password validators apply), then in to the portal."""

    template_name = "portal/accounts/invitation.html"
    token_generator = invitation_tokens
    post_reset_login = True
    post_reset_login_backend = MODEL_BACKEND
    success_url = reverse_lazy("portal:home")

    def form_valid(self, form):
        response = super().form_valid(form)  # sets the password and logs the partner in
        membership = Membership.objects.get(user=form.user)
        if membership.joined_at is None:
            membership.joined_at = timezone.now()
            membership.save(update_fields=["joined_at"])  # its version names the partner, now logged in
        return response


class PortalPasswordResetForm(PasswordResetForm):
    """Sends only to partner accounts with a password: a staff member's, an unknown or a merely invited address
    gets nothing, and the page says the same either way.

    It takes the same time too: every address is looked up by one query, the same for all, and the email is sent
    after the answer (`ops.background.after_response`), so the time an SMTP server takes tells nothing about which
    addresses have accounts."""

    _found: list | None = None

    def get_users(self, email):
        if self._found is not None:
            return self._found
        email_field = get_user_model().get_email_field_name()
        candidates = partner_accounts().filter(**{f"{email_field}__iexact": email})
        return [
            user
            for user in candidates
            if user.has_usable_password() and _same_address(email, getattr(user, email_field))
        ]

    def save(self, **kwargs):
        self._found = self.get_users(self.cleaned_data["email"])
        # Nothing of the request goes to the thread: the links come from SITE_URL (extra_email_context).
        kwargs.update(request=None, domain_override=urlsplit(settings.SITE_URL).netloc or "coopnet")
        after_response(super().save, **kwargs)


class PortalPasswordResetView(auth_views.PasswordResetView):
    form_class = PortalPasswordResetForm
    template_name = "portal/accounts/password_reset_form.html"
    email_template_name = "portal/email/password_reset.txt"
    subject_template_name = "portal/email/password_reset_subject.txt"
    success_url = reverse_lazy("portal:password_reset_done")

    def form_valid(self, form):
        # The link is built from SITE_URL, as every email of the site is, not from the request's host.
        self.extra_email_context = {"site_url": settings.SITE_URL, "login": settings.SITE_URL + reverse("portal:login")}
        return super().form_valid(form)


class PortalPasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "portal/accounts/password_reset_done.html"


class PortalPasswordResetConfirmView(LinkAnswersBadRequest, auth_views.PasswordResetConfirmView):
    template_name = "portal/accounts/password_reset_confirm.html"
    success_url = reverse_lazy("portal:password_reset_complete")


class PortalPasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "portal/accounts/password_reset_complete.html"
