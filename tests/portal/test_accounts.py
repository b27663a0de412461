"""A partner's account from the invitation on: setting a password, logging in, a forgotten password, the lockout,
and staff kept out of the portal."""

import datetime
import re

import pytest
import time_machine
from django.conf import settings
from django.core import mail
from django.urls import reverse

from ops import background
from portal.models import Membership
from tests.factories import KEMEROVO, ContactFactory, MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db
NOW = datetime.datetime(2026, 3, 2, 10, 0, tzinfo=KEMEROVO)
STRONG = "Кузбасс-телемост-2026"
LOGIN = reverse("portal:login")


def link_in(message, name: str) -> str:
    match = re.search(re.escape(settings.SITE_URL) + rf"(/partner/{name}/[^/\s]+/[^/\s]+/)", message.body)
    assert match, message.body
    return match.group(1)


def invite_from_admin(client, methodologist, contact):
    client.force_login(methodologist)
    response = client.post(reverse("admin:portal_membership_add"), {"contact": contact.pk, "_save": "1"})
    assert response.status_code == 302, response.content.decode()
    client.logout()
    return Membership.objects.get(contact=contact)


def set_password(client, path, password, again=None):
    """Open the link (it redirects to the form's own address) and send the form."""
    form_page = client.get(path, follow=True)
    assert form_page.status_code == 200
    form_url = form_page.redirect_chain[-1][0]
    return client.post(form_url, {"new_password1": password, "new_password2": again or password})


@pytest.fixture(autouse=True)
def _host(host):
    """The host library exists."""


@pytest.fixture
def contact():
    return ContactFactory(full_name="Петрова Анна Сергеевна", email="anna@example.org")


def test_invited_from_the_admin_sets_a_password_once_and_is_in_the_portal(client, methodologist, contact):
    with time_machine.travel(NOW, tick=False):
        membership = invite_from_admin(client, methodologist, contact)
        [message] = mail.outbox
        path = link_in(message, "invitation")

        weak = set_password(client, path, "12345678")
        assert weak.status_code == 200
        page = weak.content.decode()
        assert "Проверьте форму" in page
        assert "Введённый пароль состоит только из цифр." in page
        assert "_auth_user_id" not in client.session

        done = set_password(client, path, STRONG)
        assert done.status_code == 302
        assert done.url == reverse("portal:home") == "/partner/"
        assert client.session["_auth_user_id"] == str(membership.user.pk)
        membership.refresh_from_db()
        assert membership.joined_at == NOW
        assert membership.user.check_password(STRONG)
        # The membership's version of joining names the partner.
        assert membership.history.latest().history_user == membership.user

        client.logout()
        used = client.get(path, follow=True)
        assert used.status_code == 400
        page = used.content.decode()
        assert "Ссылка из приглашения не действует" in page
        assert "Попросите методиста" in page


def test_an_expired_invitation_link_gives_the_400_page(client, methodologist, contact, settings):
    settings.PORTAL_INVITATION_DAYS = 5
    with time_machine.travel(NOW, tick=False):
        invite_from_admin(client, methodologist, contact)
    path = link_in(mail.outbox[0], "invitation")
    with time_machine.travel(NOW + datetime.timedelta(days=5, hours=1), tick=False):
        response = client.get(path)
    assert response.status_code == 400
    assert "Ссылка из приглашения не действует" in response.content.decode()


def test_a_forged_or_garbled_link_gives_the_400_page_not_500(client, contact, methodologist):
    invite_from_admin(client, methodologist, contact)
    for path in ["/partner/invitation/MQ/abc-def/", "/partner/invitation/!!!/x/", "/partner/reset/zz/1-2/"]:
        assert client.get(path).status_code == 400


def test_a_staff_members_link_is_no_invitation(client, methodologist):
    from django.utils.encoding import force_bytes
    from django.utils.http import urlsafe_base64_encode

    from portal.invitations import invitation_tokens

    uid = urlsafe_base64_encode(force_bytes(methodologist.pk))
    path = reverse("portal:invitation", args=[uid, invitation_tokens.make_token(methodologist)])
    assert client.get(path).status_code == 400


def test_the_partner_logs_in_with_the_email_in_any_case(client):
    membership = MembershipFactory(user__username="olga@example.org")
    response = client.post(LOGIN, {"username": " Olga@Example.ORG ", "password": "correct-horse-battery"})
    assert response.status_code == 302
    assert response.url == "/partner/"
    assert client.session["_auth_user_id"] == str(membership.user.pk)


