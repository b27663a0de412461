"""Every portal URL for every kind of visitor: anonymous, a partner of library A, a partner of library B, a
methodologist and a superuser. A partner reaches only its own library's records; anything else is a 404 (never a
403), by URL or by a form field; the host's staff use the admin, so the portal's pages are a 404 for them too."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from agreements.models import Amendment
from core.models import Status
from events.models import Participation
from tests.factories import (
    AgreementFactory,
    ContestFactory,
    CuratorFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    ParticipationFactory,
    TelebridgeFactory,
)
from tests.portal.helpers import partner_user

pytestmark = pytest.mark.django_db

OK, LOGIN, NOT_FOUND = 200, 302, 404


@pytest.fixture
def world(methodologist, superuser):
    host = HostLibraryFactory()
    library_a, library_b = LibraryFactory(), LibraryFactory()
    today = timezone.localdate()
    records = {}
    agreement = AgreementFactory(partner=library_a)
    agreement.scan.save("a.pdf", ContentFile(b"%PDF-1.4 A"), save=True)
    amendment = Amendment.objects.create(agreement=agreement, signed_on=agreement.signed_on, summary="Новый срок")
    amendment.scan.save("am.pdf", ContentFile(b"%PDF-1.4 AM"), save=True)
    event = TelebridgeFactory(organiser=host, starts_at=timezone.now() - datetime.timedelta(days=1), status=Status.HELD)
    row = ParticipationFactory(event=event, library=library_a, role=Participation.Role.SITE)
    stop = ExhibitionStopFactory(
        exhibition=ExhibitionFactory(provider=host),
        venue=library_a,
        starts_on=today + datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=20),
    )
    contest = ContestFactory(
        organiser=host,
        submissions_from=today + datetime.timedelta(days=3),
        submissions_until=today + datetime.timedelta(days=30),
        results_on=today + datetime.timedelta(days=40),
    )
    curator = CuratorFactory(contest=contest, library=library_a)
    records.update(agreement=agreement, amendment=amendment, row=row, stop=stop, curator=curator)
    visitors = {
        "anonymous": None,
        "partner_a": partner_user(library_a),
        "partner_b": partner_user(library_b),
        "methodologist": methodologist,
        "superuser": superuser,
    }
    return records, visitors


def _pages(records):
    """(URL, whether it is a record of library A)."""
    return [
        (reverse("portal:home"), False),
        (reverse("portal:activities"), False),
        (reverse("portal:proposals"), False),
        (reverse("portal:proposal_new"), False),
        (reverse("portal:report") + "?year=2020", False),
        (reverse("portal:report_download", args=[2020, "xlsx"]), False),
        (reverse("portal:report_download", args=[2020, "docx"]), False),
        (reverse("portal:agreement", args=[records["agreement"].pk]), True),
        (reverse("portal:agreement_scan", args=[records["agreement"].pk]), True),
        (reverse("portal:amendment_scan", args=[records["amendment"].pk]), True),
        (reverse("portal:participation", args=[records["row"].pk]), True),
        (reverse("portal:stop", args=[records["stop"].pk]), True),
        (reverse("portal:curatorship", args=[records["curator"].pk]), True),
        # Ids nobody has: a 404 for a partner as for everyone.
        (reverse("portal:agreement", args=[987654]), None),
        (reverse("portal:participation", args=[987654]), None),
        (reverse("portal:stop", args=[987654]), None),
        (reverse("portal:curatorship", args=[987654]), None),
    ]


def expected(who: str, own_record: bool | None) -> int:
    if who == "anonymous":
        return LOGIN
    if who in ("methodologist", "superuser"):
        return NOT_FOUND  # the host's staff work in the admin
    if own_record is None:
        return NOT_FOUND
    if who == "partner_b" and own_record:
        return NOT_FOUND
    return OK


def test_every_portal_page_answers_each_visitor_as_expected(client, world):
    records, visitors = world
    mismatches = []
    for url, own in _pages(records):
        for who, user in visitors.items():
            client.logout()
            if user is not None:
                client.force_login(user)
            got = client.get(url).status_code
            if got != expected(who, own):
                mismatches.append(f"{who} {url}: {got}, expected {expected(who, own)}")
    assert not mismatches, "\n".join(mismatches)


def test_another_librarys_rows_cannot_be_changed_by_post(client, world):
    records, visitors = world
    client.force_login(visitors["partner_b"])
    row, stop, curator = records["row"], records["stop"], records["curator"]
    posts = [
        (reverse("portal:participation", args=[row.pk]), {"action": "figures", "participants_count": "5"}),
        (reverse("portal:stop", args=[stop.pk]), {"action": "answer", "answer": "declined", "comment": "x"}),
        (reverse("portal:curatorship", args=[curator.pk]), {"action": "answer", "answer": "declined", "comment": "x"}),
    ]
    for url, data in posts:
        assert client.post(url, data).status_code == NOT_FOUND, url
    row.refresh_from_db()
    stop.refresh_from_db()
    curator.refresh_from_db()
    assert (row.participants_count, stop.answer, curator.answer) == (None, "", "")


def test_a_partners_own_row_cannot_be_used_to_change_fields_it_does_not_offer(client, world):
    """A crafted POST naming another library or the host's figures changes nothing but the partner's own row."""
    records, visitors = world
    client.force_login(visitors["partner_a"])
    row = records["row"]
    data = {
        "action": "figures",
        "participants_count": "12",
        "library": LibraryFactory().pk,
        "event": 987654,
        "role": "organiser",
        "figures_by_partner": "",
    }
    assert client.post(reverse("portal:participation", args=[row.pk]), data).status_code == 302
    row.refresh_from_db()
    assert row.participants_count == 12
    assert row.role == Participation.Role.SITE
    assert row.library.pk != data["library"]


def test_a_deactivated_partner_account_reaches_nothing(client, world):
    records, visitors = world
    user = visitors["partner_a"]
    user.is_active = False
    user.save()
    client.force_login(user)
    assert client.get(reverse("portal:home")).status_code in (LOGIN, NOT_FOUND)
