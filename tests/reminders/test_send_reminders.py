"""The daily reminder email, through the command the timer runs (`send_reminders --today`)."""

import datetime

import pytest
import time_machine
from django.core import mail
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from core.models import Status
from events.models import Event
from reminders.models import Reminder
from reports.report import build_report
from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionStopFactory,
    ParticipationFactory,
    UserFactory,
)

TODAY = datetime.date(2026, 12, 1)


def at(day: datetime.date, hour: int = 14) -> datetime.datetime:
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=KEMEROVO)


def run(today=TODAY, *args):
    call_command("send_reminders", "--today", today.isoformat(), *args)


def expiring(days_left: int, **kwargs):
    """An agreement in force since long ago whose term ends `days_left` days after TODAY."""
    return AgreementFactory(
        signed_on=datetime.date(2024, 1, 10), valid_until=TODAY + datetime.timedelta(days=days_left), **kwargs
    )


def served(agreement, day=TODAY - datetime.timedelta(days=20)):
    """A held activity under the agreement, so it is not dormant."""
    EventFactory(organiser=agreement.partner, status=Status.HELD, participants_count=10, starts_at=at(day))


@pytest.fixture(autouse=True)
def _recipients(methodologist, host):
    """alice is a methodologist with an email; every test's host library exists."""


def test_agreement_ending_in_80_days_is_reminded_once_for_the_90_day_lead(db):
    agreement = expiring(80, number="3/С", partner__short_name="Омская ДБ")
    served(agreement)
    run()
    assert len(mail.outbox) == 1
    assert "Омская ДБ, соглашение № 3/С от 10.01.2024: срок действия истекает 19.02.2027 (через 80 дней)." in (
        mail.outbox[0].body
    )
    assert mail.outbox[0].to == ["alice@example.org"]
    assert Reminder.objects.get().lead_days == 90


def test_each_lead_time_is_reminded_once(db):
    agreement = expiring(100)
    served(agreement)
    sent_leads = []
    for offset in (0, 9, 10, 11, 50, 69, 70, 71, 92, 93, 94, 100, 101):  # 100 days left on day 0
        mail.outbox.clear()
        run(TODAY + datetime.timedelta(days=offset))
        sent_leads += [r.lead_days for r in Reminder.objects.filter(kind=Reminder.Kind.TERM_ENDS).order_by("pk")][
            len(sent_leads) :
        ]
    assert sent_leads == [90, 30, 7]


def test_running_twice_sends_nothing_new(db):
    served(expiring(20))
    run()
    run()
    assert len(mail.outbox) == 1
    assert Reminder.objects.count() == 1


def test_terminated_agreement_gets_no_reminder(db):
    agreement = expiring(20, status="terminated", terminated_on=datetime.date(2025, 5, 1))
    served(agreement)
    run()
    assert mail.outbox == []


def test_nothing_due_sends_nothing(db):
    run()
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_past_week_planned_event_is_listed(db):
    event = EventFactory(title="Забытый вебинар", starts_at=at(TODAY - datetime.timedelta(days=3)))
    EventFactory(title="Давний вебинар", starts_at=at(TODAY - datetime.timedelta(days=30)))
    run()
    body = mail.outbox[0].body
    assert "«Забытый вебинар» (28.11.2026) всё ещё в статусе «запланировано»" in body
    assert "Давний вебинар" not in body
    assert reverse("admin:events_event_change", args=[event.pk]) in body


def test_held_event_without_attendance_is_listed_and_zero_is_not(db):
    EventFactory(title="Без цифр", status=Status.HELD, starts_at=at(TODAY - datetime.timedelta(days=2)))
    EventFactory(
        title="Никто не пришёл",
        status=Status.HELD,
        participants_count=0,
        starts_at=at(TODAY - datetime.timedelta(days=2)),
    )
    run()
    body = mail.outbox[0].body
    assert "«Без цифр» (29.11.2026) проведено, но число участников не указано" in body
    assert "Никто не пришёл" not in body


def test_next_week_online_event_without_link_is_listed(db):
    EventFactory(title="Без ссылки", starts_at=at(TODAY + datetime.timedelta(days=5)), online_url="")
    EventFactory(
        title="Со ссылкой", starts_at=at(TODAY + datetime.timedelta(days=5)), online_url="https://example.org/live"
    )
    EventFactory(title="Черновик", starts_at=at(TODAY + datetime.timedelta(days=5)), is_published=False)
    EventFactory(title="Через месяц", starts_at=at(TODAY + datetime.timedelta(days=30)))
    run()
    body = mail.outbox[0].body
    assert "«Без ссылки» (06.12.2026, через 5 дней): нет ссылки на трансляцию" in body
    for title in ("Со ссылкой", "Черновик", "Через месяц"):
        assert title not in body


def test_next_week_offline_event_without_a_place_is_listed(db):
    day = TODAY + datetime.timedelta(days=2)
    EventFactory(title="Где-то", format=Event.Format.OFFLINE, starts_at=at(day))
    ParticipationFactory(event=EventFactory(title="В зале партнёра", format=Event.Format.OFFLINE, starts_at=at(day)))
    run()
    body = mail.outbox[0].body
    assert "«Где-то» (03.12.2026, через 2 дня): не указано, где оно пройдёт" in body
    assert "В зале партнёра" not in body


