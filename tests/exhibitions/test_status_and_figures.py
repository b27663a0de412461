"""An exhibition and its stops as they are: cancelled or postponed said so, «итоги», unknown figures never 0."""

import datetime
import re

import pytest
import time_machine
from django.urls import reverse

from core.models import Status
from tests.agreements.helpers import main_html
from tests.factories import ExhibitionFactory, ExhibitionStopFactory, LibraryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("host")]
TODAY = datetime.date(2025, 6, 15)
NOW = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC)


@pytest.fixture(autouse=True)
def frozen_now():
    with time_machine.travel(NOW, tick=False):
        yield


def page(client, exhibition):
    response = client.get(reverse("exhibitions:detail", args=[exhibition.slug]))
    assert response.status_code == 200
    return main_html(response)


def text(html):
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def cells(html):
    """The visitors and excursions of each stop row, then of the totals row, as text."""
    rows = re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)[1:]
    return [[text(cell) for cell in re.findall(r"<td>(.*?)</td>", row, re.S)[-2:]] for row in rows]


def stop(exhibition, start=datetime.date(2025, 3, 1), end=datetime.date(2025, 3, 31), **kwargs):
    return ExhibitionStopFactory(exhibition=exhibition, starts_on=start, ends_on=end, venue=LibraryFactory(), **kwargs)


def notice(html):
    match = re.search(r'<p class="status-notice">(.*?)</p>', html, re.S)
    return text(match.group(1)) if match else None


# Status


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        ({"status": Status.CANCELLED}, "Выставка отменена."),
        (
            {"status": Status.POSTPONED, "rescheduled_to": datetime.date(2025, 9, 1)},
            "Выставка перенесена на 1 сентября 2025.",
        ),
        ({"status": Status.POSTPONED}, "Выставка перенесена, новые даты будут объявлены."),
        ({"status": Status.PLANNED}, None),
        ({"status": Status.HELD}, None),
    ],
)
def test_exhibition_page_says_whether_it_is_called_off(client, fields, expected):
    assert notice(page(client, ExhibitionFactory(**fields))) == expected


def test_a_past_planned_exhibition_never_says_awaiting_confirmation(client):
    exhibition = ExhibitionFactory(status=Status.PLANNED)
    stop(exhibition, visitors=10)

    html = page(client, exhibition)

    assert "ждёт подтверждения" not in html
    assert notice(html) is None


def test_a_cancelled_stop_is_marked_and_never_current(client):
    exhibition = ExhibitionFactory()
    stop(exhibition, TODAY, TODAY, status=Status.CANCELLED)

    html = page(client, exhibition)

    assert '<span class="tag tag-called-off">отменено</span>' in html
    assert "сейчас здесь" not in html


def test_list_marks_a_cancelled_exhibition_and_does_not_call_it_open(client):
    exhibition = ExhibitionFactory(title="Отменённая", status=Status.CANCELLED)
    stop(exhibition, TODAY, TODAY)
    postponed = ExhibitionFactory(
        title="Перенесённая", status=Status.POSTPONED, rescheduled_to=datetime.date(2025, 9, 1)
    )
    stop(postponed, TODAY, TODAY)

    html = main_html(client.get(reverse("exhibitions:list")))

    assert '<span class="tag tag-called-off">отменено</span>' in html
    assert '<span class="tag tag-called-off">перенесено на 1 сентября 2025</span>' in html
    assert "открыта сейчас" not in html


def test_home_lists_only_the_stops_open_today_not_a_postponed_one(client):
    exhibition = ExhibitionFactory(title="Идёт сейчас")
    today = {"starts_on": TODAY, "ends_on": TODAY}
    ExhibitionStopFactory(exhibition=exhibition, venue=LibraryFactory(short_name="Открытая площадка"), **today)
    ExhibitionStopFactory(
        exhibition=exhibition,
        venue=LibraryFactory(short_name="Перенесённая площадка"),
        status=Status.POSTPONED,
        **today,
    )
    cancelled = ExhibitionFactory(title="Отменённая выставка", status=Status.CANCELLED)
    ExhibitionStopFactory(exhibition=cancelled, venue=LibraryFactory(), **today)

    html = main_html(client.get(reverse("site:home")))

    assert "Открытая площадка" in html
    assert "Перенесённая площадка" not in html
    assert "Отменённая выставка" not in html


