"""The calendar feed, written line by line, is byte for byte what icalendar writes for the same events, and reads
back with icalendar."""

import datetime

import pytest
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from core.models import Status
from events.calendar import _calendar_event, build_calendar
from events.models import Event
from tests.factories import KEMEROVO, EventFactory, TelebridgeFactory

pytestmark = pytest.mark.django_db


def with_icalendar(events, request, name: str) -> bytes:
    """The feed written by icalendar: one component per event, the time zones added at the end."""
    calendar = Calendar()
    calendar.add("prodid", "-//coopnet//Library cooperation events//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name.replace("\x0b", ""))
    calendar.add("x-wr-timezone", "Asia/Novokuznetsk")
    stamp = timezone.now()
    for event in events:
        calendar.add_component(_calendar_event(event, request.build_absolute_uri(event.get_absolute_url()), stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


@pytest.fixture
def events(kemerovo, moscow):
    start = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=KEMEROVO)
    EventFactory(
        title="Вебинар; с запятой, точкой с запятой и \\ обратной чертой",
        organiser=moscow,
        starts_at=start,
        description="Очень длинное описание " * 12 + "\nс переводом строки\r\nи ещё одним",
        online_url="https://example.org/live/1",
    )
    TelebridgeFactory(title="Отменённый телемост", organiser=kemerovo, starts_at=start, status=Status.CANCELLED)
    EventFactory(
        title="Перенесённый",
        organiser=moscow,
        starts_at=start + datetime.timedelta(days=3),
        status=Status.POSTPONED,
        rescheduled_to=datetime.date(2030, 5, 1),
        format=Event.Format.OFFLINE,
        location="",
    )
    return list(Event.objects.public().order_by("starts_at", "pk"))


def test_feed_is_the_bytes_icalendar_writes(events):
    request = RequestFactory().get("/events/calendar.ics")

    body = build_calendar(events, request, name="Мероприятия")

    assert body == with_icalendar(events, request, "Мероприятия")
    assert Calendar.from_ical(body).to_ical() == body  # and icalendar reads it back to the same bytes


def test_the_bytes_stay_icalendars_with_control_characters_typed_in(kemerovo):
    EventFactory(title="Вебинар\x0bс табуляцией", organiser=kemerovo, description="Описание\x07\r\nдальше")
    events = list(Event.objects.public())
    request = RequestFactory().get("/events/calendar.ics")

    body = build_calendar(events, request, name="Имя\x0b календаря")

    assert body == with_icalendar(events, request, "Имя\x0b календаря")
    (item,) = Calendar.from_ical(body).walk("VEVENT")
    assert str(item["SUMMARY"]) == "Вебинарс табуляцией"
    assert str(Calendar.from_ical(body)["X-WR-CALNAME"]) == "Имя календаря"


def test_an_empty_feed_has_no_time_zone_block():
    request = RequestFactory().get("/events/calendar.ics")

    body = build_calendar([], request, name="Пусто")

    assert body == with_icalendar([], request, "Пусто")
    assert Calendar.from_ical(body).walk("VTIMEZONE") == []


def test_the_served_feed_parses_with_every_event(client, events):
    body = client.get(reverse("events:calendar")).content

    parsed = Calendar.from_ical(body)

    assert sorted(str(item["summary"]) for item in parsed.walk("VEVENT")) == sorted(
        [
            "Вебинар; с запятой, точкой с запятой и \\ обратной чертой",
            "Отменено: Отменённый телемост",
            "Перенесено: Перенесённый",
        ]
    )
    assert body.count(b"BEGIN:VALARM") == 1  # no reminder of a cancelled or postponed start