def test_dormant_agreement_is_listed_once(db):
    AgreementFactory(signed_on=datetime.date(2023, 3, 1))
    run()
    run()
    assert len(mail.outbox) == 1
    assert "не проведено ни одного совместного дела" in mail.outbox[0].body
    assert Reminder.objects.get().kind == Reminder.Kind.DORMANT


def test_agreement_served_recently_is_not_dormant(db):
    served(AgreementFactory(signed_on=datetime.date(2023, 3, 1)))
    run()
    assert mail.outbox == []


def test_the_email_names_its_count_in_russian_and_links_the_admin(db, settings):
    settings.SITE_URL = "https://coopnet.example.org"
    for n in range(2):
        EventFactory(starts_at=at(TODAY - datetime.timedelta(days=n + 1)))
    run()
    message = mail.outbox[0]
    assert message.subject == "coopnet: 2 напоминания на 01.12.2026"
    assert "https://coopnet.example.org/admin/" in message.body


def test_inactive_and_addressless_methodologists_get_nothing(db):
    UserFactory(username="gone", is_active=False, groups=["Методисты"])
    UserFactory(username="mute", email="", groups=["Методисты"])
    UserFactory(username="other")
    EventFactory(starts_at=at(TODAY - datetime.timedelta(days=1)))
    run()
    assert mail.outbox[0].to == ["alice@example.org"]


def test_dry_run_prints_and_records_nothing(db, capsys):
    EventFactory(title="Забытый вебинар", starts_at=at(TODAY - datetime.timedelta(days=1)))
    run(TODAY, "--dry-run")
    assert "Забытый вебинар" in capsys.readouterr().out
    assert mail.outbox == []
    assert not Reminder.objects.exists()


def test_bad_date_is_refused(db):
    with pytest.raises(CommandError, match="YYYY-MM-DD"):
        call_command("send_reminders", "--today", "01.12.2026")


def test_staff_see_what_was_sent_read_only(client, methodologist):
    EventFactory(starts_at=at(TODAY - datetime.timedelta(days=1)))
    run()
    client.force_login(methodologist)
    response = client.get(reverse("admin:reminders_reminder_changelist"))
    assert response.status_code == 200
    assert "всё ещё в статусе «запланировано»" in response.content.decode()
    assert client.get(reverse("admin:reminders_reminder_add")).status_code == 403


def test_prolongation_notice_deadline_is_reminded(db):
    agreement = AgreementFactory(
        number="5/С",
        partner__short_name="Томская ОДЮБ",
        signed_on=datetime.date(2024, 1, 20),
        valid_until=datetime.date(2025, 1, 20),
        auto_prolongation=True,
        notice_days=30,
    )
    served(agreement)
    run()
    body = mail.outbox[0].body
    assert (
        "Томская ОДЮБ, соглашение № 5/С от 20.01.2024: заявить о том, что оно не продлевается, нужно до "
        "21.12.2026 (через 20 дней)" in body
    )
    assert "текущий срок истекает 20.01.2027 (через 50 дней); если никто не заявит о расторжении" in body
    kinds = dict(Reminder.objects.values_list("kind", "lead_days"))
    assert kinds == {Reminder.Kind.NOTICE_DEADLINE: 30, Reminder.Kind.TERM_ENDS: 90}


def test_the_agreement_responsible_is_told_too(db):
    agreement = expiring(20, host_responsible=UserFactory(username="resp"))
    served(agreement)
    run()
    assert mail.outbox[0].to == ["alice@example.org", "resp@example.org"]


def test_dormant_items_are_the_reports_dormant_agreements(db):
    """One rule: the email lists exactly the agreements the annual report counts as dormant."""
    for signed in (datetime.date(2023, 3, 1), datetime.date(2024, 6, 1), datetime.date(2026, 6, 1)):
        AgreementFactory(signed_on=signed)
    served(AgreementFactory(signed_on=datetime.date(2023, 3, 1)))
    with time_machine.travel(at(TODAY, 9), tick=False):
        dormant = build_report(TODAY.year).agreements.dormant
        run()
    assert dormant == 2
    assert Reminder.objects.filter(kind=Reminder.Kind.DORMANT).count() == dormant


def test_queries_do_not_grow_with_items(db, django_assert_max_num_queries):
    def make(n):
        for i in range(n):
            served(expiring(20 + i, partner__short_name=f"Партнёр {i}"))
            EventFactory(starts_at=at(TODAY - datetime.timedelta(days=1)))
            EventFactory(starts_at=at(TODAY + datetime.timedelta(days=2)))

    make(2)
    with CaptureQueriesContext(connection) as few:
        run()
    Reminder.objects.all().delete()
    make(6)
    with django_assert_max_num_queries(len(few)):
        run()


def test_past_week_planned_episode_and_exhibition_are_listed(db):
    EpisodeFactory(title="Шорская сказка", published_on=TODAY - datetime.timedelta(days=2))
    ExhibitionStopFactory(
        exhibition__title="Книги Кузбасса",
        starts_on=TODAY - datetime.timedelta(days=30),
        ends_on=TODAY - datetime.timedelta(days=4),
    )
    run()
    body = mail.outbox[0].body
    assert "Выпуск «" in body and "Шорская сказка» (29.11.2026) всё ещё в статусе «запланировано»" in body
    assert "Выставка «Книги Кузбасса» (27.11.2026) всё ещё в статусе «запланировано»" in body
