"""A stop of an exhibition cancelled or postponed as a whole stands as the exhibition does, whatever the stop's own
status says: asked of nobody, listed nowhere as awaiting confirmation, counted nowhere — on every page that shows
it (the partner portal, the reminders, the admin's dashboard and list, the annual and the partner's report, the
public exhibition page)."""

import datetime
import io
import re

import pytest
import time_machine
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from core.models import AWAITING_CONFIRMATION, Status
from exhibitions.models import ExhibitionStop
from tests.factories import (
    KEMEROVO,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    MembershipFactory,
)

pytestmark = pytest.mark.django_db
D = datetime.date
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=KEMEROVO)
TODAY = NOW.date()
CALLED_OFF = [Status.CANCELLED, Status.POSTPONED]


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def partner():
    return LibraryFactory(short_name="Томская ОДЮБ")


@pytest.fixture
def member(partner):
    return MembershipFactory(library=partner, user__username="anna@example.org")


def called_off_exhibition(host, partner, status):
    """An exhibition called off as a whole with a stop at the partner in each state a stop's own status and dates
    allow: over and still «запланировано», ahead and «запланировано», and marked held with its figures."""
    exhibition = ExhibitionFactory(title="Выставка «Книги Сибири»", provider=host, status=status)
    return {
        "exhibition": exhibition,
        "over": ExhibitionStopFactory(
            exhibition=exhibition, venue=partner, starts_on=D(2026, 6, 1), ends_on=D(2026, 6, 13)
        ),
        "ahead": ExhibitionStopFactory(
            exhibition=exhibition, venue=partner, starts_on=D(2026, 7, 1), ends_on=D(2026, 7, 31)
        ),
        "held": ExhibitionStopFactory(
            exhibition=exhibition,
            venue=partner,
            starts_on=D(2026, 3, 1),
            ends_on=D(2026, 3, 31),
            status=Status.HELD,
            visitors=120,
            excursions=4,
        ),
    }


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("status", CALLED_OFF)
def test_every_stop_stands_as_its_exhibition_on_the_model(host, partner, status):
    stops = called_off_exhibition(host, partner, status)
    for key in ("over", "ahead", "held"):
        stop = ExhibitionStop.objects.get(pk=stops[key].pk)
        assert stop.status_on(TODAY) == status, key
        assert stop.is_called_off, key


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_partner_is_not_asked_to_answer_a_stop_of_a_called_off_exhibition(host, partner, member, status):
    stop = called_off_exhibition(host, partner, status)["ahead"]
    portal = logged_in(member.user)
    page = portal.get(reverse("portal:stop", args=[stop.pk]))
    assert page.status_code == 200
    assert page.context["answer_form"] is None

    refused = portal.post(reverse("portal:stop", args=[stop.pk]), {"action": "answer", "answer": "confirmed"})
    assert refused.status_code == 400
    assert ExhibitionStop.objects.get(pk=stop.pk).answer == ""


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_partner_enters_no_figures_for_a_stop_of_a_called_off_exhibition(host, partner, member, status):
    stop = called_off_exhibition(host, partner, status)["over"]
    portal = logged_in(member.user)
    page = portal.get(reverse("portal:stop", args=[stop.pk]))
    assert page.context["figures_form"] is None
    assert not page.context["awaiting"]

    refused = portal.post(reverse("portal:stop", args=[stop.pk]), {"action": "figures", "visitors": "40"})
    assert refused.status_code == 400
    assert ExhibitionStop.objects.get(pk=stop.pk).visitors is None


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_portal_home_waits_for_nothing_from_a_called_off_exhibition(host, partner, member, status):
    called_off_exhibition(host, partner, status)
    home = logged_in(member.user).get(reverse("portal:home"))
    assert home.context["waiting_answers"] == []
    assert home.context["waiting_figures"] == []


@pytest.mark.parametrize("status", CALLED_OFF)
def test_no_reminder_email_asks_for_the_figures_of_a_called_off_exhibition(host, partner, member, status):
    called_off_exhibition(host, partner, status)
    out = io.StringIO()
    call_command("send_reminders", "--today", "2026-06-14", stdout=out, stderr=io.StringIO())
    assert not [m for m in mail.outbox if "Книги Сибири" in m.subject or "Книги Сибири" in m.body]


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_dashboard_lists_no_stop_of_a_called_off_exhibition(host, partner, methodologist, status):
    called_off_exhibition(host, partner, status)
    page = logged_in(methodologist).get(reverse("admin:index"))
    assert page.status_code == 200
    assert "Книги Сибири" not in page.content.decode()


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_admin_filters_every_stop_of_a_called_off_exhibition_by_the_exhibitions_status(
    host, partner, methodologist, status
):
    stops = called_off_exhibition(host, partner, status)
    admin = logged_in(methodologist)
    url = reverse("admin:exhibitions_exhibitionstop_changelist")

    def listed(value):
        response = admin.get(url, {"status": value})
        assert response.status_code == 200
        return {row.pk for row in response.context["cl"].result_list}

    assert listed(AWAITING_CONFIRMATION) == set()
    assert listed(Status.HELD) == set()
    assert listed(Status.PLANNED) == set()
    assert listed(status) == {stop.pk for stop in stops.values() if isinstance(stop, ExhibitionStop)}


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_annual_report_neither_counts_nor_awaits_a_stop_of_a_called_off_exhibition(
    host, partner, methodologist, status
):
    called_off_exhibition(host, partner, status)
    page = logged_in(methodologist).get(reverse("reports:index"), {"year": 2026})
    report = page.context["report"]
    [item] = [item for item in report.statuses.items if "Книги Сибири" in item.title]
    assert item.status == status
    assert "ждёт подтверждения" not in item.detail
    assert report.statuses.with_status(AWAITING_CONFIRMATION) == []
    assert report.direction("exhibitions").count == 0


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_partners_report_counts_no_figure_of_a_called_off_exhibition(host, partner, member, status):
    called_off_exhibition(host, partner, status)
    page = logged_in(member.user).get(reverse("portal:report"), {"year": 2026})
    report = page.context["report"]
    [activity] = report.activities
    assert activity.status == status and not activity.held
    assert {figure.status for figure in activity.figures} == {status}
    assert not any(figure.counted for figure in activity.figures)
    assert report.totals.stops == 0 and report.totals.stop_visitors == 0 and report.totals.figures == 0


@pytest.mark.parametrize("status", CALLED_OFF)
def test_the_public_page_counts_no_visitors_of_a_called_off_exhibition(client, host, partner, status):
    exhibition = called_off_exhibition(host, partner, status)["exhibition"]
    page = client.get(reverse("exhibitions:detail", args=[exhibition.slug]))
    assert page.status_code == 200
    assert page.context["visitors_total"]["sum"] is None
    assert page.context["excursions_total"]["sum"] is None
    assert not any(stop.has_figures or stop.is_current for stop in page.context["stops"])
    assert not re.search(r"<td>\s*120\s*</td>", page.content.decode())
