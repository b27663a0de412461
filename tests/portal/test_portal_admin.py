"""The methodologists' side of partner accounts in the admin: inviting, sending again, closing access, and the
«Пригласить в портал» action on the contacts' list."""

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.core import mail
from django.urls import reverse
from django.utils.html import strip_tags

from agreements.models import Contact
from portal.models import Membership
from tests.factories import ContactFactory, HostLibraryFactory, MembershipFactory

pytestmark = pytest.mark.django_db
ADD = reverse("admin:portal_membership_add")
MEMBERSHIPS = reverse("admin:portal_membership_changelist")
CONTACTS = reverse("admin:agreements_contact_changelist")


def said(response) -> list[str]:
    return [strip_tags(str(message)) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def staff(client, methodologist, host):
    client.force_login(methodologist)
    return client


def test_the_add_form_offers_partner_contacts_with_email_not_yet_invited(staff):
    offered = ContactFactory(full_name="Петрова Анна", email="anna@example.org", library__short_name="Томская ОДЮБ")
    ContactFactory(full_name="Без Почты", email="")
    ContactFactory(full_name="Наш Сотрудник", library=HostLibraryFactory(), email="own@example.org")
    invited = ContactFactory(full_name="Уже Приглашена")
    MembershipFactory(contact=invited, library=invited.library)
    page = staff.get(ADD)
    assert page.status_code == 200
    html = page.content.decode()
    assert "<title>Добавить учётную запись партнёра |" in html
    assert "Петрова Анна — Томская ОДЮБ (anna@example.org)" in html
    for absent in ["Без Почты", "Наш Сотрудник", "Уже Приглашена"]:
        assert absent not in html
    assert [c.pk for c in page.context["adminform"].form.fields["contact"].queryset] == [offered.pk]


def test_adding_invites_the_contact(staff, methodologist):
    contact = ContactFactory(email="anna@example.org")
    response = staff.post(ADD, {"contact": contact.pk, "_save": "1"})
    assert response.status_code == 302
    membership = Membership.objects.get()
    assert membership.contact == contact and membership.invited_by == methodologist
    assert membership.user.email == "anna@example.org"
    assert [m.to for m in mail.outbox] == [["anna@example.org"]]
    messages = said(response)
    assert "Приглашение отправлено на адрес anna@example.org." in messages
    assert any(m.startswith("Учётная запись партнёра «") and m.endswith("» добавлена.") for m in messages)
    assert membership.history.get().history_user == methodologist


def test_a_staff_email_is_refused_in_the_form(staff):
    contact = ContactFactory(email="alice@example.org")  # the methodologist's own address
    response = staff.post(ADD, {"contact": contact.pk, "_save": "1"})
    assert response.status_code == 200
    assert "принадлежит сотруднику нашей библиотеки" in response.content.decode()
    assert not Membership.objects.exists() and not mail.outbox


def test_the_list_shows_who_when_and_the_last_login(staff):
    MembershipFactory(user__first_name="Анна", user__last_name="Петрова", library__short_name="Томская ОДЮБ")
    page = staff.get(MEMBERSHIPS)
    html = page.content.decode().lower()
    assert page.status_code == 200
    for text in ["петрова", "томская одюб", "приглашение отправлено", "пароль задан", "последний вход", "1 учётная"]:
        assert text in html
    assert staff.get(MEMBERSHIPS, {"q": "Петрова"}).context["cl"].result_count == 1


def test_send_again_to_the_selected(staff):
    memberships = []
    for email in ["a@example.org", "b@example.org"]:
        contact = ContactFactory(email=email)
        memberships.append(MembershipFactory(contact=contact, library=contact.library, user__username=email))
    orphan = MembershipFactory()  # no contact to send to
    response = staff.post(
        MEMBERSHIPS,
        {"action": "send_again", "_selected_action": [m.pk for m in [*memberships, orphan]]},
    )
    assert response.status_code == 302
    assert sorted(m.to[0] for m in mail.outbox) == ["a@example.org", "b@example.org"]
    messages = said(response)
    assert "Приглашение отправлено: 2 адресатам." in messages
    assert any("учётная запись не связана с контактным лицом" in m for m in messages)


def test_close_access(staff, client):
    membership = MembershipFactory()
    response = staff.post(MEMBERSHIPS, {"action": "close_access", "_selected_action": [membership.pk]})
    assert "Доступ к порталу закрыт: 1 учётная запись." in said(response)
    membership.user.refresh_from_db()
    assert not membership.user.is_active


def test_the_contacts_list_invites_to_the_portal(staff):
    contacts = [ContactFactory(email="a@example.org"), ContactFactory(email="", full_name="Сидорова Ольга")]
    page = staff.get(CONTACTS)
    assert "Пригласить в портал" in page.content.decode()
    response = staff.post(CONTACTS, {"action": "invite_to_portal", "_selected_action": [c.pk for c in contacts]})
    assert response.status_code == 302
    assert [m.to for m in mail.outbox] == [["a@example.org"]]
    messages = said(response)
    assert "Приглашение отправлено: 1 адресату." in messages
    assert any(m.startswith("Приглашение не отправлено, Сидорова Ольга: У контактного лица") for m in messages)


def test_the_action_is_added_once_to_the_registered_contact_admin():
    from portal.admin import invite_to_portal

    assert list(admin.site._registry[Contact].actions).count(invite_to_portal) == 1


def test_a_manager_may_not_invite(client, manager, host):
    client.force_login(manager)
    contact = ContactFactory(email="a@example.org")
    client.post(CONTACTS, {"action": "invite_to_portal", "_selected_action": [contact.pk]})
    assert not mail.outbox and not Membership.objects.exists()
    assert client.get(ADD).status_code == 403


def test_a_proposals_author_links_to_the_partners_account_which_a_methodologist_may_open(client, methodologist):
    from tests.factories import MembershipFactory, ProposalFactory

    member = MembershipFactory(user__first_name="Мария", user__last_name="Иванова")
    proposal = ProposalFactory(library=member.library, author=member.user)
    client.force_login(methodologist)

    page = client.get(reverse("admin:portal_proposal_change", args=[proposal.pk])).content.decode()

    account = reverse("admin:portal_membership_change", args=[member.pk])
    assert f'<a href="{account}">Мария Иванова ({member.user.email})</a>' in page
    assert reverse("admin:auth_user_change", args=[member.user.pk]) not in page
    assert client.get(account).status_code == 200
