"""No request answers 500 for what it carries: control characters in the address, crafted ids in the admin's
forms and actions. Control characters answer 400 with the Russian page (ops.badrequest); a bad or unknown id in
an action answers with a message (adminkit.actions.SelectedRowsMixin)."""

import pytest
from django.urls import reverse

from agreements.models import Agreement, Library
from events.models import Event
from tests.factories import AgreementFactory, EventFactory, HostLibraryFactory, LibraryFactory

pytestmark = pytest.mark.django_db

CONTROL_ADDRESSES = [
    "/media/%00",
    "/media/events/covers/%00.png",
    "/staff/scans/%00",
    "/admin/events/event/?status=%00",
    "/admin/events/event/?q=%00",
    "/admin/events/event/?organiser__id__exact=%00",
    "/admin/autocomplete/?app_label=events&model_name=participation&field_name=library&term=%00",
    "/events/?q=%00",
    "/events/?q=a%0Db",
    "/search/?q=%1B[31m",
    "/partner/login/?next=%00",
    "/%00/",
    "/events/%07/",
    "/events/?kind=%C2%85",
]


@pytest.fixture
def admin_site(admin_client):
    """An admin session that sees a 500 as a status, as a browser would."""
    HostLibraryFactory()
    admin_client.raise_request_exception = False
    return admin_client


@pytest.mark.parametrize("address", CONTROL_ADDRESSES)
def test_a_control_character_in_the_address_answers_400_with_the_russian_page(admin_site, address):
    response = admin_site.get(address)

    assert response.status_code == 400
    assert "Неверный запрос" in response.content.decode()


def test_ordinary_addresses_pass(admin_site):
    assert admin_site.get("/events/?q=сказки+народов").status_code == 200
    assert admin_site.get("/admin/events/event/?q=%D0%B0").status_code == 200
    # A value copied from a spreadsheet cell into a search box keeps its tab.
    assert admin_site.get("/admin/events/event/?q=%D0%B0%09").status_code == 200


@pytest.mark.parametrize("key", ["9" * 20, "-" + "9" * 20, "1e5", "abc", "0x10", "1" + "\u0661"])
def test_a_crafted_key_in_the_agreements_add_form_is_a_form_error(admin_site, key):
    host = Library.objects.get(is_host=True)
    response = admin_site.post(
        reverse("admin:agreements_agreement_add"),
        {
            "host": str(host.pk),
            "partner": key,
            "host_responsible": key,
            "partner_responsible": key,
            "directions": [key],
            "number": "1",
            "title": "Соглашение",
            "signed_on": "01.01.2020",
            "status": "in_force",
            "notice_days": "30",
            "prolongation_years": "1",
        },
    )

    assert response.status_code == 200
    assert "partner" in response.context["adminform"].form.errors
    assert not Agreement.objects.exists()


ACTIONS = ["publish", "unpublish", "delete_selected", "copy_events", "export_xlsx"]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("selected", [["abc"], ["9" * 20], ["1.5"], [""], ["%00"]])
def test_an_action_on_a_crafted_id_answers_with_a_message(admin_site, action, selected):
    event = EventFactory(is_published=True)

    response = admin_site.post(
        reverse("admin:events_event_changelist"), {"action": action, "_selected_action": selected}, follow=True
    )

    assert response.status_code == 200
    assert "Выбранные записи не найдены" in response.content.decode()
    event.refresh_from_db()
    assert event.is_published
    assert Event.objects.count() == 1


@pytest.mark.parametrize("action", ACTIONS)
def test_an_action_on_an_unknown_id_beside_a_known_one_changes_nothing(admin_site, action):
    event = EventFactory(is_published=True)

    response = admin_site.post(
        reverse("admin:events_event_changelist"),
        {"action": action, "_selected_action": [str(event.pk), str(event.pk + 1000)]},
        follow=True,
    )

    assert response.status_code == 200
    assert "Выбранные записи не найдены" in response.content.decode()
    event.refresh_from_db()
    assert event.is_published
    assert Event.objects.count() == 1


def test_an_action_on_known_ids_still_runs(admin_site):
    event = EventFactory(is_published=True)

    admin_site.post(reverse("admin:events_event_changelist"), {"action": "unpublish", "_selected_action": [event.pk]})

    event.refresh_from_db()
    assert not event.is_published


@pytest.mark.parametrize(
    ("url", "action"),
    [
        ("admin:agreements_library_changelist", "export_xlsx"),
        ("admin:agreements_agreement_changelist", "delete_selected"),
        ("admin:agreements_contact_changelist", "delete_selected"),
        ("admin:portal_membership_changelist", "send_again"),
    ],
)
def test_other_registries_actions_answer_crafted_ids_with_a_message(admin_site, url, action):
    AgreementFactory(partner=LibraryFactory())

    response = admin_site.post(reverse(url), {"action": action, "_selected_action": ["abc"]}, follow=True)

    assert response.status_code == 200
    assert "Выбранные записи не найдены" in response.content.decode()
