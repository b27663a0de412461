"""The event list, its cards and filter rows rendered in one loop, show what the per-card templates showed."""

import datetime
import re
from html.parser import HTMLParser

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from core.models import Status
from events.filters import EventFilter
from events.models import Event
from events.views import as_cards
from tests.factories import KEMEROVO, EventFactory, ParticipationFactory, TelebridgeFactory

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


def cards_as_before(events) -> str:
    """Each card through includes/event_card.html, one include per card, as the list used to render them."""
    loaded = as_cards(Event.objects.public().filter(pk__in=[event.pk for event in events])).ordered_for_readers()
    return "".join(f"<li>{render_to_string('includes/event_card.html', {'event': event})}</li>" for event in loaded)


def card_list(markup: str) -> str:
    return re.search(r'<ul class="card-list">\s*(.*?)\s*</ul>', markup, re.S).group(1)


def test_event_list_cards_show_the_same_titles_dates_tags_and_sites(client, events):
    page = client.get(reverse("events:list")).content.decode()

    cards = Cards(card_list(page)).visible()

    assert cards == Cards(cards_as_before(events)).visible()
    assert [card["text"].split(" (время")[0] for card in cards][:1] == ["Телемост «Сказки & были» 10 марта 2030, 14:00"]
    assert "Площадки: Москва, Хабаровск" in cards[0]["text"]
    assert "отменено" in cards[1]["text"] and "перенесено на 1 апреля 2030" in cards[2]["text"]


def test_event_cards_are_the_same_markup_as_the_card_template(client, events):
    page = client.get(reverse("events:list")).content.decode()

    assert card_list(page) == cards_as_before(events)


def test_home_cards_are_the_same_markup_as_the_card_template(client, events):
    page = client.get(reverse("site:home")).content.decode()

    telebridges = card_list(page)

    assert telebridges == cards_as_before(events[:1])


def test_filter_rows_are_what_the_field_template_rendered(client, events, moscow):
    query = {"partner": moscow.slug, "kind": "webinar", "date_from": "не дата", "q": "<сказки>"}
    response = client.get(reverse("events:list"), query)
    form = EventFilter(query, queryset=Event.objects.public()).form
    form.is_valid()

    rows_before = "".join(render_to_string("includes/form_field.html", {"field": field}) for field in form)

    assert response.status_code == 400
    assert rows_before in response.content.decode()
