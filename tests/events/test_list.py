import datetime

import pytest
from django.db.models import Case, F, IntegerField, Value, When
from django.urls import reverse

from events.models import Event
from tests.factories import (
    KEMEROVO,
    EventFactory,
    LibraryFactory,
    ParticipationFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db


def at(year, month, day, hour=14):
    return datetime.datetime(year, month, day, hour, 0, tzinfo=KEMEROVO)


def titles(response):
    return [event.title for event in response.context["events"]]


def get(client, **params):
    return client.get(reverse("events:list"), params)


def test_upcoming_come_first_soonest_first_then_past_newest_first(client):
    EventFactory(title="Прошлое давнее", starts_at=at(2020, 1, 1))
    EventFactory(title="Будущее позднее", starts_at=at(2030, 5, 1))
    EventFactory(title="Прошлое недавнее", starts_at=at(2029, 5, 1))
    EventFactory(title="Будущее скорое", starts_at=at(2029, 7, 1))

    response = get(client)

    assert titles(response) == ["Будущее скорое", "Будущее позднее", "Прошлое недавнее", "Прошлое давнее"]


def case_order(queryset, now):
    """The readers' order as one sort over CASE expressions: how the list was ordered before it was read in two
    index-ordered parts (`ReadersOrder`), kept here as the definition the parts must reproduce."""
    return queryset.annotate(
        is_past=Case(When(ends_at__lt=now, then=Value(1)), default=Value(0), output_field=IntegerField()),
        upcoming_start=Case(When(ends_at__gte=now, then=F("starts_at"))),
        past_start=Case(When(ends_at__lt=now, then=F("starts_at"))),
    ).order_by("is_past", F("upcoming_start").asc(nulls_last=True), F("past_start").desc(nulls_last=True), "pk")


def test_pages_follow_the_single_sort_across_the_boundary_and_ties(client, frozen_now):
    # 23 upcoming (one running now, and starts shared by two events) and 31 past (ties too): page 2 holds both.
    EventFactory(title="Идёт сейчас", starts_at=at(2029, 5, 31), ends_at=at(2029, 6, 2))
    for n in range(22):
        EventFactory(title=f"Будущее {n}", starts_at=at(2029, 7, 1 + n // 2))
    for n in range(31):
        EventFactory(title=f"Прошлое {n}", starts_at=at(2028, 3, 1 + n // 3))
    EventFactory(title="Черновик", is_published=False)
    expected = [event.title for event in case_order(Event.objects.public(), frozen_now)]

    pages = [titles(get(client, page=number)) for number in (1, 2, 3)]

    assert [title for page in pages for title in page] == expected
    assert [len(page) for page in pages] == [20, 20, 14]
    assert "Страница 2 из 3" in get(client, page=2).content.decode()
    assert list(Event.objects.public().ordered_for_readers(frozen_now)) == list(
        case_order(Event.objects.public(), frozen_now)
    )


def test_a_filtered_page_follows_the_single_sort(client, frozen_now, moscow):
    for n in range(25):
        event = EventFactory(title=f"Событие {n}", starts_at=at(2029, 5 + n % 3, 1 + n % 5))
        if n % 2:
            ParticipationFactory(event=event, library=moscow)
    queryset = Event.objects.public().with_library(moscow)

    assert titles(get(client, partner="moscow")) == [event.title for event in case_order(queryset, frozen_now)]


def test_drafts_are_not_listed(client):
    EventFactory(title="Опубликовано")
    EventFactory(title="Черновик", is_published=False)

    response = get(client)

    assert titles(response) == ["Опубликовано"]
    assert "Черновик" not in response.content.decode()


def test_card_shows_russian_date_kind_format_organiser_and_age_badge(client):
    organiser = LibraryFactory(short_name="Томская детская")
    EventFactory(kind="webinar", format="online", organiser=organiser, age_rating="12+", starts_at=at(2029, 11, 25))

    html = get(client).content.decode()

    assert "25 ноября 2029, 14:00" in html
    assert "вебинар" in html
    assert "онлайн" in html
    assert "Томская детская" in html
    assert "Возрастная маркировка: 12+" in html


def test_pages_hold_twenty_events(client):
    for day in range(1, 23):
        EventFactory(starts_at=at(2030, 1, day))

    first = get(client)
    second = get(client, page=2)

    assert len(first.context["events"]) == 20
    assert len(second.context["events"]) == 2
    assert 'rel="next"' in first.content.decode()


@pytest.mark.parametrize("page", ["abc", "99999", "0", "-1", "1.5"])
def test_a_page_that_does_not_exist_is_404(client, page):
    EventFactory()

    assert get(client, page=page).status_code == 404


def test_kind_filter(client):
    TelebridgeFactory(title="Телемост")
    EventFactory(title="Вебинар", kind="webinar")

    assert titles(get(client, kind="telebridge")) == ["Телемост"]


def test_format_filter(client):
    EventFactory(title="Очно", format="offline")
    EventFactory(title="Онлайн", format="online")

    assert titles(get(client, format="offline")) == ["Очно"]


def test_partner_filter_matches_organiser_or_participant(client, moscow):
    EventFactory(title="Организует Москва", organiser=moscow)
    ParticipationFactory(event=EventFactory(title="Москва участвует"), library=moscow)
    EventFactory(title="Без Москвы")

    assert sorted(titles(get(client, partner="moscow"))) == ["Москва участвует", "Организует Москва"]


def test_partner_filter_lists_an_event_once_however_many_matches(client, moscow):
    event = EventFactory(title="Одно", organiser=moscow)
    ParticipationFactory(event=event, library=moscow)

    assert titles(get(client, partner="moscow")) == ["Одно"]


def test_country_filter_matches_organiser_or_participant(client, ust_kamenogorsk):
    EventFactory(title="Организует Казахстан", organiser=ust_kamenogorsk)
    ParticipationFactory(event=EventFactory(title="Казахстан участвует"), library=ust_kamenogorsk)
    EventFactory(title="Только Россия")

    assert sorted(titles(get(client, country="KZ"))) == ["Казахстан участвует", "Организует Казахстан"]


def test_audience_filter(client):
    EventFactory(title="Специалистам", audience="specialists")
    EventFactory(title="Детям", audience="children")

    assert titles(get(client, audience="specialists")) == ["Специалистам"]


def test_age_rating_filter(client):
    EventFactory(title="Шесть", age_rating="6+")
    EventFactory(title="Двенадцать", age_rating="12+")

    assert titles(get(client, age_rating="6+")) == ["Шесть"]


def test_date_filters_use_kemerovo_days(client):
    # 00:30 in Kemerovo on 11 March is still 10 March in UTC: the filter must go by Kemerovo's calendar.
    EventFactory(title="Ночью 11 марта", starts_at=at(2030, 3, 11, 0).replace(minute=30))
    EventFactory(title="10 марта", starts_at=at(2030, 3, 10))
    EventFactory(title="12 марта", starts_at=at(2030, 3, 12))

    assert titles(get(client, date_from="2030-03-11", date_to="2030-03-11")) == ["Ночью 11 марта"]
    assert titles(get(client, date_from="2030-03-11")) == ["Ночью 11 марта", "12 марта"]
    assert titles(get(client, date_to="2030-03-10")) == ["10 марта"]


def test_when_filter(client):
    EventFactory(title="Будущее", starts_at=at(2030, 1, 1))
    EventFactory(title="Прошлое", starts_at=at(2020, 1, 1))

    assert titles(get(client, when="upcoming")) == ["Будущее"]
    assert titles(get(client, when="past")) == ["Прошлое"]


def test_q_searches_title_and_description_case_insensitively(client):
    EventFactory(title="Встреча с писателем")
    EventFactory(title="Вебинар", description="Разговор о ПИСАТЕЛЯХ Кузбасса")
    EventFactory(title="Другое")

    assert sorted(titles(get(client, q="писател"))) == ["Вебинар", "Встреча с писателем"]


def test_filters_combine(client):
    TelebridgeFactory(title="Нужный", age_rating="6+")
    TelebridgeFactory(title="Не тот возраст", age_rating="12+")
    EventFactory(title="Не телемост", age_rating="6+")

    assert titles(get(client, kind="telebridge", age_rating="6+")) == ["Нужный"]


def test_pagination_links_keep_the_filters(client):
    for day in range(1, 23):
        TelebridgeFactory(starts_at=at(2030, 1, day))

    html = get(client, kind="telebridge").content.decode()

    assert "?kind=telebridge&amp;page=2" in html


def test_calendar_link_carries_the_filters(client):
    html = get(client, kind="telebridge", age_rating="6+").content.decode()

    assert reverse("events:calendar") + "?kind=telebridge&amp;age_rating=6%2B" in html


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"kind": "dance"}, "Выберите корректный вариант"),
        ({"format": "x"}, "Выберите корректный вариант"),
        ({"partner": "no-such-library"}, "Выберите корректный вариант"),
        ({"country": "ZZ"}, "Выберите корректный вариант"),
        ({"age_rating": "7+"}, "Выберите корректный вариант"),
        ({"when": "tomorrow"}, "Выберите корректный вариант"),
        ({"date_from": "10.03.2030"}, "Введите правильную дату"),
        ({"date_to": "2030-02-30"}, "Введите правильную дату"),
        ({"date_from": "0001-01-01"}, "Укажите дату между"),
        ({"date_to": "9999-12-31"}, "Укажите дату между"),
        ({"date_from": "2030-03-12", "date_to": "2030-03-10"}, "не может быть раньше"),
        ({"q": "к" * 1000}, "не более 200 символов"),
    ],
)
def test_bad_parameters_show_the_form_error_with_400(client, params, message):
    EventFactory(title="Любое")

    response = get(client, **params)

    assert response.status_code == 400
    html = response.content.decode()
    assert "Проверьте условия отбора" in html
    assert message in html
    assert list(response.context["events"]) == []


def test_a_nul_in_q_is_refused_before_the_list_with_the_400_page(client):
    """A control character in a query string is refused for every page at once (ops.badrequest)."""
    response = get(client, q="a\x00b")

    assert response.status_code == 400
    assert "Неверный запрос" in response.content.decode()


def test_odd_unicode_in_q_is_just_text(client):
    EventFactory(title="Сказки 🐉 народов")

    response = get(client, q="🐉")

    assert response.status_code == 200
    assert titles(response) == ["Сказки 🐉 народов"]


def test_unknown_parameters_are_ignored(client):
    EventFactory(title="Любое")

    response = get(client, utm_source="mail", kind="")

    assert response.status_code == 200
    assert titles(response) == ["Любое"]


def test_found_count_uses_russian_plural(client):
    for _ in range(21):
        EventFactory()

    assert "Найдено: 21 мероприятие" in get(client).content.decode()


class TestTelebridges:
    def url(self, **params):
        return reverse("events:telebridges"), params

    def test_lists_only_upcoming_published_telebridges(self, client):
        TelebridgeFactory(title="Будущий телемост")
        TelebridgeFactory(title="Прошедший телемост", starts_at=at(2020, 1, 1))
        TelebridgeFactory(title="Черновик телемоста", is_published=False)
        EventFactory(title="Вебинар")

        response = client.get(reverse("events:telebridges"))

        assert titles(response) == ["Будущий телемост"]

    def test_form_has_no_kind_field(self, client):
        response = client.get(reverse("events:telebridges"))

        assert "kind" not in response.context["form"].fields
        assert "age_rating" in response.context["form"].fields

    def test_filters_by_age_rating(self, client):
        TelebridgeFactory(title="6+", age_rating="6+")
        TelebridgeFactory(title="12+", age_rating="12+")

        response = client.get(reverse("events:telebridges"), {"age_rating": "6+"})

        assert titles(response) == ["6+"]

    def test_bad_age_rating_is_400_with_message(self, client):
        response = client.get(reverse("events:telebridges"), {"age_rating": "100+"})

        assert response.status_code == 400
        assert "Выберите корректный вариант" in response.content.decode()

    def test_found_count_speaks_of_telebridges(self, client):
        for _ in range(2):
            TelebridgeFactory()

        assert "Найдено: 2 телемоста" in client.get(reverse("events:telebridges")).content.decode()

    def test_calendar_link_is_for_upcoming_telebridges(self, client):
        html = client.get(reverse("events:telebridges")).content.decode()

        assert reverse("events:calendar") + "?kind=telebridge&amp;when=upcoming" in html


def test_event_kind_label_is_russian():
    assert Event.Kind.TELEBRIDGE.label == "телемост"


def test_upcoming_bounded_is_upcoming(frozen_now):
    EventFactory(title="Идёт с прошлого года", starts_at=at(2028, 5, 1), ends_at=at(2030, 1, 1))
    EventFactory(title="Прошло", starts_at=at(2029, 5, 1))
    EventFactory(title="Скоро", starts_at=at(2029, 7, 1))
    EventFactory(title="Черновик", starts_at=at(2029, 7, 2), is_published=False)

    assert list(Event.objects.public().upcoming_bounded(frozen_now)) == list(
        Event.objects.public().upcoming(frozen_now)
    )
    assert [event.title for event in Event.objects.public().upcoming_bounded(frozen_now)] == [
        "Идёт с прошлого года",
        "Скоро",
    ]
    assert not Event.objects.public().filter(title="Прошло").upcoming_bounded(frozen_now).exists()
