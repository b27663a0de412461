"""Browser tests: a real Chromium (Debian's /usr/bin/chromium) driven by Playwright's sync API against
pytest-django's `live_server`.

One browser for the whole session; every test gets a fresh context (cookies, storage, time zone) and page.
Screenshots land in <project>/screenshots/ (git-ignored) for people to look at.
"""

import os

# Playwright's sync API runs an asyncio event loop in the test's own thread. Django sees that running loop and,
# to protect async code from blocking database calls, raises SynchronousOnlyOperation on every ORM query the
# test makes (creating rows with factories, reading them back). The test code is plain synchronous code that
# merely shares its thread with Playwright's loop, so the check is a false alarm here: switch it off for the
# browser tests. It must be set before any test touches the database, hence at import time, first thing.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

import contextlib  # noqa: E402
import re  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from django.urls import reverse  # noqa: E402

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Every page waits at most this long for an element or a navigation: a broken page fails fast.
TIMEOUT_MS = 10_000

# The host library's zone; the reader is in Kemerovo unless a test says otherwise.
READER_TZ = "Asia/Novokuznetsk"


@pytest.fixture(scope="session")
def playwright_instance():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance):
    browser = playwright_instance.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser, request):
    """Factory for browser contexts (a fresh profile each), closed at the end of the test."""
    contexts = []

    def make(**options):
        options = {
            "locale": "ru-RU",
            "timezone_id": READER_TZ,
            "viewport": {"width": 1280, "height": 900},
            "accept_downloads": True,
            **options,
        }
        context = browser.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        context.set_default_navigation_timeout(TIMEOUT_MS)
        # The latest page of the test is the one to photograph if the test fails.
        context.on("page", lambda page: setattr(request.node, "_browser_page", page))
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        # A request still being fulfilled by a route handler (a stylesheet, the favicon) must not fail the
        # test once the test is over.
        for page in context.pages:
            page.unroute_all(behavior="ignoreErrors")
        context.unroute_all(behavior="ignoreErrors")
        context.close()


@pytest.fixture
def page(new_context):
    return new_context().new_page()


@pytest.fixture
def url(live_server):
    """url("events:detail", slug) → absolute URL on the live server."""

    def make(name, *args, query=""):
        path = reverse(name, args=args)
        return f"{live_server.url}{path}{'?' + query if query else ''}"

    return make


@pytest.fixture
def shot(request):
    """shot(page, "step") saves screenshots/<test>--<step>.png (full page)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    test_name = safe_name(request.node.name)

    def take(page, step):
        path = SCREENSHOTS / f"{test_name}--{step}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Run the browser tests after everything else, keeping their own order.

    They use `live_server`, so each one ends by flushing the test database, which also removes the rows data
    migrations made (the «Методисты» and «Руководители» groups). pytest-django already runs them after the tests
    that declare a database fixture, but a test that reaches the database only through
    request.getfixturevalue() counts as database-free and is sorted after them. Last, they cannot pull the
    ground from under anyone; and the quick tests report first.
    """
    browser = [item for item in items if item.get_closest_marker("browser")]
    if browser:
        rest = [item for item in items if not item.get_closest_marker("browser")]
        items[:] = rest + browser


def safe_name(name: str) -> str:
    return re.sub(r"[^\w.-]+", "_", name).strip("_")


def failure_shot(item) -> Path:
    return SCREENSHOTS / f"FAILED-{safe_name(item.name)}.png"


def pytest_runtest_setup(item):
    """A failure screenshot from an earlier run must not outlive the test passing now."""
    failure_shot(item).unlink(missing_ok=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    """On a failed browser test, keep a screenshot of where the page was when it failed."""
    report = yield
    page = getattr(item, "_browser_page", None)
    if report.when == "call" and report.failed and page is not None and not page.is_closed():
        SCREENSHOTS.mkdir(exist_ok=True)
        with contextlib.suppress(Exception):  # a screenshot must never hide the real failure
            page.screenshot(path=str(failure_shot(item)), full_page=True)
    return report
