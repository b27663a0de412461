"""The list filters of the events admin, through the changelist as staff use them (`?param=value`)."""

import pytest
from django.urls import reverse

from core.models import Status
from tests.dashboard.moments import at, days
from tests.factories import EpisodeFactory, EventFactory, ParticipationFactory


def event(title, start_day, status=Status.PLANNED, **fields):
    return EventFactory(title=title, starts_at=at(start_day), status=status, **fields)


def listed(client, user, url_name, **params):
    client.force_login(user)
    response = client.get(reverse(url_name), params)
    assert response.status_code == 200
    return {str(obj) for obj in response.context["cl"].result_list}


def events(client, user, **params):
    return listed(client, user, "admin:events_event_changelist", **params)


@pytest.fixture
def week(db):
    return {
        "last_week": event("Прошлая неделя", days(-7), Status.HELD),
        "monday": event("Понедельник", days(-2), Status.HELD),
        "sunday": event("Воскресенье", days(4)),
        "next_monday": event("Следующий понедельник", days(5)),
        "far": event("Через месяц", days(30)),
    }


def test_upcoming_and_past(client, methodologist, week):
    assert events(client, methodologist, when="upcoming") == {"Воскресенье", "Следующий понедельник", "Через месяц"}
    assert events(client, methodologist, when="past") == {"Прошлая неделя", "Понедельник"}


def test_a_running_event_is_upcoming_not_past(client, methodologist, db):
    EventFactory(title="Идёт сейчас", starts_at=at(days(0), 11), ends_at=at(days(0), 13))
    assert events(client, methodologist, when="upcoming") == {"Идёт сейчас"}
    assert events(client, methodologist, when="past") == set()


def test_this_week_and_next_week_run_monday_to_sunday(client, methodologist, week):
    assert events(client, methodologist, when="this_week") == {"Понедельник", "Воскресенье"}
    assert events(client, methodologist, when="next_week") == {"Следующий понедельник"}


def test_status_awaiting_confirmation_is_past_and_still_planned(client, manager, db):
    event("Забыли отметить", days(-3))
    event("Впереди", days(3))
    event("Отмечено", days(-3), Status.HELD)
    event("Отменено", days(-3), Status.CANCELLED)
    assert events(client, manager, status="awaiting") == {"Забыли отметить"}
    assert events(client, manager, status="planned") == {"Впереди"}
    assert events(client, manager, status="held") == {"Отмечено"}
    assert events(client, manager, status="cancelled") == {"Отменено"}


def test_the_status_filter_offers_awaiting_confirmation(client, methodologist, db):
    client.force_login(methodologist)
    response = client.get(reverse("admin:events_event_changelist"))
    assert "ждёт подтверждения" in response.content.decode()
    assert "без данных о посещаемости" in response.content.decode()


def test_without_attendance_is_held_with_nothing_known_and_zero_is_known(client, methodologist, db):
    event("Ничего не известно", days(-10), Status.HELD)
    nobody = event("Никто не пришёл", days(-10), Status.HELD)
    ParticipationFactory(event=nobody, participants_count=0)
    event("Общее число", days(-10), Status.HELD, participants_count=25)
    event("Онлайн-зрители", days(-10), Status.HELD, online_viewers=40)
    site_unknown = event("Площадка без числа", days(-10), Status.HELD)
    ParticipationFactory(event=site_unknown, participants_count=None)
    event("Ещё не прошло", days(10))
    assert events(client, methodologist, attendance="unknown") == {"Ничего не известно", "Площадка без числа"}
    assert events(client, methodologist, attendance="known") == {"Никто не пришёл", "Общее число", "Онлайн-зрители"}


def test_filters_combine(client, methodologist, week):
    assert events(client, methodologist, when="past", status="held") == {"Прошлая неделя", "Понедельник"}
    assert events(client, methodologist, when="this_week", status="planned") == {"Воскресенье"}


def test_an_unknown_filter_value_lists_everything_without_an_error(client, methodologist, week):
    assert len(events(client, methodologist, when="someday", status="maybe", attendance="?")) == 5


def episodes(client, user, **params):
    return listed(client, user, "admin:events_episode_changelist", **params)


def test_episode_filters(client, methodologist, db):
    EpisodeFactory(title="Вышел", published_on=days(-5), status=Status.HELD)
    EpisodeFactory(title="Не отмечен", published_on=days(-5))
    EpisodeFactory(title="Выйдет", published_on=days(5))
    EpisodeFactory(title="Без даты", published_on=None)
    assert {s.split(". ", 1)[1] for s in episodes(client, methodologist, status="awaiting")} == {"Не отмечен"}
    assert {s.split(". ", 1)[1] for s in episodes(client, methodologist, when="past")} == {"Вышел", "Не отмечен"}
    assert {s.split(". ", 1)[1] for s in episodes(client, methodologist, when="upcoming")} == {"Выйдет"}
    assert {s.split(". ", 1)[1] for s in episodes(client, methodologist, status="planned")} == {"Выйдет", "Без даты"}
