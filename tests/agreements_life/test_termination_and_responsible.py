"""Termination details and the responsible persons, through the agreement's admin change form."""

import datetime

import pytest
from django.urls import reverse

from agreements.models import Agreement
from tests.agreements_life.helpers import change_url, post_change
from tests.factories import AgreementFactory, ContactFactory, UserFactory

D = datetime.date
pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(host):
    return AgreementFactory(number="7", signed_on=D(2019, 4, 2), valid_until=D(2025, 4, 2), auto_prolongation=True)


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        (
            {"status": "terminated"},
            "terminated_on",
            "Укажите дату расторжения: у расторгнутого соглашения она обязательна.",
        ),
        ({"terminated_on": "01.06.2024"}, "terminated_on", "Заполняется только у расторгнутого соглашения"),
        (
            {"termination_reason": "Реорганизация"},
            "termination_reason",
            "Заполняется только у расторгнутого соглашения",
        ),
        ({"termination_initiator": "partner"}, "termination_initiator", "Заполняется только у расторгнутого"),
        (
            {"status": "terminated", "terminated_on": "01.06.2024", "termination_notice_on": "02.06.2024"},
            "termination_notice_on",
            "Уведомление о расторжении не может быть позже даты расторжения.",
        ),
    ],
)
def test_wrong_termination_details_are_refused_in_russian(client, methodologist, agreement, fields, field, message):
    client.force_login(methodologist)
    response = post_change(client, agreement, **fields)
    assert response.status_code == 200
    assert message in str(response.context["adminform"].form.errors[field])
    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.IN_FORCE


def test_a_termination_with_its_details_is_saved_and_told_in_the_timeline(client, methodologist, agreement):
    client.force_login(methodologist)
    response = post_change(
        client,
        agreement,
        status="terminated",
        terminated_on="01.06.2024",
        termination_notice_on="01.03.2024",
        termination_initiator="mutual",
        termination_reason="Библиотека-партнёр реорганизована.",
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    assert agreement.state_on(D(2024, 6, 1)) == Agreement.State.TERMINATED
    page = client.get(change_url(agreement)).content.decode()
    assert "Уведомление о расторжении" in page
    assert "инициатор: по соглашению сторон; Библиотека-партнёр реорганизована." in page


def test_the_responsible_contact_must_be_of_the_partner_library(client, methodologist, agreement):
    stranger = ContactFactory(full_name="Петрова Анна Сергеевна")  # of another library
    client.force_login(methodologist)
    response = post_change(client, agreement, partner_responsible=stranger.pk)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["partner_responsible"] == [
        "«Петрова Анна Сергеевна» — контактное лицо другой библиотеки. Выберите сотрудника библиотеки-партнёра."
    ]  # named as such, not «Выберите корректный вариант»
    agreement.refresh_from_db()
    assert agreement.partner_responsible is None


def test_the_model_refuses_another_librarys_contact_with_a_russian_message(agreement):
    agreement.partner_responsible = ContactFactory(full_name="Петрова Анна Сергеевна")
    with pytest.raises(Exception) as error:
        agreement.full_clean()
    assert "«Петрова Анна Сергеевна» — контактное лицо другой библиотеки" in str(error.value)


def test_the_partners_contact_and_an_active_staff_member_are_saved(client, methodologist, agreement):
    contact = ContactFactory(library=agreement.partner)
    client.force_login(methodologist)
    response = post_change(client, agreement, partner_responsible=contact.pk, host_responsible=methodologist.pk)
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    assert agreement.partner_responsible == contact
    assert agreement.host_responsible == methodologist


def test_the_choices_are_contacts_marked_with_their_library_and_active_staff(client, methodologist, agreement):
    own = ContactFactory(library=agreement.partner)
    stranger = ContactFactory()
    former = UserFactory(username="former", is_active=False)
    reader = UserFactory(username="reader", is_staff=False)
    client.force_login(methodologist)
    response = client.get(change_url(agreement))
    form = response.context["adminform"].form
    page = response.content.decode()
    # The page shows the partner's own (tests/browser/test_partner_contacts.py); each option says whose it is.
    assert f'value="{own.pk}" data-library="{agreement.partner_id}"' in page
    assert f'value="{stranger.pk}" data-library="{stranger.library_id}"' in page
    users = set(form.fields["host_responsible"].queryset)
    assert methodologist in users
    assert former not in users and reader not in users


def test_each_contact_offered_says_whose_it_is_so_the_page_follows_the_partner(client, methodologist, agreement):
    own = ContactFactory(library=agreement.partner, full_name="Иванова Мария Петровна")
    stranger = ContactFactory(full_name="Петрова Анна Сергеевна")
    client.force_login(methodologist)

    page = client.get(reverse("admin:agreements_agreement_add")).content.decode()

    assert f'value="{own.pk}" data-library="{agreement.partner_id}"' in page
    assert f'value="{stranger.pk}" data-library="{stranger.library_id}"' in page
    assert "js/partner-contacts.js" in page
