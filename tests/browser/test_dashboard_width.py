"""The dashboard in a real Chromium at 1366 px, the laptops the methodologists use: no sideways scrolling, the blocks
side by side. A screenshot lands in <project>/screenshots/ (git-ignored)."""

import pytest
from django.urls import reverse

from core.models import Status
from tests.dashboard.moments import at, days
from tests.factories import AgreementFactory, EventFactory, HostLibraryFactory, LibraryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LONG = "Межрегиональный телемост «Путь к Солнцу: сказки народов Сибири, Урала и Казахстана для детей и родителей»"


def test_the_dashboard_fits_a_1366_px_screen(live_server, client, methodologist, new_context, shot):
    host = HostLibraryFactory()
    AgreementFactory(partner=LibraryFactory(short_name="Центральная городская детская библиотека им. А.П. Гайдара"))
    for i in range(10):
        EventFactory(title=f"{LONG} {i}", organiser=host, starts_at=at(days(1 + i % 4)))
        EventFactory(title=f"Семинар {i}", organiser=host, starts_at=at(days(-3 - i)), status=Status.PLANNED)
    client.force_login(methodologist)
    session = client.cookies["sessionid"].value

    context = new_context(viewport={"width": 1366, "height": 768})
    context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
    page = context.new_page()
    page.goto(live_server.url + reverse("admin:index"))
    assert page.locator("#coop-dashboard-title").inner_text() == "Что требует внимания"
    assert page.evaluate("document.documentElement.scrollWidth") <= 1366
    columns = page.evaluate(
        "getComputedStyle(document.querySelector('.coop-dashboard__groups')).gridTemplateColumns.split(' ')"
    )
    assert len(columns) >= 3
    shot(page, "dashboard-1366")
