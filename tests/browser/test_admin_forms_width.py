"""A contest's entries and an exhibition's route fit a 1366 px wide screen: nothing scrolls sideways."""

import datetime

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse

from tests.factories import (
    ContestFactory,
    CuratorFactory,
    EntryFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    NominationFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

LAPTOP = {"width": 1366, "height": 768}
OPEN_EVERY_GROUP = "document.querySelectorAll('details').forEach(details => { details.open = true; })"
# How far the page reaches past the screen's right edge, counting what a box scrolls sideways inside itself.
OVERFLOW = """() => {
    let right = document.documentElement.scrollWidth;
    for (const element of document.querySelectorAll("#content-main *")) {
        const box = element.getBoundingClientRect();
        if (box.width) right = Math.max(right, box.right);
        const scrolls = ["auto", "scroll"].includes(getComputedStyle(element).overflowX);
        if (scrolls && element.scrollWidth > element.clientWidth + 1) {
            right = Math.max(right, box.left + element.scrollWidth);
        }
    }
    return right - document.documentElement.clientWidth;
}"""


@pytest.fixture
def staff_page(new_context, live_server, superuser):  # noqa: F811
    client = Client()
    client.force_login(superuser)
    context = new_context(viewport=LAPTOP)
    cookie = client.cookies[settings.SESSION_COOKIE_NAME].value
    context.add_cookies([{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": live_server.url}])
    return context.new_page()


def overflow_of(page, url) -> int:
    page.goto(url)
    page.evaluate(OPEN_EVERY_GROUP)
    return page.evaluate(OVERFLOW)


def test_the_contest_page_with_its_entries_fits(staff_page, live_server):
    host = HostLibraryFactory()
    contest = ContestFactory(title="Вдумчивый читатель")
    CuratorFactory(contest=contest, library=host)
    essay = NominationFactory(contest=contest, name="Отзыв на книгу из каталога «100 новых лучших книг»")
    for index in range(3):
        EntryFactory(
            contest=contest,
            entrant_name=f"Участница из Кемерова {index}",
            school="МБОУ «Средняя общеобразовательная школа № 92 с углублённым изучением отдельных предметов»",
            work_title="Рецензия на книгу из каталога «100 новых лучших книг для детей и подростков»",
            curator=host,
            nomination=essay,
        )
    url = live_server.url + reverse("admin:contests_contest_change", args=[contest.pk])
    assert overflow_of(staff_page, url) <= 0


def test_the_exhibition_page_with_its_route_fits(staff_page, live_server):
    exhibition = ExhibitionFactory(title="Сказки народов Кузбасса")
    for month in (3, 5):
        ExhibitionStopFactory(
            exhibition=exhibition,
            venue=LibraryFactory(short_name="Хабаровская краевая детская библиотека им. Н. Д. Наволочкина"),
            starts_on=datetime.date(2027, month, 1),
            ends_on=datetime.date(2027, month, 28),
            notes="Экскурсии для школьников по записи",
        )
    url = live_server.url + reverse("admin:exhibitions_exhibition_change", args=[exhibition.pk])
    assert overflow_of(staff_page, url) <= 0
