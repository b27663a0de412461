"""The dashboard in a real Chromium at 1366 px, the laptops the methodologists use: no sideways scrolling, the blocks
side by side. A screenshot lands in <project>/screenshots/ (git-ignored)."""

from pathlib import Path

import pytest
from django.urls import reverse

from coopnet.models import Status
from tests.dashboard.moments import at, days
from tests.factories import AgreementFactory, EventFactory, HostLibraryFactory, LibraryFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
LONG = "Межрегиональный телемост «Путь к Солнцу: сказки народов Сибири, Урала и Казахстана для детей и родителей»"


@pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no Chromium on this machine")
def test_the_dashboard_fits_a_1366_px_screen(live_server, client, methodologist, monkeypatch):
    # Playwright's loop shares the test's thread; the test's own ORM calls are plain synchronous code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    host = HostLibraryFactory()
    AgreementFactory(partner=LibraryFactory(short_name="Центральная городская детская библиотека им. А.П. Гайдара"))
    for i in range(10):
        EventFactory(title=f"{LONG} {i}", organiser=host, starts_at=at(days(1 + i % 4)))
        EventFactory(title=f"Семинар {i}", organiser=host, starts_at=at(days(-3 - i)), status=Status.PLANNED)
    client.force_login(methodologist)
    session = client.cookies["sessionid"].value

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="ru-RU")
            context.add_cookies([{"name": "sessionid", "value": session, "url": live_server.url}])
            page = context.new_page()
            page.goto(live_server.url + reverse("admin:index"))
            assert page.locator("#coop-dashboard-title").inner_text() == "Что требует внимания"
            assert page.evaluate("document.documentElement.scrollWidth") <= 1366
            columns = page.evaluate(
                "getComputedStyle(document.querySelector('.coop-dashboard__groups')).gridTemplateColumns.split(' ')"
            )
            assert len(columns) >= 3
            SCREENSHOTS.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOTS / "dashboard-1366.png"), full_page=True)
        finally:
            browser.close()
