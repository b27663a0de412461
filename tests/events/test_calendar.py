import datetime
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import KEMEROVO, EventFactory, TelebridgeFactory

pytestmark = pytest.mark.django_db


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def vevents(calendar):
    return list(calendar.walk("VEVENT"))


def test_feed_parses_back_with_uid_tz_start_and_alarm(client):
    event = TelebridgeFactory(title="Телемост", location="", online_url="https://example.org/live")

    calendar = parse(client.get(reverse("events:calendar")))

    (item,) = vevents(calendar)
    assert str(item["UID"]) == f"event-{event.pk}@coopnet"
    start = item.decoded("DTSTART")
    assert start == datetime.datetime(2030, 3, 10, 14, 0, tzinfo=KEMEROVO)
    assert item["DTSTART"].params["TZID"] == "Asia/Novokuznetsk"
    assert item["DTEND"].params["TZID"] == "Asia/Novokuznetsk"
    assert str(item["SUMMARY"]) == "Телемост"
    assert str(item["URL"]) == f"http://testserver/events/{event.slug}/"
    assert str(item["LOCATION"]) == "https://example.org/live"
    (alarm,) = item.walk("VALARM")
    assert alarm.decoded("TRIGGER") == -datetime.timedelta(hours=1)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Asia/Novokuznetsk"]
    assert str(calendar["X-WR-CALNAME"])


def test_uid_is_stable_between_downloads(client):
    EventFactory()

    first = vevents(parse(client.get(reverse("events:calendar"))))[0]["UID"]
    second = vevents(parse(client.get(reverse("events:calendar"))))[0]["UID"]

    assert first == second


def test_feed_honours_the_list_filters(client):
    TelebridgeFactory(title="Телемост 6+", age_rating="6+")
    TelebridgeFactory(title="Телемост 12+", age_rating="12+")
    EventFactory(title="Вебинар 6+", age_rating="6+")

    response = client.get(reverse("events:calendar") + "?kind=telebridge&age_rating=6%2B")

    assert [str(item["SUMMARY"]) for item in vevents(parse(response))] == ["Телемост 6+"]


def test_feed_honours_when(client):
    EventFactory(title="Будущее")
    EventFactory(title="Прошлое", starts_at=datetime.datetime(2020, 1, 1, 14, tzinfo=KEMEROVO))

    response = client.get(reverse("events:calendar"), {"when": "upcoming"})

    assert [str(item["SUMMARY"]) for item in vevents(parse(response))] == ["Будущее"]


def test_feed_never_contains_drafts(client):
    EventFactory(title="Черновик", is_published=False)

    response = client.get(reverse("events:calendar"))

    assert vevents(parse(response)) == []
    assert "Черновик" not in response.content.decode()


@pytest.mark.parametrize("query", ["kind=dance", "date_from=yesterday", "age_rating=7%2B", "q=" + "x" * 300])
def test_bad_filter_is_400_with_russian_text(client, query):
    response = client.get(reverse("events:calendar") + "?" + query)

    assert response.status_code == 400
    assert "Неверные параметры календаря" in response.content.decode()


def test_offline_event_location_is_the_address(client):
    EventFactory(format="offline", location="Кемерово, ул. Весенняя, 15")

    (item,) = vevents(parse(client.get(reverse("events:calendar"))))

    assert str(item["LOCATION"]) == "Кемерово, ул. Весенняя, 15"


def test_single_event_download_is_an_attachment(client):
    event = TelebridgeFactory()

    response = client.get(reverse("events:ics", args=[event.slug]))

    assert response["Content-Disposition"] == f'attachment; filename="{event.slug}.ics"'
    (item,) = vevents(parse(response))
    assert str(item["UID"]) == f"event-{event.pk}@coopnet"
    assert item.walk("VALARM")


def test_single_event_download_of_a_draft_is_404(client):
    event = EventFactory(is_published=False)

    assert client.get(reverse("events:ics", args=[event.slug])).status_code == 404


def test_the_subscription_carries_the_upcoming_and_the_last_90_days_only(client):
    """Its size stays flat as history grows: long-past events are left out, recent ones stay (a cancellation
    of last week still reaches subscribers)."""
    import datetime as dt

    from django.utils import timezone

    from tests.factories import EventFactory as Factory

    now = timezone.now()
    for title, days in (("Давнее", -400), ("Недавнее", -30), ("Будущее", 30)):
        start = now + dt.timedelta(days=days)
        Factory(title=title, starts_at=start, ends_at=start + dt.timedelta(hours=2))
    calendar = parse(client.get("/events/calendar.ics"))
    assert sorted(str(item["SUMMARY"]) for item in vevents(calendar)) == ["Будущее", "Недавнее"]


def test_text_with_commas_semicolons_backslashes_and_lines_reads_back_the_same(client):
    description = "Строка; с запятой, и \\ чертой\nвторая строка " + "длинная " * 20
    event = EventFactory(title="Сказки, были; \\ и небылицы", description=description, location="Кемерово, зал 1")

    (item,) = vevents(parse(client.get(reverse("events:calendar"))))

    assert str(item["SUMMARY"]) == event.title
    assert str(item["DESCRIPTION"]).startswith(description.strip())
    assert str(item["LOCATION"]) == "Кемерово, зал 1"


def test_control_characters_typed_into_an_event_never_reach_the_feed(client):
    EventFactory(title="Вебинар\x0bс табуляцией\x01", description="Описание\x0c\r\nвторая строка")

    response = client.get(reverse("events:calendar"))

    (item,) = vevents(parse(response))
    assert str(item["SUMMARY"]) == "Вебинарс табуляцией"
    assert str(item["DESCRIPTION"]).startswith("Описание\nвторая строка")
    assert not re.search(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]", response.content)
