"""Inviting a partner library's contact to the portal: the account, its membership and the email with a one-time link.

Partners never sign up. A methodologist invites a `Contact` of a partner library from the admin; `invite()` makes
(or reuses) the account, ties it to the library and emails a link to set a password. The link is signed by
`invitation_tokens`: it expires after `settings.PORTAL_INVITATION_DAYS` days and, as its hash includes the
password, stops working once a password is set. Its hash includes the moment of the latest invitation too
(`Membership.invited_at`), so sending the invitation again voids every earlier link, also for an account that has
a password already (whose password, unchanged, would otherwise keep the older links alive).
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.tokens import PasswordResetTokenGenerator
from django.core.exceptions import ValidationError
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import constant_time_compare
from django.utils.encoding import force_bytes
from django.utils.http import base36_to_int, urlsafe_base64_encode
from django.utils.translation import gettext as _

from agreements.models import Contact, Library
from core.models import Profile
from core.people import guess_gender
from core.templatetags.coopnet import ru_plural_form
from portal.models import Membership

DAY = 24 * 60 * 60


class InvitationTokenGenerator(PasswordResetTokenGenerator):
    """Django's password-reset token with its own salt (a reset link is no invitation, nor the reverse) and its
    own lifetime: `settings.PORTAL_INVITATION_DAYS` days instead of `PASSWORD_RESET_TIMEOUT`."""

    key_salt = "portal.invitations.InvitationTokenGenerator"

    @property
    def timeout(self) -> int:
        return settings.PORTAL_INVITATION_DAYS * DAY

    def _make_hash_value(self, user, timestamp) -> str:
        # Read from the database, not from a membership cached on `user`: the link is made right after the
        # invitation is saved and checked in another request, and both must see the same moment.
        invited_at = Membership.objects.filter(user_id=user.pk).values_list("invited_at", flat=True).first()
        stamp = invited_at.astimezone(datetime.UTC).isoformat() if invited_at else ""
        return super()._make_hash_value(user, timestamp) + stamp

    def check_token(self, user, token) -> bool:
        # Django's check, with this generator's timeout in place of the password reset's.
        if not (user and token):
            return False
        try:
            ts_b36, _hash = token.split("-")
            ts = base36_to_int(ts_b36)
        except ValueError:
            return False
        if not any(
            constant_time_compare(self._make_token_with_timestamp(user, ts, secret), token)
            for secret in [self.secret, *self.secret_fallbacks]
        ):
            return False
        return 0 <= self._num_seconds(self._now()) - ts <= self.timeout


invitation_tokens = InvitationTokenGenerator()


def invitation_path(user) -> str:
    """The one-time link's path (no host): /partner/invitation/<uidb64>/<token>/."""
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    return reverse("portal:invitation", kwargs={"uidb64": uid, "token": invitation_tokens.make_token(user)})


def _names(full_name: str) -> tuple[str, str]:
    """«Иванова Мария Петровна» → first name «Мария Петровна», last name «Иванова» (Russian order: surname
    first). A single word is the first name."""
    parts = full_name.split()
    if len(parts) < 2:
        return (full_name.strip()[:150], "")
    return (" ".join(parts[1:])[:150], parts[0][:150])


