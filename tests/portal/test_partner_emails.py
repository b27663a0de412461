"""«Внесите цифры»: partner libraries' portal members are asked for their row's figures the day after an activity
and once more a week later, each email once, through the daily `send_reminders` command."""

import datetime
import io

import pytest
from django.conf import settings
from django.core import mail
from django.core.management import call_command

from core.models import Status
from reminders.models import Reminder
from tests.factories import (
    KEMEROVO,
    EventFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    MembershipFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db
ENDED = datetime.date(2026, 3, 10)


def day(offset: int) -> datetime.date:
    return ENDED + datetime.timedelta(days=offset)


def run(today: datetime.date, *args) -> str:
    out = io.StringIO()
    call_command("send_reminders", "--today", today.isoformat(), *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def partner_mail():
    """The partner emails sent (the methodologists' daily email aside)."""
    return [m for m in mail.outbox if m.subject.startswith(("Внесите цифры", "Напоминаем"))]


@pytest.fixture(autouse=True)
def _host(host):
    """The host library exists."""


@pytest.fixture
def library():
    library = LibraryFactory(name="Томская областная детско-юношеская библиотека", short_name="Томская ОДЮБ")
    MembershipFactory(library=library, user__username="anna@example.org")
    MembershipFactory(library=library, user__username="olga@example.org")
    return library


def held_event(library, **kwargs):
    start = datetime.datetime.combine(ENDED, datetime.time(14), tzinfo=KEMEROVO)
    event = EventFactory(
        title="Читаем вместе",
        kind="telebridge",
        starts_at=start,
        ends_at=start + datetime.timedelta(hours=2),
        status=kwargs.pop("status", Status.HELD),
    )
    return ParticipationFactory(event=event, library=library, **kwargs)


def test_the_day_after_the_members_are_asked_then_once_more_a_week_later(library):
    row = held_event(library)
    assert not partner_mail() and run(day(0)) is not None and not partner_mail()  # not on the day itself

    run(day(1))
    [first] = partner_mail()
    assert first.to == ["anna@example.org", "olga@example.org"]
    assert first.subject == "Внесите цифры: телемост «Читаем вместе»"
    assert "Мероприятие «Читаем вместе» (телемост) прошло 10.03.2026." in first.body
    assert "цифры библиотеки «Томская областная детско-юношеская библиотека»: число участников" in first.body
    assert f"{settings.SITE_URL}/partner/events/{row.pk}/" in first.body
    assert "&" not in first.body  # plain text

    for offset in range(2, 8):  # nothing more during the week
        run(day(offset))
    assert len(partner_mail()) == 1

    run(day(8))
    assert len(partner_mail()) == 2
    again = partner_mail()[1]
    assert again.subject == "Напоминаем: внесите цифры — телемост «Читаем вместе»"
    assert "всё ещё нет" in again.body and "последнее напоминание" in again.body

    for offset in range(9, 30):
        run(day(offset))
    assert len(partner_mail()) == 2
    kinds = sorted(Reminder.objects.values_list("kind", flat=True))
    assert kinds == [Reminder.Kind.PARTNER_FIGURES, Reminder.Kind.PARTNER_FIGURES_AGAIN]
    remembered = Reminder.objects.get(kind=Reminder.Kind.PARTNER_FIGURES)
    assert remembered.record == row and remembered.due_on == ENDED
    assert remembered.recipients == "anna@example.org, olga@example.org"
    assert remembered.text == "Томская ОДЮБ: просьба внести цифры — телемост «Читаем вместе» (10.03.2026)"


def test_no_second_email_once_the_figure_is_in(library):
    row = held_event(library)
    run(day(1))
    row.participants_count = 25
    row.save()
    run(day(8))
    assert len(partner_mail()) == 1


def test_a_filled_row_the_hosts_row_and_a_called_off_event_are_not_asked(library, host):
    held_event(library, participants_count=12)
    held_event(host)
    held_event(library, status=Status.CANCELLED)
    held_event(library, status=Status.POSTPONED)
    run(day(1))
    assert not partner_mail()


def test_an_event_over_but_not_yet_marked_held_is_asked(library):
    held_event(library, status=Status.PLANNED)
    run(day(1))
    assert len(partner_mail()) == 1


def test_a_library_without_portal_members_gets_nothing_and_is_told_later_once_it_has_one(host):
    library = LibraryFactory(short_name="Омская ДБ")
    held_event(library)
    output = run(day(1))
    assert not partner_mail() and not Reminder.objects.filter(kind__startswith="partner").exists()
    assert "no portal member to ask for figures at Омская ДБ" in output
    MembershipFactory(library=library)
    run(day(2))
    assert len(partner_mail()) == 1


def test_invited_members_who_never_set_a_password_and_closed_accounts_are_not_written_to(host):
    library = LibraryFactory()
    MembershipFactory(library=library, joined_at=None)
    closed = MembershipFactory(library=library)
    closed.user.is_active = False
    closed.user.save()
    held_event(library)
    run(day(1))
    assert not partner_mail()


def test_a_stop_at_a_partner_library_without_visitors(library, host):
    stop = ExhibitionStopFactory(
        exhibition__title="Сказки Сибири",
        venue=library,
        starts_on=datetime.date(2026, 2, 10),
        ends_on=ENDED,
        status=Status.HELD,
    )
    ExhibitionStopFactory(venue=host, starts_on=datetime.date(2026, 1, 10), ends_on=ENDED)  # the host's own
    run(day(1))
    [message] = partner_mail()
    assert message.subject == "Внесите цифры: выставка «Сказки Сибири»"
    assert "Выставка «Сказки Сибири» работала в вашей библиотеке до 10.03.2026." in message.body
    assert "число посетителей" in message.body
    assert f"{settings.SITE_URL}/partner/stops/{stop.pk}/" in message.body


def test_a_cancelled_stop_is_not_asked(library):
    ExhibitionStopFactory(venue=library, starts_on=datetime.date(2026, 2, 10), ends_on=ENDED, status=Status.CANCELLED)
    run(day(1))
    assert not partner_mail()


def test_a_missed_run_catches_up_within_a_week_and_old_rows_stay_quiet(library):
    held_event(library)
    run(day(20))  # the first run after deploying, long after the event
    assert not partner_mail()


def test_a_missed_day_catches_up(library):
    held_event(library)
    run(day(4))
    assert len(partner_mail()) == 1


def test_a_dry_run_prints_and_records_nothing(library):
    held_event(library)
    output = run(day(1), "--dry-run")
    assert "Subject: Внесите цифры: телемост «Читаем вместе»" in output
    assert "1 partner email(s) would be sent" in output
    assert not partner_mail() and not Reminder.objects.exists()
    run(day(1))
    assert len(partner_mail()) == 1


def test_nothing_is_remembered_when_sending_fails(library, monkeypatch):
    held_event(library)

    def fail(*args, **kwargs):
        raise OSError("SMTP down")

    monkeypatch.setattr("django.core.mail.EmailMessage.send", fail)
    with pytest.raises(OSError):
        run(day(1))
    assert not Reminder.objects.filter(kind=Reminder.Kind.PARTNER_FIGURES).exists()
