"""Cancelled and postponed activities, «итоги» and unknown figures: accessible, readable in every scheme."""

import datetime

import pytest

from core.models import Status
from tests.browser.test_accessibility_scan import scan
from tests.factories import (
    ContestFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.browser


def build():
    """(label, URL name, slug) of a page for each kind of activity called off."""
    host = HostLibraryFactory()
    event = TelebridgeFactory(organiser=host, status=Status.CANCELLED, results="Встречу провели в другой раз.")
    EventFactory(organiser=host, status=Status.POSTPONED, rescheduled_to=datetime.date(2030, 4, 15))
    exhibition = ExhibitionFactory(status=Status.POSTPONED, results="Выставка поедет весной.")
    ExhibitionStopFactory(exhibition=exhibition, venue=host, visitors=640, excursions=None)
    ExhibitionStopFactory(exhibition=exhibition, venue=LibraryFactory(), visitors=None, status=Status.CANCELLED)
    ExhibitionStopFactory(exhibition=exhibition, venue=LibraryFactory(), starts_on=datetime.date(2020, 3, 15))
    contest = ContestFactory(status=Status.CANCELLED)
    return [
        ("event-cancelled", "events:detail", (event.slug,)),
        ("home", "site:home", ()),
        ("events", "events:list", ()),
        ("exhibitions", "exhibitions:list", ()),
        ("exhibition-postponed", "exhibitions:detail", (exhibition.slug,)),
        ("contest-cancelled", "contests:detail", (contest.slug,)),
        ("contests", "contests:list", ()),
    ]


@pytest.mark.parametrize("scheme", ["", "wb"])
def test_called_off_pages_have_no_serious_accessibility_problems(new_context, url, shot, live_server, scheme):
    pages = build()
    context = new_context()
    if scheme:
        context.add_cookies([{"name": "lv_scheme", "value": scheme, "url": live_server.url}])
    page = context.new_page()
    failures = []
    for label, name, args in pages:
        page_url = url(name, *args)
        assert page.goto(page_url).status == 200
        failures += scan(page, f"{label} {scheme}".strip(), page_url)
        if label == "event-cancelled":
            assert page.get_by_text("Мероприятие отменено.").is_visible()
            shot(page, f"event-cancelled{'-' + scheme if scheme else ''}")
    assert not failures, "axe-core violations:\n" + "\n".join(failures)
