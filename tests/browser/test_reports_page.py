"""The report page in a real Chromium: no serious axe findings, nothing wider than a phone, works under a
strict Content-Security-Policy, and the download links give the files."""

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.reports.conftest import scenario  # noqa: F401  (the hand-counted year the report is checked against)

pytestmark = pytest.mark.browser

STRICT_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
    "base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
# The page's width against the window's, and the first elements sticking out on the right.
WIDTHS = """() => {
  const inner = window.innerWidth, scroll = document.documentElement.scrollWidth;
  const culprits = Array.from(document.querySelectorAll('body *'))
    .filter(el => !el.closest('.report-scroll, .report-chart'))
    .filter(el => el.getBoundingClientRect().right > inner + 1).slice(0, 6)
    .map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + '.' + (el.getAttribute('class') || ''));
  return {inner, scroll, culprits};
}"""
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]},
    "resultTypes": ["violations"],
}


@pytest.fixture
def manager_page(live_server, new_context, manager, scenario):  # noqa: F811
    client = Client()
    client.force_login(manager)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME]
    context = new_context()
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie.value, "url": live_server.url}])
    page = context.new_page()
    violations = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)

    def with_csp(route):
        response = route.fetch()
        route.fulfill(response=response, headers={**response.headers, "content-security-policy": STRICT_CSP})

    page.route(f"{live_server.url}/**", with_csp)
    page.csp_violations = violations
    return page


def _open(page, live_server, year=2020):
    response = page.goto(f"{live_server.url}{reverse('reports:index')}?year={year}")
    assert response.status == 200


def test_report_page_has_no_serious_accessibility_problems(manager_page, live_server):
    from axe_playwright_python.sync_playwright import Axe

    _open(manager_page, live_server)
    results = Axe().run(manager_page, options=AXE_OPTIONS)
    serious = [
        (v["id"], v["nodes"][0]["target"])
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


def test_report_page_fits_a_320px_screen(manager_page, live_server):
    manager_page.set_viewport_size({"width": 320, "height": 640})
    _open(manager_page, live_server)
    widths = manager_page.evaluate(WIDTHS)
    assert widths["scroll"] <= widths["inner"], widths["culprits"]


def test_report_page_works_under_a_strict_csp(manager_page, live_server):
    _open(manager_page, live_server)
    assert manager_page.locator("h1").inner_text() == "Отчёт о сотрудничестве за 2020 год"
    # The stylesheet applied: the figure cards are laid out as a grid.
    assert manager_page.locator("#participants").evaluate("el => getComputedStyle(el).display") == "grid"
    assert manager_page.csp_violations == []


def test_year_picker_and_download_link(manager_page, live_server):
    _open(manager_page, live_server)
    manager_page.select_option("#report-year-select", "2019")
    manager_page.get_by_role("button", name="Показать").click()
    manager_page.wait_for_url("**/reports/?year=2019")
    assert manager_page.locator("h1").inner_text() == "Отчёт о сотрудничестве за 2019 год"
    with manager_page.expect_download() as download:
        manager_page.get_by_role("link", name="coopnet-report-2019.xlsx").click()
    assert download.value.suggested_filename == "coopnet-report-2019.xlsx"
