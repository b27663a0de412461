"""The agreement's timeline: plain data a test can read, with the held activities credited to it."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from agreements.timeline import ItemKind, agreement_timeline
from core.models import Status
from tests.factories import (
    AgreementFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    ParticipationFactory,
)

D = datetime.date
KEMEROVO = ZoneInfo("Asia/Novokuznetsk")
pytestmark = pytest.mark.django_db


def at(day: datetime.date) -> datetime.datetime:
    return datetime.datetime(day.year, day.month, day.day, 14, 0, tzinfo=KEMEROVO)


@pytest.fixture
def agreement(host):
    return AgreementFactory(
        number="5", signed_on=D(2019, 3, 1), valid_until=D(2020, 3, 1), auto_prolongation=True, signed_at="Кемерово"
    )


def test_the_timeline_lists_a_held_event_credited_to_the_agreement(agreement, host):
    event = EventFactory(
        title="Телемост «Сказки Кузбасса»", organiser=host, starts_at=at(D(2021, 4, 12)), status=Status.HELD
    )
    ParticipationFactory(event=event, library=agreement.partner)
    EventFactory(title="Запланированный вебинар", organiser=agreement.partner, starts_at=at(D(2027, 2, 1)))
    items = agreement_timeline(agreement, today=D(2026, 12, 1))
    [activity] = [item for item in items if item.kind == ItemKind.ACTIVITY]
    assert activity.title == "Телемост «Сказки Кузбасса»"
    assert activity.day == D(2021, 4, 12)
    assert activity.status == "проведено"
    assert activity.details == "Мероприятие (вебинар)"
    assert activity.url == reverse("admin:events_event_change", args=[event.pk])


def test_the_timeline_tells_signing_terms_and_activities_in_date_order(agreement):
    EventFactory(organiser=agreement.partner, starts_at=at(D(2020, 5, 5)), status=Status.HELD, title="Семинар")
    items = agreement_timeline(agreement, today=D(2021, 6, 1))
    assert [(item.day, item.kind) for item in items] == [
        (D(2019, 3, 1), ItemKind.SIGNED),
        (D(2019, 3, 1), ItemKind.TERM),
        (D(2020, 3, 2), ItemKind.TERM),
        (D(2020, 5, 5), ItemKind.ACTIVITY),
        (D(2021, 3, 2), ItemKind.TERM),
    ]
    assert items[2].title == "Пролонгация"
    assert items[2].details == "до 01.03.2021"


def test_an_activity_credited_by_hand_is_listed_and_one_credited_elsewhere_is_not(agreement, host):
    newer = AgreementFactory(partner=agreement.partner, signed_on=D(2022, 1, 1))
    EventFactory(
        title="По решению методиста",
        organiser=host,
        starts_at=at(D(2021, 1, 20)),
        status=Status.HELD,
        agreement=agreement,
    )
    EventFactory(
        title="По новому соглашению", organiser=agreement.partner, starts_at=at(D(2023, 1, 20)), status=Status.HELD
    )
    titles = {
        item.title for item in agreement_timeline(agreement, today=D(2026, 12, 1)) if item.kind == ItemKind.ACTIVITY
    }
    assert titles == {"По решению методиста"}
    newer_titles = {
        item.title for item in agreement_timeline(newer, today=D(2026, 12, 1)) if item.kind == ItemKind.ACTIVITY
    }
    assert newer_titles == {"По новому соглашению"}


def test_an_exhibition_stop_at_the_partner_is_dated_by_its_stop(agreement, host):
    exhibition = ExhibitionFactory(title="Книжные памятники", provider=host, status=Status.HELD)
    ExhibitionStopFactory(exhibition=exhibition, venue=host, starts_on=D(2020, 9, 1), ends_on=D(2020, 9, 30))
    ExhibitionStopFactory(
        exhibition=exhibition, venue=agreement.partner, starts_on=D(2020, 11, 1), ends_on=D(2020, 11, 30)
    )
    [item] = [item for item in agreement_timeline(agreement, today=D(2026, 12, 1)) if item.kind == ItemKind.ACTIVITY]
    assert (item.title, item.day) == ("Книжные памятники", D(2020, 11, 1))


@pytest.mark.parametrize("rows", [2, 12])
def test_the_timeline_takes_a_fixed_number_of_queries(agreement, host, rows, django_assert_max_num_queries):
    for index in range(rows):
        event = EventFactory(
            organiser=host, starts_at=at(D(2021, 1, 1) + datetime.timedelta(days=index)), status=Status.HELD
        )
        ParticipationFactory(event=event, library=agreement.partner)
        ExhibitionStopFactory(
            exhibition=ExhibitionFactory(provider=agreement.partner, status=Status.HELD),
            starts_on=D(2021, 5, 1),
            ends_on=D(2021, 5, 30),
        )
    # Amendments and their directions (3), the partner's agreements (1), then per kind of activity its rows,
    # what the credit rule reads and the two overrides (4 kinds: 15).
    with django_assert_max_num_queries(19):
        items = agreement_timeline(agreement, today=D(2026, 12, 1))
    assert len([item for item in items if item.kind == ItemKind.ACTIVITY]) == 2 * rows


def test_the_change_page_shows_the_timeline(client, methodologist, agreement):
    EventFactory(
        title="Круглый стол о чтении", organiser=agreement.partner, starts_at=at(D(2020, 5, 5)), status=Status.HELD
    )
    client.force_login(methodologist)
    page = client.get(reverse("admin:agreements_agreement_change", args=[agreement.pk])).content.decode()
    assert "История соглашения" in page
    assert "Круглый стол о чтении" in page
    assert "Первоначальный срок" in page


def test_the_timeline_ends_with_the_notice_deadline_of_the_running_term(host):
    agreement = AgreementFactory(
        signed_on=D(2024, 3, 1), valid_until=D(2025, 3, 1), auto_prolongation=True, notice_days=30
    )
    last = agreement_timeline(agreement, today=D(2026, 12, 1))[-1]
    assert last.kind == ItemKind.NOTICE_DEADLINE
    assert last.day == D(2027, 1, 30)
    assert last.details == "иначе соглашение продлится до 01.03.2028"


def test_the_change_page_does_not_grow_with_the_activities(client, methodologist, agreement, host):
    client.force_login(methodologist)
    url = reverse("admin:agreements_agreement_change", args=[agreement.pk])

    def queries_with(rows: int) -> int:
        for index in range(rows):
            event = EventFactory(organiser=host, starts_at=at(D(2021, 1, 1) + datetime.timedelta(days=index)))
            event.status = Status.HELD
            event.save()
            ParticipationFactory(event=event, library=agreement.partner)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured.captured_queries)

    assert queries_with(2) == queries_with(10)