def check_invitable(contact: Contact):
    """The existing account for the contact's email, or None; a `ValidationError` (Russian) when the contact has no
    email, is the host's, or the email belongs to staff or to another library's account."""
    email = (contact.email or "").strip().lower()
    if not email:
        raise ValidationError(
            _("У контактного лица «%(name)s» не указана электронная почта: приглашение некуда отправить.")
            % {"name": contact.full_name}
        )
    if contact.library.is_host:
        raise ValidationError(
            _("«%(name)s» — сотрудник нашей библиотеки: портал — для библиотек-партнёров.")
            % {"name": contact.full_name}
        )
    users = get_user_model().objects.filter(username__iexact=email) | get_user_model().objects.filter(
        email__iexact=email
    )
    users = list(users.select_related("partner_membership__library").distinct().order_by("pk"))
    for user in users:
        if user.is_staff or user.is_superuser:
            raise ValidationError(
                _(
                    "Адрес %(email)s принадлежит сотруднику нашей библиотеки: сотрудники работают в "
                    "администрировании, а не в портале. Укажите у контактного лица другой адрес."
                )
                % {"email": email}
            )
        membership = getattr(user, "partner_membership", None)
        if membership is not None and membership.library_id != contact.library_id:
            raise ValidationError(
                _(
                    "Адрес %(email)s уже закреплён за учётной записью библиотеки «%(library)s»: одна учётная "
                    "запись принадлежит только одной библиотеке."
                )
                % {"email": email, "library": membership.library.short_name}
            )
    if len(users) > 1:
        raise ValidationError(
            _("Адрес %(email)s указан у нескольких учётных записей: обратитесь к администратору сайта.")
            % {"email": email}
        )
    return users[0] if users else None


def _days(days: int) -> str:
    return f"{days} {ru_plural_form(days, _('день'), _('дня'), _('дней'))}"


def _message(membership: Membership) -> EmailMessage:
    host = Library.host()
    context = {
        "name": membership.user.first_name or membership.user.get_full_name(),
        "host": host.name if host else _("Государственная библиотека Кузбасса для детей и молодёжи"),
        "library": membership.library.name,
        "link": settings.SITE_URL + invitation_path(membership.user),
        "login": settings.SITE_URL + reverse("portal:login"),
        "email": membership.user.email,
        "days": _days(settings.PORTAL_INVITATION_DAYS),
        "expires": timezone.localtime() + datetime.timedelta(days=settings.PORTAL_INVITATION_DAYS),
    }
    subject = " ".join(render_to_string("portal/email/invitation_subject.txt", context).split())
    body = render_to_string("portal/email/invitation.txt", context)
    return EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [membership.user.email])


def invite(contact: Contact, invited_by=None, request=None) -> Membership:
    """Give a partner library's contact a portal account of that library and email the invitation.

    Creates the account (username and email: the contact's email lower-cased; names from «ФИО»; never staff; no
    password until the link is used), or reuses the one already made for that email, active again. Raises
    `ValidationError` with a Russian message for a contact without an email, or whose email belongs to staff or
    to another library's account. The account, the membership and the email go together: if sending fails,
    nothing is saved. `invited_by` defaults to the request's user; the link itself is built from
    `settings.SITE_URL`, so it is the same whichever address the admin was opened at.
    """
    if invited_by is None and request is not None:
        invited_by = request.user
    user = check_invitable(contact)
    email = contact.email.strip().lower()
    first_name, last_name = _names(contact.full_name)
    with transaction.atomic():
        if user is None:
            user = get_user_model()(username=email, email=email, is_staff=False, is_superuser=False)
        user.username = email
        user.email = email
        user.first_name, user.last_name = first_name, last_name
        user.is_active = True
        if user.pk is None or not user.has_usable_password():
            # A fresh unusable password: the links of earlier invitations stop working.
            user.set_unusable_password()
        user.save()
        # How the site addresses them, read from the contact's «ФИО» (a patronymic says it surely); staff may change
        # it on the user's page. Set once: what staff chose is kept when the invitation is sent again.
        profile, _created = Profile.objects.get_or_create(user=user)
        if not profile.gender:
            profile.gender = guess_gender(contact.full_name)
            profile.save(update_fields=["gender"])
        membership = Membership.objects.filter(user=user).first() or Membership(user=user, library=contact.library)
        membership.contact = contact
        membership.invited_by = invited_by if getattr(invited_by, "pk", None) else None
        membership.invited_at = timezone.now()
        if membership.invited_by is not None:
            # The version's author, also when no request names one (the shell, a command).
            membership._history_user = membership.invited_by
        membership.save()
        _message(membership).send()
    return membership
