"""Readers see a cancelled or postponed event as such, on every page and in every feed; never "awaiting"."""

import datetime
import json
import re

import pytest
from django.urls import reverse
from icalendar import Calendar

from core.models import Status
from tests.factories import KEMEROVO, EpisodeFactory, EventFactory, ParticipationFactory, TelebridgeFactory

pytestmark = pytest.mark.django_db

NEW_DATE = datetime.date(2030, 4, 15)
PAST = datetime.datetime(2020, 1, 10, 14, 0, tzinfo=KEMEROVO)


def html_of(client, event):
    response = client.get(reverse("events:detail", args=[event.slug]))
    assert response.status_code == 200
    return response.content.decode()


def json_ld(html):
    return json.loads(re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1))


def notice(html):
    match = re.search(r'<p class="status-notice">(.*?)</p>', html, re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", match.group(1)).split()) if match else None


def vevents(response):
    assert response.status_code == 200
    return list(Calendar.from_ical(response.content).walk("VEVENT"))


@pytest.fixture
def cancelled():
    return EventFactory(title="Встреча с автором", status=Status.CANCELLED)


@pytest.fixture
def rescheduled():
    return EventFactory(title="Встреча с автором", status=Status.POSTPONED, rescheduled_to=NEW_DATE)


@pytest.fixture
def postponed():
    return EventFactory(title="Встреча с автором", status=Status.POSTPONED)


# The event page


def test_cancelled_event_page_says_so(client, cancelled):
    html = html_of(client, cancelled)

    assert notice(html) == "Мероприятие отменено."
    assert '<span class="tag tag-called-off">отменено</span>' in html


def test_postponed_event_page_gives_the_new_date(client, rescheduled):
    assert notice(html_of(client, rescheduled)) == "Мероприятие перенесено на 15 апреля 2030."


def test_postponed_event_page_without_a_new_date_says_it_will_be_announced(client, postponed):
    assert notice(html_of(client, postponed)) == "Мероприятие перенесено, новая дата будет объявлена."


def test_event_going_ahead_has_no_notice(client):
    html = html_of(client, EventFactory(status=Status.PLANNED))

    assert notice(html) is None
    assert "tag-called-off" not in html


def test_past_planned_event_just_looks_past(client):
    """ "Awaiting confirmation" is for staff: a reader sees an event that took place on its date."""
    html = html_of(client, EventFactory(status=Status.PLANNED, starts_at=PAST))

    assert "ждёт подтверждения" not in html
    assert notice(html) is None
    assert '<span class="tag tag-past">прошло</span>' in html


def test_past_cancelled_event_is_cancelled_not_past(client):
    html = html_of(client, EventFactory(status=Status.CANCELLED, starts_at=PAST))

    assert notice(html) == "Мероприятие отменено."
    assert "tag-past" not in html


def test_cancelled_event_is_not_offered_for_adding_to_a_calendar(client, cancelled):
    html = html_of(client, cancelled)

    assert "calendar.google.com" not in html
    assert "Добавить в календарь" not in html
    assert reverse("events:ics", args=[cancelled.slug]) in html  # the file still says CANCELLED to who has it


def test_page_description_starts_with_the_status(client, rescheduled):
    html = html_of(client, rescheduled)

    assert '<meta name="description" content="Перенесено на 15 апреля 2030. Вебинар' in html
    assert 'content="Перенесено на 15 апреля 2030. Вебинар' in html.split('property="og:description"')[1][:80]


# schema.org


def test_json_ld_of_a_cancelled_event_keeps_its_dates(client, cancelled):
    data = json_ld(html_of(client, cancelled))

    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == "2030-03-10T14:00:00+07:00"
    assert data["endDate"] == "2030-03-10T16:00:00+07:00"


def test_json_ld_of_a_rescheduled_event_moves_the_start_and_keeps_the_old_one(client, rescheduled):
    data = json_ld(html_of(client, rescheduled))

    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["startDate"] == "2030-04-15"
    assert data["previousStartDate"] == "2030-03-10T14:00:00+07:00"
    assert "endDate" not in data  # the old end is before the new start; the new end is not known


def test_json_ld_of_a_postponed_event_without_a_new_date(client, postponed):
    data = json_ld(html_of(client, postponed))

    assert data["eventStatus"] == "https://schema.org/EventPostponed"
    assert data["startDate"] == "2030-03-10T14:00:00+07:00"


@pytest.mark.parametrize("status", [Status.PLANNED, Status.HELD])
def test_json_ld_of_an_event_going_ahead_is_scheduled(client, status):
    data = json_ld(html_of(client, EventFactory(status=status)))

    assert data["eventStatus"] == "https://schema.org/EventScheduled"


# Lists and cards


def test_events_list_marks_cancelled_and_postponed(client, cancelled):
    EventFactory(title="Перенесённое", status=Status.POSTPONED, rescheduled_to=NEW_DATE)
    EventFactory(title="Без даты", status=Status.POSTPONED)
    EventFactory(title="Как было", status=Status.PLANNED)

    html = client.get(reverse("events:list")).content.decode()

    assert html.count('<span class="tag tag-called-off">') == 3
    assert '<span class="tag tag-called-off">отменено</span>' in html
    assert '<span class="tag tag-called-off">перенесено на 15 апреля 2030</span>' in html
    assert '<span class="tag tag-called-off">перенесено, дата уточняется</span>' in html


def test_telebridges_list_marks_a_cancelled_telebridge(client):
    TelebridgeFactory(status=Status.CANCELLED)

    html = client.get(reverse("events:telebridges")).content.decode()

    assert '<span class="tag tag-called-off">отменено</span>' in html


def test_home_marks_a_cancelled_telebridge(client):
    TelebridgeFactory(title="Телемост отменён", status=Status.CANCELLED)

    html = client.get(reverse("site:home")).content.decode()

    assert '<span class="tag tag-called-off">отменено</span>' in html


def test_lists_never_say_awaiting_confirmation(client):
    EventFactory(status=Status.PLANNED, starts_at=PAST)

    html = client.get(reverse("events:list")).content.decode()

    assert "ждёт подтверждения" not in html
    assert "tag-called-off" not in html


@pytest.mark.parametrize("rows", [5, 50])
def test_list_query_count_stays_constant_with_cancelled_and_postponed(
    client, django_assert_max_num_queries, rows, kemerovo
):
    for n in range(rows):
        status = [Status.CANCELLED, Status.POSTPONED, Status.PLANNED][n % 3]
        event = TelebridgeFactory(status=status, rescheduled_to=NEW_DATE if status == Status.POSTPONED else None)
        ParticipationFactory(event=event, library=kemerovo)

    with django_assert_max_num_queries(5):
        response = client.get(reverse("events:list"))

    assert response.content.decode().count("tag-called-off") == len([n for n in range(min(rows, 20)) if n % 3 != 2])


# Calendar feeds


def test_ics_marks_a_cancelled_event_under_the_same_uid(client):
    event = EventFactory(title="Встреча с автором")
    (before,) = vevents(client.get(reverse("events:calendar")))
    event.status = Status.CANCELLED
    event.save()

    (after,) = vevents(client.get(reverse("events:calendar")))

    assert str(before["STATUS"]) == "CONFIRMED"
    assert str(after["STATUS"]) == "CANCELLED"
    assert str(after["UID"]) == str(before["UID"]) == event.calendar_uid
    assert str(after["SUMMARY"]) == "Отменено: Встреча с автором"
    assert not after.walk("VALARM")  # no reminder of a start that will not happen


def test_single_event_ics_of_a_cancelled_event_says_cancelled(client, cancelled):
    (item,) = vevents(client.get(reverse("events:ics", args=[cancelled.slug])))

    assert str(item["STATUS"]) == "CANCELLED"
    assert str(item["UID"]) == cancelled.calendar_uid


def test_ics_of_a_postponed_event_is_tentative_and_names_the_new_date(client, rescheduled):
    (item,) = vevents(client.get(reverse("events:calendar")))

    assert str(item["STATUS"]) == "TENTATIVE"
    assert str(item["SUMMARY"]) == "Перенесено: Встреча с автором"
    assert str(item["DESCRIPTION"]).startswith("Перенесено на 15 апреля 2030.")


@pytest.mark.parametrize("status", [Status.PLANNED, Status.HELD])
def test_ics_of_an_event_going_ahead_is_confirmed_with_a_reminder(client, status):
    EventFactory(title="Встреча с автором", status=status)

    (item,) = vevents(client.get(reverse("events:calendar")))

    assert str(item["STATUS"]) == "CONFIRMED"
    assert str(item["SUMMARY"]) == "Встреча с автором"
    assert item.walk("VALARM")


def test_rss_says_cancelled_in_the_title_and_description(client, cancelled):
    body = client.get(reverse("events:feed")).content.decode()

    assert "<title>Отменено: Встреча с автором</title>" in body
    assert "<description>Отменено. 10 марта 2030, 14:00" in body
    assert f'<guid isPermaLink="false">{cancelled.calendar_uid}</guid>' in body


def test_rss_says_postponed_with_or_without_a_new_date(client, rescheduled):
    EventFactory(title="Другая встреча", status=Status.POSTPONED)

    body = client.get(reverse("events:feed")).content.decode()

    assert "<title>Перенесено: Встреча с автором</title>" in body
    assert "<description>Перенесено на 15 апреля 2030. 10 марта 2030" in body
    assert "<description>Перенесено, новая дата будет объявлена. 10 марта 2030" in body


def test_rss_of_an_event_going_ahead_is_unchanged(client):
    EventFactory(title="Встреча с автором", starts_at=PAST, status=Status.PLANNED)

    body = client.get(reverse("events:feed")).content.decode()

    assert "<title>Встреча с автором</title>" in body
    assert "<description>10 января 2020, 14:00" in body


# A project's episodes


def test_project_page_marks_a_cancelled_episode_instead_of_its_date(client):
    episode = EpisodeFactory(title="Сказка о ветре", status=Status.CANCELLED)
    EpisodeFactory(project=episode.project, title="Сказка о реке", status=Status.HELD)

    html = client.get(reverse("events:project", args=[episode.project.slug])).content.decode()

    assert html.count('<span class="tag tag-called-off">отменено</span>') == 1
    assert html.count("Опубликован 1 июня 2020") == 1
