"""A cancelled or postponed contest says so and is not listed as taking entries; "awaiting" is for staff only."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from core.models import Status
from tests.agreements.helpers import main_html
from tests.factories import ContestFactory, CuratorFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("host")]
TODAY = datetime.date(2025, 6, 15)
NOW = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC)
OPEN = {
    "submissions_from": datetime.date(2025, 6, 1),
    "submissions_until": datetime.date(2025, 7, 1),
    "results_on": datetime.date(2025, 7, 15),
}


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


def page(client, contest):
    response = client.get(reverse("contests:detail", args=[contest.slug]))
    assert response.status_code == 200
    return main_html(response)


def notice(html):
    match = re.search(r'<p class="status-notice">(.*?)</p>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()) if match else None


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": Status.CANCELLED}, "Конкурс отменён."),
        (
            {"status": Status.POSTPONED, "rescheduled_to": datetime.date(2025, 9, 1)},
            "Конкурс перенесён на 1 сентября 2025.",
        ),
        ({"status": Status.POSTPONED}, "Конкурс перенесён, новые сроки будут объявлены."),
    ],
)
def test_called_off_contest_says_so_instead_of_taking_entries(client, fields, expected):
    html = page(client, ContestFactory(**OPEN, **fields))

    assert notice(html) == expected
    assert "Идёт приём работ" not in html


def test_contest_going_ahead_shows_its_stage_and_no_notice(client):
    html = page(client, ContestFactory(**OPEN, status=Status.PLANNED))

    assert notice(html) is None
    assert "Идёт приём работ" in html


def test_past_planned_contest_never_says_awaiting_confirmation(client):
    html = page(client, ContestFactory(status=Status.PLANNED))  # the factory's dates are in 2020

    assert "ждёт подтверждения" not in html
    assert "Приём работ завершён" in html


def test_list_puts_called_off_contests_apart_and_marks_them(client):
    ContestFactory(title="Идёт как задумано", **OPEN)
    ContestFactory(title="Отменили", status=Status.CANCELLED, **OPEN)

    html = main_html(client.get(reverse("contests:list")))

    open_section = html[html.index('id="stage-open"') : html.index('id="stage-called-off"')]
    assert "Идёт как задумано" in open_section
    assert "Отменили" not in open_section
    assert html.index("Отменённые и перенесённые") < html.index("Отменили")
    assert '<span class="tag tag-called-off">отменено</span>' in html
    assert "2 конкурса" in html


def test_home_does_not_offer_a_postponed_contest_as_open_for_entries(client):
    ContestFactory(
        title="Перенесённый конкурс", status=Status.POSTPONED, rescheduled_to=datetime.date(2025, 9, 1), **OPEN
    )
    ContestFactory(title="Открытый конкурс", **OPEN)

    html = main_html(client.get(reverse("site:home")))

    assert "Открытый конкурс" in html
    assert "Перенесённый конкурс" not in html


@pytest.mark.parametrize("rows", [5, 50])
def test_list_query_count_stays_constant_with_called_off_contests(client, django_assert_max_num_queries, rows):
    for n in range(rows):
        CuratorFactory(contest=ContestFactory(status=[Status.PLANNED, Status.CANCELLED][n % 2], **OPEN))

    with django_assert_max_num_queries(2):
        response = client.get(reverse("contests:list"))

    assert main_html(response).count("tag-called-off") == rows // 2
