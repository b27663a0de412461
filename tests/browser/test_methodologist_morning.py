"""A methodologist's morning in a real Chromium at 1366 px: the dashboard names an agreement that ends soon and
yesterday's telebridge nobody marked; she adds the supplementary agreement that extends the term, then marks the
telebridge held with each site's readers. No form scrolls sideways; what she saved is what the database holds."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from agreements.models import Agreement
from core.models import Status
from events.models import Event, Participation
from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    HostLibraryFactory,
    LibraryFactory,
    ParticipationFactory,
    TelebridgeFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
SIDEWAYS = "document.documentElement.scrollWidth - document.documentElement.clientWidth"


def _ru(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


@pytest.fixture
def morning(db):
    today = timezone.localdate()
    host = HostLibraryFactory()
    khabarovsk = LibraryFactory(
        short_name="ХКДБ им. Н.Д. Наволочкина", city="Хабаровск", region="Хабаровский край", timezone="Asia/Vladivostok"
    )
    agreement = AgreementFactory(
        partner=khabarovsk, number="12/С", signed_on=today - datetime.timedelta(days=3 * 365), valid_until=None
    )
    Agreement.objects.filter(pk=agreement.pk).update(valid_until=today + datetime.timedelta(days=30))
    yesterday = datetime.datetime.combine(today - datetime.timedelta(days=1), datetime.time(11), tzinfo=KEMEROVO)
    bridge = TelebridgeFactory(
        title="Телемост «Хабаровский край! Он почти бесконечный»",
        organiser=host,
        starts_at=yesterday,
        ends_at=yesterday + datetime.timedelta(hours=1),
        format=Event.Format.HYBRID,
        status=Status.PLANNED,
        participants_count=None,
    )
    ParticipationFactory(event=bridge, library=host, role=Participation.Role.ORGANISER)
    ParticipationFactory(event=bridge, library=khabarovsk, role=Participation.Role.SITE)
    return agreement, bridge, today


def test_a_methodologists_morning(live_server, client, methodologist, new_context, shot, morning):
    agreement, bridge, today = morning
    client.force_login(methodologist)
    context = new_context(viewport=LAPTOP)
    context.add_cookies([{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}])
    page = context.new_page()

    page.goto(live_server.url + reverse("admin:index"))
    assert page.evaluate(SIDEWAYS) == 0
    page.locator("#dashboard-agreements-expiring a", has_text="ХКДБ").first.click()
    page.wait_for_url(f"**/agreements/agreement/{agreement.pk}/change/")

    # The supplementary agreement that extends the term by a year.
    extended = today + datetime.timedelta(days=395)
    page.locator(".inline-group .add-row a").first.click()
    page.fill("#id_amendments-0-number", "1")
    page.fill("#id_amendments-0-signed_on", _ru(today))
    page.fill("#id_amendments-0-new_valid_until", _ru(extended))
    page.fill("#id_amendments-0-summary", "Срок действия соглашения продлён на год.")
    assert page.evaluate(SIDEWAYS) == 0
    shot(page, "agreement-with-amendment")
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1, page.locator(".errorlist").all_inner_texts()
    agreement.refresh_from_db()
    assert agreement.valid_until == extended
    assert agreement.amendments.get().number == "1"
    assert "Дополнительное соглашение" in page.locator("body").inner_text()

    # Yesterday's telebridge, still «запланировано»: held, with each site's readers.
    page.goto(live_server.url + reverse("admin:index"))
    page.locator("#dashboard-awaiting-events a", has_text="Хабаровский край").first.click()
    page.wait_for_url(f"**/events/event/{bridge.pk}/change/")
    page.select_option("#id_status", Status.HELD.value)
    sites = {p.library.short_name: i for i, p in enumerate(bridge.participations.order_by("pk"))}
    for name, count in (("Библиотека Кузбасса для детей и молодёжи", "25"), ("ХКДБ им. Н.Д. Наволочкина", "40")):
        page.fill(f"#id_participations-{sites[name]}-participants_count", count)
    assert page.evaluate(SIDEWAYS) == 0
    shot(page, "telebridge-attendance")
    page.click("input[name=_save]")
    page.wait_for_load_state()
    assert page.locator(".messagelist .success").count() == 1, page.locator(".errorlist").all_inner_texts()

    bridge.refresh_from_db()
    assert bridge.status == Status.HELD
    assert bridge.attendance == 65
