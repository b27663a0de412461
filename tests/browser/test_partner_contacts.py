"""The agreement's form in a browser: «Ответственный со стороны партнёра» follows the chosen partner."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import AgreementFactory, ContactFactory, LibraryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_partners_contacts_follow_the_chosen_partner(new_context, live_server, superuser):
    agreement = AgreementFactory(partner=LibraryFactory(short_name="Томская ОДЮБ"))
    own = ContactFactory(library=agreement.partner, full_name="Иванова Мария Петровна")
    other_library = LibraryFactory(short_name="ВК ОДЮБ")
    other = ContactFactory(library=other_library, full_name="Петрова Анна Сергеевна")
    client = Client()
    client.force_login(superuser)
    context = new_context(viewport={"width": 1366, "height": 768})
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    page = context.new_page()

    page.goto(live_server.url + reverse("admin:agreements_agreement_change", args=[agreement.pk]))
    page.select_option("#id_partner_responsible", str(own.pk))

    def offered():
        return page.eval_on_selector_all(
            "#id_partner_responsible option[data-library]", "options => options.filter(o => !o.hidden).map(o => o.text)"
        )

    # Choosing another partner (as the autocomplete does: a new option, selected, and a change event).
    page.evaluate(
        """([id, name]) => {
            const $ = window.django.jQuery;
            $("#id_partner").append(new Option(name, id, true, true)).trigger("change");
        }""",
        [str(other_library.pk), "ВК ОДЮБ"],
    )

    assert offered() == [str(other)]  # «Петрова Анна Сергеевна (ВК ОДЮБ)»
    assert page.input_value("#id_partner_responsible") == ""  # the first partner's contact is not kept
