"""The marathon in the partner portal, with no line about it in portal/: a partner library sees its site among its
joint work, confirms taking part while the marathon is planned, and enters its participants once it took place."""

import datetime
import io

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from core.models import PartnerAnswer, Status
from tests.factories import HostLibraryFactory, LibraryFactory, MembershipFactory
from tests.portal.helpers import partner_user

from .factories import MarathonFactory, MarathonSiteFactory

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 12, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def library():
    return LibraryFactory(short_name="Омская ОДБ")


@pytest.fixture
def partner(client, library):
    user = partner_user(library)
    client.force_login(user)
    return user


def planned_site(library):
    marathon = MarathonFactory(
        organiser=HostLibraryFactory(), title="Зимний марафон", starts_on=TODAY + datetime.timedelta(days=10),
        ends_on=TODAY + datetime.timedelta(days=20),
    )  # fmt: skip
    return MarathonSiteFactory(marathon=marathon, library=library)


def held_site(library):
    marathon = MarathonFactory(
        organiser=HostLibraryFactory(), title="Осенний марафон", status=Status.HELD,
        starts_on=TODAY - datetime.timedelta(days=20), ends_on=TODAY - datetime.timedelta(days=10),
    )  # fmt: skip
    return MarathonSiteFactory(marathon=marathon, library=library)


def test_the_home_page_asks_for_an_answer(client, partner, library):
    site = planned_site(library)

    page = client.get(reverse("portal:home")).content.decode()

    assert "Зимний марафон" in page
    assert reverse("portal:row", args=["marathons", site.pk]) in page


def test_the_partner_confirms_taking_part(client, partner, library):
    site = planned_site(library)
    address = reverse("portal:row", args=["marathons", site.pk])

    response = client.post(address, {"action": "answer", "answer": PartnerAnswer.CONFIRMED, "comment": ""})

    assert response.status_code == 302
    site.refresh_from_db()
    assert (site.answer, site.answered_by) == (PartnerAnswer.CONFIRMED, partner)


def test_the_partner_enters_its_participants_once_it_took_place(client, partner, library):
    site = held_site(library)
    address = reverse("portal:row", args=["marathons", site.pk])
    assert "Осенний марафон" in client.get(reverse("portal:home")).content.decode()

    response = client.post(address, {"action": "figures", "participants_count": "35", "results_note": "Читали Бажова"})

    assert response.status_code == 302
    site.refresh_from_db()
    assert (site.participants_count, site.figures_by_partner, site.figures_entered_by) == (35, True, partner)


def test_figures_are_refused_while_it_is_ahead(client, partner, library):
    site = planned_site(library)

    response = client.post(
        reverse("portal:row", args=["marathons", site.pk]), {"action": "figures", "participants_count": "5"}
    )

    assert response.status_code == 400
    site.refresh_from_db()
    assert site.participants_count is None


def test_another_librarys_site_is_not_found(client, partner):
    site = planned_site(LibraryFactory())

    assert client.get(reverse("portal:row", args=["marathons", site.pk])).status_code == 404


def test_its_partner_is_asked_for_its_figures_the_day_after_it_ended(library):
    MembershipFactory(library=library, user__email="omsk@example.org", user__username="omsk@example.org")
    site = held_site(library)
    ended = site.marathon.ends_on

    call_command("send_reminders", "--today", (ended + datetime.timedelta(days=1)).isoformat(), stdout=io.StringIO())

    asked = [m for m in mail.outbox if "omsk@example.org" in m.to]
    assert len(asked) == 1
    assert "Осенний марафон" in asked[0].body
    assert reverse("portal:row", args=["marathons", site.pk]) in asked[0].body