def test_a_wrong_password_is_told_in_russian(client):
    MembershipFactory(user__username="olga@example.org")
    response = client.post(LOGIN, {"username": "olga@example.org", "password": "неверный"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "Проверьте форму" in page and "Неверная электронная почта или пароль" in page


def test_staff_cannot_log_into_the_portal(client, methodologist):
    response = client.post(LOGIN, {"username": "alice", "password": "correct-horse-battery"})
    assert response.status_code == 200
    assert "работают в администрировании сайта" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_account_of_no_partner_library_cannot_log_in(client):
    UserFactory(username="reader@example.org", is_staff=False)
    response = client.post(LOGIN, {"username": "reader@example.org", "password": "correct-horse-battery"})
    assert "не принадлежит библиотеке-партнёру" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_closed_account_cannot_log_in(client):
    membership = MembershipFactory(user__username="olga@example.org")
    membership.user.is_active = False
    membership.user.save()
    response = client.post(LOGIN, {"username": "olga@example.org", "password": "correct-horse-battery"})
    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_the_portal_login_locks_out_after_the_failure_limit(client, settings):
    MembershipFactory(user__username="olga@example.org")

    def attempt(password, username="olga@example.org"):
        return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR="192.0.2.10")

    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert attempt("неверный").status_code == 200
    assert attempt("неверный").status_code == 429
    # The same account, whatever the case of the email: the right password is refused too.
    response = attempt("correct-horse-battery", username="OLGA@example.org")
    assert response.status_code == 429
    page = response.content.decode()
    assert "Вход временно заблокирован" in page
    # The portal's own page, pointing to the portal's password reset, not to the admin.
    assert reverse("portal:password_reset") in page
    assert "/admin/" not in page
    assert "_auth_user_id" not in client.session


def test_a_partner_resets_a_forgotten_password_by_email(client):
    membership = MembershipFactory(user__username="olga@example.org")
    response = client.post(reverse("portal:password_reset"), {"email": "Olga@example.org"})
    assert response.status_code == 302 and response.url == reverse("portal:password_reset_done")
    background.wait()  # the email leaves after the answer
    assert "Проверьте почту" in client.get(response.url).content.decode()
    [message] = mail.outbox
    assert message.to == ["olga@example.org"]
    assert message.subject == "Смена пароля в портале библиотек-партнёров"
    path = link_in(message, "reset")

    done = set_password(client, path, STRONG)
    assert done.status_code == 302 and done.url == reverse("portal:password_reset_complete")
    assert "Пароль изменён" in client.get(done.url).content.decode()
    membership.user.refresh_from_db()
    assert membership.user.check_password(STRONG)
    assert client.get(path).status_code == 400  # used once
    assert client.post(LOGIN, {"username": "olga@example.org", "password": STRONG}).status_code == 302


def test_a_reset_for_an_unknown_or_a_staff_email_sends_nothing_and_says_the_same(client, methodologist):
    for email in ["nobody@example.org", "alice@example.org"]:
        response = client.post(reverse("portal:password_reset"), {"email": email})
        assert response.status_code == 302 and response.url == reverse("portal:password_reset_done")
    background.wait()
    assert not mail.outbox


def test_an_invited_partner_without_a_password_gets_no_reset_mail(client, methodologist, contact):
    invite_from_admin(client, methodologist, contact)
    mail.outbox.clear()
    client.post(reverse("portal:password_reset"), {"email": "anna@example.org"})
    background.wait()
    assert not mail.outbox


def test_the_account_pages_are_russian_and_have_no_inline_script_or_style(client):
    names = ["portal:login", "portal:password_reset", "portal:password_reset_done", "portal:password_reset_complete"]
    for name in names:
        page = client.get(reverse(name))
        assert page.status_code == 200
        html = page.content.decode()
        assert "<script>" not in html and "<style" not in html and ' style="' not in html
        assert "Портал партнёра" in html


def test_password_reset_requests_are_rate_limited(client, settings):
    from django.core.cache import cache

    cache.clear()
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, "password_reset": 2}
    url = reverse("portal:password_reset")
    for _ in range(2):
        assert client.post(url, {"email": "nobody@example.org"}).status_code == 302
    response = client.post(url, {"email": "nobody@example.org"})
    assert response.status_code == 429
    assert "Слишком много запросов" in response.content.decode()
    cache.clear()
