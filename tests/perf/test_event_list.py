"""The event list's cards and filter rows, rendered in one loop each (core.templatetags.coopnet), written out
here as a reader's browser gets them."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.urls import reverse

from core.models import Status
from events.models import Event
from tests.factories import KEMEROVO, EventFactory, LibraryFactory, ParticipationFactory, TelebridgeFactory

pytestmark = pytest.mark.django_db


class Cards(HTMLParser):
    """The visible text of each <article> card, and the links and dates it carries."""

    def __init__(self, markup: str):
        super().__init__()
        self.cards: list[dict] = []
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "article":
            self.cards.append({"class": attrs.get("class"), "text": "", "links": [], "times": []})
        elif self.cards and tag == "a":
            self.cards[-1]["links"].append(attrs["href"])
        elif self.cards and tag == "time":
            self.cards[-1]["times"].append(attrs["datetime"])

    def handle_data(self, data):
        if self.cards:
            self.cards[-1]["text"] += data

    def visible(self) -> list[dict]:
        return [{**card, "text": " ".join(card["text"].split())} for card in self.cards]


@pytest.fixture
def events(kemerovo, moscow, khabarovsk):
    start = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=KEMEROVO)
    bridge = TelebridgeFactory(title="Телемост «Сказки & были»", organiser=kemerovo, starts_at=start, age_rating="12+")
    ParticipationFactory(event=bridge, library=moscow)
    ParticipationFactory(event=bridge, library=khabarovsk)
    cancelled = EventFactory(
        title="Вебинар <отменён>",
        organiser=moscow,
        starts_at=start + datetime.timedelta(days=1),
        status=Status.CANCELLED,
    )
    postponed = EventFactory(
        title="Перенесённый семинар",
        kind=Event.Kind.SEMINAR,
        format=Event.Format.HYBRID,
        organiser=khabarovsk,
        starts_at=start + datetime.timedelta(days=2),
        status=Status.POSTPONED,
        rescheduled_to=datetime.date(2030, 4, 1),
        age_rating="",
    )
    past = EventFactory(
        title="Прошедшая встреча", organiser=moscow, starts_at=datetime.datetime(2020, 5, 5, 9, 30, tzinfo=KEMEROVO)
    )
    return [bridge, cancelled, postponed, past]


AGE_12 = (
    '<span class="age-badge" title="Возрастная маркировка: 12+"><span class="visually-hidden">Возрастная маркировка: '
    '12+</span><span aria-hidden="true">12+</span></span>\n'
)
AGE_6 = AGE_12.replace("12+", "6+")


def expected_cards(bridge, cancelled, postponed, past) -> str:
    """The cards of the fixture's events, written out: what a reader's browser gets."""
    return (
        '<li><article class="card event-card event-card-telebridge">\n'
        f'  <h3 class="card-title"><a href="/events/{bridge.slug}/">Телемост «Сказки &amp; были»</a></h3>\n'
        '  <p class="card-date"><time datetime="2030-03-10T14:00:00+07:00">10 марта 2030, 14:00</time> '
        '<span class="muted">(время кемеровское)</span></p>\n'
        f'  <p class="card-tags"><span class="tag">телемост</span> <span class="tag">онлайн</span> {AGE_12}\n</p>\n'
        f'  <p class="card-org">Организатор: {bridge.organiser.short_name}</p>\n'
        '  \n  <p class="card-sites">Площадки: Москва, Хабаровск</p>\n  \n'
        "</article>\n</li>"
        '<li><article class="card event-card">\n'
        f'  <h3 class="card-title"><a href="/events/{cancelled.slug}/">Вебинар &lt;отменён&gt;</a></h3>\n'
        '  <p class="card-date"><time datetime="2030-03-11T14:00:00+07:00">11 марта 2030, 14:00</time> '
        '<span class="muted">(время кемеровское)</span></p>\n'
        f'  <p class="card-tags"><span class="tag">вебинар</span> <span class="tag">онлайн</span> {AGE_6}'
        '<span class="tag tag-called-off">отменено</span>\n</p>\n'
        '  <p class="card-org">Организатор: <a href="/partners/moscow/">Московская библиотека</a></p>\n'
        "  \n</article>\n</li>"
        '<li><article class="card event-card">\n'
        f'  <h3 class="card-title"><a href="/events/{postponed.slug}/">Перенесённый семинар</a></h3>\n'
        '  <p class="card-date"><time datetime="2030-03-12T14:00:00+07:00">12 марта 2030, 14:00</time> '
        '<span class="muted">(время кемеровское)</span></p>\n'
        '  <p class="card-tags"><span class="tag">семинар</span> <span class="tag">смешанный</span> \n'
        '<span class="tag tag-called-off">перенесено на 1 апреля 2030</span>\n</p>\n'
        '  <p class="card-org">Организатор: <a href="/partners/khabarovsk/">Хабаровская библиотека</a></p>\n'
        "  \n</article>\n</li>"
        '<li><article class="card event-card">\n'
        f'  <h3 class="card-title"><a href="/events/{past.slug}/">Прошедшая встреча</a></h3>\n'
        '  <p class="card-date"><time datetime="2020-05-05T09:30:00+07:00">5 мая 2020, 09:30</time> '
        '<span class="muted">(время кемеровское)</span></p>\n'
        f'  <p class="card-tags"><span class="tag">вебинар</span> <span class="tag">онлайн</span> {AGE_6}\n</p>\n'
        '  <p class="card-org">Организатор: <a href="/partners/moscow/">Московская библиотека</a></p>\n'
        "  \n</article>\n</li>"
    )


def card_list(markup: str) -> str:
    return re.search(r'<ul class="card-list">\s*(.*?)\s*</ul>', markup, re.S).group(1)


def test_event_list_cards_show_titles_dates_tags_and_sites(client, events):
    page = client.get(reverse("events:list")).content.decode()

    cards = Cards(card_list(page)).visible()

    assert [card["class"] for card in cards] == ["card event-card event-card-telebridge"] + ["card event-card"] * 3
    assert [card["text"] for card in cards] == [
        "Телемост «Сказки & были» 10 марта 2030, 14:00 (время кемеровское) телемост онлайн "
        "Возрастная маркировка: 12+12+ Организатор: Библиотека Кузбасса для детей и молодёжи "
        "Площадки: Москва, Хабаровск",
        "Вебинар <отменён> 11 марта 2030, 14:00 (время кемеровское) вебинар онлайн Возрастная маркировка: 6+6+ "
        "отменено Организатор: Московская библиотека",
        "Перенесённый семинар 12 марта 2030, 14:00 (время кемеровское) семинар смешанный "
        "перенесено на 1 апреля 2030 Организатор: Хабаровская библиотека",
        "Прошедшая встреча 5 мая 2020, 09:30 (время кемеровское) вебинар онлайн Возрастная маркировка: 6+6+ "
        "Организатор: Московская библиотека",
    ]
    assert [card["links"] for card in cards] == [
        [event.get_absolute_url()] + ([event.organiser.public_url()] if event.organiser.public_url() else [])
        for event in events
    ]
    assert [card["times"] for card in cards] == [
        ["2030-03-10T14:00:00+07:00"],
        ["2030-03-11T14:00:00+07:00"],
        ["2030-03-12T14:00:00+07:00"],
        ["2020-05-05T09:30:00+07:00"],
    ]


def test_event_cards_markup(client, events):
    page = client.get(reverse("events:list")).content.decode()

    assert card_list(page) == expected_cards(*events)


def test_home_shows_the_upcoming_telebridge_card(client, events):
    page = client.get(reverse("site:home")).content.decode()

    assert card_list(page) == expected_cards(*events).split("</li>")[0] + "</li>"


def test_a_title_and_a_city_with_markup_are_escaped(client, kemerovo):
    event = EventFactory(title='<script>alert("x")</script> & «кавычки»', organiser=kemerovo)
    ParticipationFactory(event=event, library=LibraryFactory(city="<b>Город</b>"))

    page = client.get(reverse("events:list")).content.decode()

    assert "<script>" not in page and "<b>Город</b>" not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; «кавычки»" in card_list(page)
    assert "Площадки: &lt;b&gt;Город&lt;/b&gt;" in card_list(page)


def test_filter_rows_tie_each_error_to_its_field(client, events, moscow):
    query = {"partner": "нет-такой", "kind": "webinar", "date_from": "не дата", "q": "<сказки>"}

    response = client.get(reverse("events:list"), query)

    page = response.content.decode()
    assert response.status_code == 400
    assert (
        '<div class="field">\n  <label for="id_q">Поиск по названию и описанию:</label>\n'
        '  <input type="search" name="q" value="&lt;сказки&gt;" maxlength="200" id="id_q">\n  \n</div>\n'
    ) in page
    assert (
        '<div class="field field-invalid">\n  <label for="id_date_from">С даты:</label>\n'
        '  <input type="date" name="date_from" aria-invalid="true" aria-describedby="id_date_from_error" '
        'id="id_date_from">\n'
        '  <div id="id_date_from_error"><p class="field-error">Введите правильную дату.</p></div>\n</div>\n'
    ) in page
    partner = re.search(r'<div class="field field-invalid">\n  <label for="id_partner">.*?</div>\n</div>\n', page, re.S)
    assert partner is not None
    assert '<select name="partner" aria-invalid="true" aria-describedby="id_partner_error" id="id_partner">' in (
        partner.group(0)
    )
    assert '<div id="id_partner_error"><p class="field-error">Выберите корректный вариант.' in partner.group(0)
    assert '<option value="webinar" selected>вебинар</option>' in page