# «Итоги»


def test_results_are_shown_after_the_description_escaped_with_paragraphs(client):
    exhibition = ExhibitionFactory(description="О выставке.", results="Отзывы <хорошие>.\n\nВыставка поедет дальше.")

    html = page(client, exhibition)

    assert '<h2 id="results-heading">Итоги</h2>' in html
    assert "<p>Отзывы &lt;хорошие&gt;.</p>\n\n<p>Выставка поедет дальше.</p>" in html
    assert html.index("О выставке.") < html.index("Итоги")


def test_no_results_section_until_they_are_written(client):
    assert "results-heading" not in page(client, ExhibitionFactory(results=""))


# Figures: unknown is never 0


def test_unknown_figures_of_a_stop_are_no_data_never_zero(client):
    exhibition = ExhibitionFactory()
    stop(exhibition, visitors=None, excursions=None)

    html = page(client, exhibition)

    assert cells(html) == [["нет данных", "нет данных"]]  # and no totals row: nothing is known
    assert ">0<" not in html


def test_a_known_zero_stays_zero(client):
    exhibition = ExhibitionFactory()
    stop(exhibition, visitors=0, excursions=0)

    assert cells(page(client, exhibition)) == [["0", "0"], ["0", "0"]]


def test_totals_of_known_figures_say_they_are_partial(client):
    exhibition = ExhibitionFactory()
    stop(exhibition, visitors=640, excursions=None)
    stop(exhibition, datetime.date(2025, 4, 1), datetime.date(2025, 4, 30), visitors=None, excursions=None)
    stop(exhibition, datetime.date(2025, 5, 1), datetime.date(2025, 5, 31), visitors=100, excursions=None)

    *_, totals = cells(page(client, exhibition))

    assert totals == ["740 (по известным данным, нет данных по 1 площадке)", "нет данных"]


def test_totals_when_every_figure_is_known(client):
    exhibition = ExhibitionFactory()
    stop(exhibition, visitors=640, excursions=12)
    stop(exhibition, datetime.date(2025, 4, 1), datetime.date(2025, 4, 30), visitors=100, excursions=3)

    *_, totals = cells(page(client, exhibition))

    assert totals == ["740", "15"]


def test_stops_that_did_not_or_have_not_yet_taken_place_are_not_missing_figures(client):
    exhibition = ExhibitionFactory()
    stop(exhibition, visitors=640, excursions=12)
    stop(exhibition, datetime.date(2025, 4, 1), datetime.date(2025, 4, 30), status=Status.CANCELLED)
    stop(exhibition, datetime.date(2025, 9, 1), datetime.date(2025, 9, 30))

    assert cells(page(client, exhibition)) == [["640", "12"], ["—", "—"], ["—", "—"], ["640", "12"]]


def test_when_the_whole_exhibition_is_cancelled_no_stop_has_figures_as_the_report_counts_none(client):
    """A stop stands as its exhibition when that was cancelled as a whole, a stop marked held too
    (`exhibitions.models.stop_standing`): the report counts none of it, and neither does the page."""
    exhibition = ExhibitionFactory(status=Status.CANCELLED)
    stop(exhibition, visitors=640, excursions=12, status=Status.HELD)
    stop(exhibition, datetime.date(2025, 4, 1), datetime.date(2025, 4, 30), status=Status.PLANNED)

    assert cells(page(client, exhibition)) == [["—", "—"], ["—", "—"]]


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_query_count_stays_constant_with_statuses_and_unknown_figures(
    client, django_assert_max_num_queries, rows
):
    exhibition = ExhibitionFactory(status=Status.POSTPONED, results="Итоги.")
    statuses = [Status.HELD, Status.CANCELLED, Status.POSTPONED]
    for n in range(rows):
        stop(exhibition, status=statuses[n % 3], visitors=None if n % 2 else n)

    with django_assert_max_num_queries(7):
        response = client.get(reverse("exhibitions:detail", args=[exhibition.slug]))

    assert main_html(response).count("tag-called-off") == len([n for n in range(rows) if n % 3])
