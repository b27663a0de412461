"""The marathon in the methodologists' daily email, with no line about it in the reminders: a marathon that ended
in the past week and is still «запланировано» is named with a link to its admin page, once."""

import datetime

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from core.models import Status

from .factories import MarathonFactory

TODAY = datetime.date(2026, 12, 1)


def days_ago(n: int) -> datetime.date:
    return TODAY - datetime.timedelta(days=n)


@pytest.fixture(autouse=True)
def _recipients(methodologist, host):
    methodologist.email = "alice@example.org"
    methodologist.save()


def test_a_marathon_that_ended_last_week_unconfirmed_is_in_the_email_once(db):
    forgotten = MarathonFactory(title="Забытый марафон", starts_on=days_ago(20), ends_on=days_ago(2))
    MarathonFactory(title="Давний марафон", starts_on=days_ago(60), ends_on=days_ago(30))
    MarathonFactory(title="Проведённый марафон", starts_on=days_ago(20), ends_on=days_ago(2), status=Status.HELD)

    call_command("send_reminders", "--today", TODAY.isoformat())
    call_command("send_reminders", "--today", TODAY.isoformat())

    (email,) = mail.outbox
    assert "Читательский марафон «Забытый марафон» (29.11.2026) всё ещё в статусе «запланировано»" in email.body
    assert "Давний марафон" not in email.body
    assert "Проведённый марафон" not in email.body
    assert reverse("admin:marathon_marathon_change", args=[forgotten.pk]) in email.body
