"""`portal.invitations.invite()`: the account, its membership, the email, and who may not be invited."""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.exceptions import ValidationError

from portal.invitations import invitation_tokens, invite
from portal.models import Membership
from tests.factories import KEMEROVO, ContactFactory, HostLibraryFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=KEMEROVO)


@pytest.fixture(autouse=True)
def _host(host):
    """The host library, named in the invitation."""


@pytest.fixture
def contact():
    return ContactFactory(
        full_name="Петрова Анна Сергеевна",
        email=" Anna.Petrova@Example.ORG ",
        library__name="Томская областная детско-юношеская библиотека",
        library__short_name="Томская ОДЮБ",
    )


def link_path(message) -> str:
    match = re.search(re.escape(settings.SITE_URL) + r"(/partner/invitation/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def test_invite_makes_a_partner_account_of_the_contacts_library(contact, methodologist):
    with time_machine.travel(NOW, tick=False):
        membership = invite(contact, invited_by=methodologist)
    user = membership.user
    assert user.username == user.email == "anna.petrova@example.org"
    assert (user.last_name, user.first_name) == ("Петрова", "Анна Сергеевна")
    assert not user.is_staff and not user.is_superuser and user.is_active
    assert not user.has_usable_password()
    assert membership.library == contact.library
    assert membership.contact == contact
    assert membership.invited_by == methodologist
    assert membership.invited_at == NOW
    assert membership.joined_at is None
    # The version records who invited.
    assert membership.history.get().history_user == methodologist


def test_the_email_is_russian_names_both_libraries_the_link_and_the_expiry(contact, methodologist, settings):
    settings.PORTAL_INVITATION_DAYS = 5
    with time_machine.travel(NOW, tick=False):
        membership = invite(contact, invited_by=methodologist)
    [message] = mail.outbox
    assert message.to == ["anna.petrova@example.org"]
    assert message.subject == "Приглашение в портал библиотек-партнёров: Томская областная детско-юношеская библиотека"
    body = message.body
    assert body.startswith("Здравствуйте, Анна Сергеевна!")
    assert "Государственная библиотека Кузбасса для детей и молодёжи приглашает вас" in body
    assert "«Томская областная детско-юношеская библиотека»" in body
    assert "Ссылка действует 5 дней, до 07.03.2026, и только один раз." in body
    assert "&" not in body and "&#" not in body  # plain text, not HTML-escaped
    path = link_path(message)
    token = path.rstrip("/").rsplit("/", 1)[1]
    with time_machine.travel(NOW, tick=False):
        assert invitation_tokens.check_token(membership.user, token)


def test_the_link_lasts_the_configured_days(contact, methodologist, settings):
    settings.PORTAL_INVITATION_DAYS = 2
    with time_machine.travel(NOW, tick=False):
        membership = invite(contact, invited_by=methodologist)
        token = invitation_tokens.make_token(membership.user)
    assert "Ссылка действует 2 дня, до 04.03.2026" in mail.outbox[0].body
    with time_machine.travel(NOW + datetime.timedelta(days=2, minutes=-1), tick=False):
        assert invitation_tokens.check_token(membership.user, token)
    with time_machine.travel(NOW + datetime.timedelta(days=2, minutes=1), tick=False):
        assert not invitation_tokens.check_token(membership.user, token)


def test_an_invitation_token_is_no_password_reset_token(contact, methodologist):
    from django.contrib.auth.tokens import default_token_generator

    membership = invite(contact, invited_by=methodologist)
    token = invitation_tokens.make_token(membership.user)
    assert not default_token_generator.check_token(membership.user, token)
    assert not invitation_tokens.check_token(membership.user, default_token_generator.make_token(membership.user))


def test_inviting_again_reuses_the_account_and_voids_the_earlier_link(contact, methodologist):
    first = invite(contact, invited_by=methodologist)
    old_token = invitation_tokens.make_token(first.user)
    second = invite(contact, invited_by=methodologist)
    assert second.pk == first.pk and second.user_id == first.user_id
    assert get_user_model().objects.filter(email__iexact="anna.petrova@example.org").count() == 1
    second.user.refresh_from_db()
    assert not invitation_tokens.check_token(second.user, old_token)
    assert len(mail.outbox) == 2


def test_inviting_again_after_a_password_was_set_voids_every_earlier_link(contact, methodologist):
    """A partner who set a password, then lost access and was sent the invitation again (and again): only the
    newest link works, and their password still does until they use it."""
    membership = invite(contact, invited_by=methodologist)
    user = membership.user
    user.set_password("Пароль-партнёра-2026")
    user.save()
    links = []
    for _ in range(3):
        invite(contact, invited_by=methodologist)
        user.refresh_from_db()
        links.append(link_path(mail.outbox[-1]).rstrip("/").rsplit("/", 1)[1])

    assert [invitation_tokens.check_token(user, token) for token in links] == [False, False, True]
    assert user.check_password("Пароль-партнёра-2026")


def test_inviting_again_opens_a_closed_account(contact, methodologist):
    membership = invite(contact, invited_by=methodologist)
    membership.user.is_active = False
    membership.user.save()
    invite(contact, invited_by=methodologist)
    membership.user.refresh_from_db()
    assert membership.user.is_active


def test_a_contact_without_email_is_refused(methodologist):
    contact = ContactFactory(email="", full_name="Сидорова Ольга")
    with pytest.raises(ValidationError) as refused:
        invite(contact, invited_by=methodologist)
    assert refused.value.messages == [
        "У контактного лица «Сидорова Ольга» не указана электронная почта: приглашение некуда отправить."
    ]
    assert not Membership.objects.exists() and not mail.outbox


def test_a_staff_members_email_is_refused(methodologist):
    contact = ContactFactory(email="ALICE@example.org")  # the methodologist's own address
    with pytest.raises(ValidationError) as refused:
        invite(contact, invited_by=methodologist)
    assert "принадлежит сотруднику нашей библиотеки" in refused.value.messages[0]
    methodologist.refresh_from_db()
    assert methodologist.is_staff and not Membership.objects.exists() and not mail.outbox


def test_a_superusers_email_is_refused(methodologist):
    UserFactory(username="root", email="root@example.org", is_staff=False, is_superuser=True)
    with pytest.raises(ValidationError):
        invite(ContactFactory(email="root@example.org"), invited_by=methodologist)


def test_another_librarys_member_is_refused(methodologist):
    other = MembershipFactory(user__username="shared@example.org", library__short_name="Омская ДБ")
    contact = ContactFactory(email="Shared@Example.org")
    with pytest.raises(ValidationError) as refused:
        invite(contact, invited_by=methodologist)
    assert refused.value.messages == [
        "Адрес shared@example.org уже закреплён за учётной записью библиотеки «Омская ДБ»: одна учётная запись "
        "принадлежит только одной библиотеке."
    ]
    assert Membership.objects.get() == other and not mail.outbox


def test_the_hosts_own_contact_is_refused(methodologist):
    contact = ContactFactory(library=HostLibraryFactory(), email="own@example.org")
    with pytest.raises(ValidationError):
        invite(contact, invited_by=methodologist)
    assert not get_user_model().objects.filter(email="own@example.org").exists()


def test_nothing_is_saved_when_the_email_cannot_be_sent(contact, methodologist, settings, monkeypatch):
    def fail(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    with pytest.raises(OSError):
        invite(contact, invited_by=methodologist)
    assert not Membership.objects.exists()
    assert not get_user_model().objects.filter(email="anna.petrova@example.org").exists()
