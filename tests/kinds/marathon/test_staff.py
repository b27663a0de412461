"""The marathon on the staff's dashboard, with no line about it in the dashboard: a past marathon nobody marked
held, a held marathon's site without its count, a draft, and a partner's answer about its site."""

import datetime

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from core.models import PartnerAnswer, Status
from tests.factories import HostLibraryFactory, LibraryFactory

from .factories import MarathonFactory, MarathonSiteFactory

TODAY = datetime.date(2026, 12, 2)


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(datetime.datetime(2026, 12, 2, 12, tzinfo=datetime.UTC), tick=False):
        yield


@pytest.fixture
def host(db):
    return HostLibraryFactory()


def dashboard_block(client, user, group_key, block_key):
    client.force_login(user)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    group = next(g for g in response.context["dashboard"].groups if g.key == group_key)
    return next(b for b in group.blocks if b.key == block_key), response.content.decode()


def test_a_past_marathon_nobody_marked_awaits_confirmation(client, methodologist, host):
    forgotten = MarathonFactory(
        organiser=host, title="Забытый марафон", starts_on=TODAY - datetime.timedelta(days=20),
        ends_on=TODAY - datetime.timedelta(days=2),
    )  # fmt: skip
    MarathonFactory(organiser=host, starts_on=TODAY - datetime.timedelta(days=1), ends_on=TODAY)  # not over yet

    found, page = dashboard_block(client, methodologist, "awaiting", "marathons")

    assert (found.total, [item.label for item in found.items]) == (1, ["Забытый марафон"])
    assert reverse("admin:marathon_marathon_change", args=[forgotten.pk]) in page
    assert client.get(found.url).context["cl"].result_count == 1


def test_a_held_marathons_site_without_its_count_is_a_gap(client, methodologist, host):
    held = MarathonFactory(organiser=host, status=Status.HELD, starts_on=TODAY - datetime.timedelta(days=9))
    MarathonSiteFactory(marathon=held, library=LibraryFactory(short_name="Томская ОДЮБ"))
    MarathonSiteFactory(marathon=held, participants_count=0)  # zero is known

    found, _page = dashboard_block(client, methodologist, "attendance", "marathon_sites")

    assert (found.total, found.items[0].note) == (1, "Томская ОДЮБ")
    assert client.get(found.url).context["cl"].result_count == 1


def test_a_draft_marathon_is_listed_with_the_drafts(client, methodologist, host):
    MarathonFactory(organiser=host, title="Черновик марафона", is_published=False)

    found, _page = dashboard_block(client, methodologist, "drafts", "marathon")

    assert [item.label for item in found.items] == ["Черновик марафона"]


def test_a_partners_refusal_of_its_site_reaches_the_dashboard(client, methodologist, host):
    planned = MarathonFactory(organiser=host, title="Летний марафон", starts_on=TODAY + datetime.timedelta(days=30),
                              ends_on=TODAY + datetime.timedelta(days=40))  # fmt: skip
    site = MarathonSiteFactory(marathon=planned, library=LibraryFactory(short_name="Омская ОДБ"))
    site.record_answer(None, PartnerAnswer.DECLINED, "Ремонт зала")
    site.answered_at = timezone.now()
    site.save()

    found, _page = dashboard_block(client, methodologist, "partners", "declined")

    assert [(item.label, item.note) for item in found.items] == [
        ("Летний марафон", "Омская ОДБ: отказалась — Ремонт зала")
    ]
