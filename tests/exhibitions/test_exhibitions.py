import datetime

import pytest
import time_machine
from django.urls import reverse

from agreements.models import Agreement
from exhibitions.models import Exhibition
from tests.agreements.helpers import main_html
from tests.factories import (
    AgreementFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("exhibitions:list")
TODAY = datetime.datetime(2025, 6, 15, 12, 0, tzinfo=datetime.UTC)


def detail(exhibition):
    return reverse("exhibitions:detail", args=[exhibition.slug])


def on_show(exhibition, start, end, **kwargs):
    return ExhibitionStopFactory(exhibition=exhibition, starts_on=start, ends_on=end, **kwargs)


@time_machine.travel(TODAY, tick=False)
def test_current_and_upcoming_come_before_past(client, host):
    past_recent = ExhibitionFactory(title="Прошлая недавняя")
    on_show(past_recent, datetime.date(2025, 3, 1), datetime.date(2025, 4, 1))
    past_old = ExhibitionFactory(title="Прошлая давняя")
    on_show(past_old, datetime.date(2021, 3, 1), datetime.date(2021, 4, 1))
    upcoming = ExhibitionFactory(title="Будущая")
    on_show(upcoming, datetime.date(2025, 9, 1), datetime.date(2025, 10, 1))
    current = ExhibitionFactory(title="Текущая")
    on_show(current, datetime.date(2025, 6, 1), datetime.date(2025, 7, 1))
    html = main_html(client.get(LIST))
    positions = [html.index(t) for t in ["Текущая", "Будущая", "Прошедшие", "Прошлая недавняя", "Прошлая давняя"]]
    assert positions == sorted(positions)
    assert "открыта сейчас" in html


def test_list_hides_drafts(client, host):
    ExhibitionFactory(title="Черновик выставки", is_published=False)
    ExhibitionFactory(title="Опубликованная выставка")
    html = main_html(client.get(LIST))
    assert "Черновик выставки" not in html
    assert "Опубликованная выставка" in html


def test_cards_have_age_badges(client, host):
    ExhibitionFactory(age_rating="12+")
    assert "Возрастная маркировка: 12+" in main_html(client.get(LIST))


def test_filter_by_kind_and_provider(client, host):
    volgograd = LibraryFactory(slug="volgograd", short_name="Волгоградская ОДБ")
    ExhibitionFactory(title="Обменная из Волгограда", kind=Exhibition.Kind.EXCHANGE, provider=volgograd)
    ExhibitionFactory(title="Передвижная из Волгограда", kind=Exhibition.Kind.TRAVELLING, provider=volgograd)
    ExhibitionFactory(title="Обменная другая", kind=Exhibition.Kind.EXCHANGE)
    html = main_html(client.get(LIST, {"kind": "exchange", "provider": "volgograd"}))
    assert "Обменная из Волгограда" in html
    assert "Передвижная из Волгограда" not in html
    assert "Обменная другая" not in html


@pytest.mark.parametrize("params", [{"kind": "no-such-kind"}, {"provider": "no-such-library"}, {"kind": "x" * 500}])
def test_bad_filter_values_give_a_form_error_not_500(client, host, params):
    ExhibitionFactory(title="Выставка остаётся")
    response = client.get(LIST, params)
    assert response.status_code == 200
    html = main_html(response)
    assert "Проверьте условия отбора" in html
    assert "Выставка остаётся" in html


def test_detail_shows_stops_with_russian_dates_visitors_and_excursions(client, host):
    exhibition = ExhibitionFactory(title="Хабаровский край! Он почти бесконечный...")
    venue = LibraryFactory(short_name="Томская ОДЮБ", city="Томск")
    on_show(exhibition, datetime.date(2020, 2, 3), datetime.date(2020, 3, 20), venue=host, visitors=640, excursions=12)
    on_show(exhibition, datetime.date(2020, 4, 1), datetime.date(2020, 4, 30), venue=venue, visitors=None)
    html = main_html(client.get(detail(exhibition)))
    assert "3 февраля 2020" in html and "20 марта 2020" in html
    assert "640" in html and "12" in html
    assert html.index("3 февраля 2020") < html.index("Томская ОДЮБ")
    assert venue.get_absolute_url() in html
    assert "2 площадки" in html


def test_detail_shows_the_published_exchange_counterpart_from_either_side(client, host):
    ours = ExhibitionFactory(title="Кузбасс: книги о родном крае", kind=Exhibition.Kind.EXCHANGE, provider=host)
    theirs = ExhibitionFactory(title="Хабаровский край", kind=Exhibition.Kind.EXCHANGE, counterpart=ours)
    assert "Кузбасс: книги о родном крае" in main_html(client.get(detail(theirs)))
    assert "Хабаровский край" in main_html(client.get(detail(ours)))


def test_detail_hides_an_unpublished_counterpart(client, host):
    hidden = ExhibitionFactory(title="Скрытая ответная", is_published=False)
    exhibition = ExhibitionFactory(counterpart=hidden)
    html = main_html(client.get(detail(exhibition)))
    assert "Скрытая ответная" not in html
    assert hidden.slug not in html


def test_detail_links_only_a_public_agreement(client, host):
    agreement = AgreementFactory(number="PUB-1")
    public = ExhibitionFactory(agreement=agreement)
    secret = ExhibitionFactory(agreement=AgreementFactory(number="SECRET-1", is_public=False))
    draft = ExhibitionFactory(agreement=AgreementFactory(number="DRAFT-1", status=Agreement.Status.DRAFT))
    assert agreement.get_absolute_url() in main_html(client.get(detail(public)))
    assert "SECRET-1" not in main_html(client.get(detail(secret)))
    assert "DRAFT-1" not in main_html(client.get(detail(draft)))


def test_detail_never_shows_staff_notes(client, host):
    exhibition = ExhibitionFactory(notes="служебная заметка о выставке")
    assert "служебная заметка" not in client.get(detail(exhibition)).content.decode()


def test_draft_is_404(client, host):
    assert client.get(detail(ExhibitionFactory(is_published=False))).status_code == 404


def test_unknown_slug_is_404(client, host):
    assert client.get(reverse("exhibitions:detail", args=["no-such-exhibition"])).status_code == 404


@pytest.mark.parametrize("rows", [5, 50])
def test_list_query_count_is_constant(client, host, django_assert_max_num_queries, rows):
    for _ in range(rows):
        exhibition = ExhibitionFactory()
        ExhibitionStopFactory(exhibition=exhibition)
        ExhibitionStopFactory(exhibition=exhibition, venue=exhibition.provider)
    with django_assert_max_num_queries(3):
        response = client.get(LIST, {"kind": "travelling"})
    assert response.status_code == 200
    assert main_html(response).count('class="card exhibition-card"') == rows


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_query_count_is_constant(client, host, django_assert_max_num_queries, rows):
    exhibition = ExhibitionFactory(agreement=AgreementFactory(), counterpart=ExhibitionFactory())
    for _ in range(rows):
        ExhibitionStopFactory(exhibition=exhibition, venue=LibraryFactory())
    # The exhibition, its stops, its exchange counterpart only when public, and the agreements it serves.
    with django_assert_max_num_queries(7):
        response = client.get(detail(exhibition))
    assert response.status_code == 200
    html = main_html(response)
    assert html.count("<tr") == rows + 1  # the header row and one per stop
    assert exhibition.counterpart.title in html


@time_machine.travel(TODAY, tick=False)
def test_the_list_shows_the_latest_past_exhibitions_and_links_to_all(client, host):
    from exhibitions.views import PAST_SHOWN

    venue = LibraryFactory()
    for n in range(PAST_SHOWN + 2):
        day = datetime.date(2020, 1, 1) + datetime.timedelta(days=n)
        on_show(ExhibitionFactory(title=f"Прошлая {n:03}"), day, day, venue=venue)
    on_show(ExhibitionFactory(title="Текущая"), datetime.date(2025, 6, 1), datetime.date(2025, 7, 1), venue=venue)

    page = main_html(client.get(LIST, {"kind": ""}))
    everything = main_html(client.get(LIST, {"kind": "", "all": "1"}))

    assert page.count('class="card exhibition-card"') == PAST_SHOWN + 1
    assert f"Прошлая {PAST_SHOWN + 1:03}" in page and "Прошлая 000" not in page and "Текущая" in page
    assert f"({PAST_SHOWN + 2})" in page and "all=1" in page and "kind=" in page
    assert everything.count('class="card exhibition-card"') == PAST_SHOWN + 3 and "all=1" not in everything
