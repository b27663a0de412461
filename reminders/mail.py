"""The daily reminder email: who gets it, what it says, and remembering what it told."""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.templatetags.coopnet import ru_plural_form
from reminders.models import Reminder
from reminders.rules import Due, content_types, everything_due, not_yet_sent

METHODOLOGISTS = "Методисты"

SECTION_TITLES = {
    Reminder.Kind.TERM_ENDS: gettext_lazy("Истекает срок соглашения"),
    Reminder.Kind.NOTICE_DEADLINE: gettext_lazy("Подходит срок, чтобы заявить о непролонгации"),
    Reminder.Kind.DORMANT: gettext_lazy("Соглашения без совместных дел за 12 месяцев"),
    Reminder.Kind.AWAITING_CONFIRMATION: gettext_lazy("Прошло на этой неделе, но всё ещё «запланировано»"),
    Reminder.Kind.NO_ATTENDANCE: gettext_lazy("Проведено на этой неделе, но нет числа участников"),
    Reminder.Kind.NO_ONLINE_LINK: gettext_lazy("Ближайшие 7 дней: нет ссылки на трансляцию"),
    Reminder.Kind.NO_SITE: gettext_lazy("Ближайшие 7 дней: не указано место проведения"),
}


@dataclass
class Outcome:
    today: datetime.date
    items: list[Due] = field(default_factory=list)
    recipients: list[str] = field(default_factory=list)
    message: EmailMessage | None = None
    sent: bool = False


def methodologists() -> list[str]:
    """Active users in the methodologists' group that have an email address."""
    users = get_user_model().objects.filter(is_active=True, groups__name=METHODOLOGISTS).exclude(email="")
    return sorted(set(users.values_list("email", flat=True)))


def recipients(items: list[Due]) -> list[str]:
    """The methodologists, and whoever is answerable for one of the records (an agreement's responsible)."""
    extra = {
        item.responsible.email
        for item in items
        if item.responsible is not None and item.responsible.is_active and item.responsible.email
    }
    return sorted(set(methodologists()) | extra)


def _admin_url(record) -> str:
    opts = record._meta
    return settings.SITE_URL + reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


def _count(n: int) -> str:
    return f"{n} {ru_plural_form(n, _('напоминание'), _('напоминания'), _('напоминаний'))}"


def subject(items: list[Due], today: datetime.date) -> str:
    return _("coopnet: %(count)s на %(day)s") % {"count": _count(len(items)), "day": today.strftime("%d.%m.%Y")}


def compose(items: list[Due], today: datetime.date, to: list[str]) -> EmailMessage:
    sections = []
    for kind, title in SECTION_TITLES.items():
        chosen = [item for item in items if item.kind == kind]
        if chosen:
            lines = [{"text": item.text, "url": _admin_url(item.record)} for item in chosen]
            sections.append({"title": str(title), "count": len(chosen), "items": lines})
    body = render_to_string(
        "reminders/email.txt",
        {
            "today": today,
            "total": _count(len(items)),
            "sections": sections,
            "admin_url": settings.SITE_URL + reverse("admin:index"),
            "history_url": settings.SITE_URL + reverse("admin:reminders_reminder_changelist"),
        },
    )
    return EmailMessage(subject=subject(items, today), body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)


def _remember(items: list[Due], message: EmailMessage) -> None:
    types = content_types(items)
    now = timezone.now()
    Reminder.objects.bulk_create(
        Reminder(
            kind=item.kind,
            content_type=types[type(item.record)],
            object_id=item.record.pk,
            lead_days=item.lead_days,
            due_on=item.due_on,
            text=item.text[:500],
            subject=message.subject[:300],
            recipients=", ".join(message.to),
            sent_at=now,
        )
        for item in items
    )


def send_reminders(today: datetime.date, *, dry_run: bool = False, leads=None) -> Outcome:
    """Email what is due and not yet told, in one message; remember it so no later run tells it again.

    Remembered and sent in one transaction: if sending fails nothing is remembered, and a concurrent run that
    remembered the same items first makes this one fail instead of sending them twice.
    """
    outcome = Outcome(today, not_yet_sent(everything_due(today, leads)))
    if not outcome.items:
        return outcome
    outcome.recipients = recipients(outcome.items)
    if not outcome.recipients:
        return outcome
    outcome.message = compose(outcome.items, today, outcome.recipients)
    if dry_run:
        return outcome
    with transaction.atomic():
        _remember(outcome.items, outcome.message)
        outcome.message.send()
    outcome.sent = True
    return outcome
