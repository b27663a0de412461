"""Emails to partner libraries' portal members: «Внесите цифры» about the library's own row in an activity.

A row waits for the partner's figures when its activity has taken place and its figure is still empty — the portal's
own rules decide (`portal.access.awaits_event_figures`, `may_enter_figures`), after a preselection in SQL:

- an event's participation of a library that is not the host, with `participants_count` empty;
- an exhibition's stop at a partner library, with `visitors` empty.

The library's members are asked the day after the activity ended, and once more a week later if the figure is
still empty; each email is sent once (kept as a `reminders.Reminder` of the kind PARTNER_FIGURES or
PARTNER_FIGURES_AGAIN, keyed by the row and the day it ended). A run that missed days catches up within a week;
older rows are left alone, so the first run after deploying does not mail every past activity. The recipients
are the library's active members who have set a password (an invited one who has not cannot log in to act on
it); a library without them gets nothing, and nothing is recorded, so a member who joins within the week is
still told.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.mail import EmailMessage
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Library
from core.dates import day_start
from events.models import Event, Participation
from exhibitions.models import ExhibitionStop
from portal.access import awaits_event_figures, may_enter_figures, other_sides
from portal.models import Membership
from reminders.models import Reminder

DAY = datetime.timedelta(days=1)
WEEK = datetime.timedelta(days=7)
Kind = Reminder.Kind
# Days after the activity's last day: the first email from the next day, the second a week after the first. Each
# is due within a week of its day, so a missed run catches up and old rows stay quiet.
SCHEDULE = ((Kind.PARTNER_FIGURES, DAY), (Kind.PARTNER_FIGURES_AGAIN, DAY + WEEK))


@dataclass(frozen=True)
class PartnerDue:
    """One email to one library: its row in an activity, the day the activity ended and which of the two emails."""

    kind: str
    record: Participation | ExhibitionStop
    library: Library
    ended_on: datetime.date
    activity: str  # «телемост «…»», «выставка «…»»
    opening: str  # the email's first sentence: what took place and when
    figures: str  # what to enter
    path: str  # the row's page in the portal

    @property
    def again(self) -> bool:
        return self.kind == Kind.PARTNER_FIGURES_AGAIN

    def text(self) -> str:
        """The line remembered in `Reminder.text` (the admin's list of sent reminders and the dashboard)."""
        return _("%(library)s: просьба внести цифры — %(activity)s (%(day)s)") % {
            "library": self.library.short_name,
            "activity": self.activity,
            "day": _date(self.ended_on),
        }


def _date(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def _participations(ended_from: datetime.date, ended_until: datetime.date):
    return (
        Participation.objects.filter(
            participants_count__isnull=True, library__is_host=False, event__in=Event.objects.going_ahead()
        )
        .filter(event__ends_at__gte=day_start(ended_from), event__ends_at__lt=day_start(ended_until + DAY))
        .select_related("event", "library")
        .prefetch_related("event__participations")
        .order_by("event__ends_at", "pk")
    )


def _stops(ended_from: datetime.date, ended_until: datetime.date):
    return (
        ExhibitionStop.objects.going_ahead()
        .filter(visitors__isnull=True, venue__is_host=False)
        .filter(ends_on__gte=ended_from, ends_on__lte=ended_until)
        .select_related("exhibition", "venue")
        .order_by("ends_on", "pk")
    )


def _other_kinds(kind: str, ended_from: datetime.date, ended_until: datetime.date, today: datetime.date):
    """The rows of every other registered kind (`core.kinds`) whose activity ended in the days and that still lack
    a figure, by the portal's own rule (`may_enter_figures`)."""
    due = []
    for activity_kind, side in other_sides():
        if not side.ends_on:
            continue
        rows = (
            side.rows()
            .exclude(**{f"{side.library_field}__is_host": True})
            .filter(**{f"{side.ends_on}__gte": ended_from, f"{side.ends_on}__lte": ended_until})
            .order_by(side.ends_on, "pk")
        )
        for row in rows:
            activity = side.record(row)
            if not may_enter_figures(activity, today):
                continue
            if all(getattr(row, name) is not None for name in side.model.PARTNER_FIGURES):
                continue
            noun, title, ended = side.noun or str(activity_kind.title), side.title(row), side.dates(row)[1]
            due.append(
                PartnerDue(
                    kind,
                    row,
                    getattr(row, side.library_field),
                    ended,
                    _("%(kind)s «%(title)s»") % {"kind": noun, "title": title},
                    _("«%(title)s» (%(kind)s): последний день — %(day)s.")
                    % {"title": title, "kind": noun, "day": _date(ended)},
                    _("цифры вашей площадки"),
                    reverse("portal:row", args=[activity_kind.key, row.pk]),
                )
            )
    return due


def _rows(kind: str, ended_from: datetime.date, ended_until: datetime.date, today: datetime.date) -> list[PartnerDue]:
    """The rows the SQL preselects, kept when the portal's own rule says they wait for the partner's figures."""
    due = []
    for row in _participations(ended_from, ended_until):
        if not awaits_event_figures(row, today):
            continue
        event = row.event
        due.append(
            PartnerDue(
                kind,
                row,
                row.library,
                timezone.localdate(event.ends_at),
                _("%(kind)s «%(title)s»") % {"kind": event.get_kind_display(), "title": event.title},
                _("Мероприятие «%(title)s» (%(kind)s) прошло %(day)s.")
                % {
                    "title": event.title,
                    "kind": event.get_kind_display(),
                    "day": _date(timezone.localdate(event.ends_at)),
                },
                _("число участников на вашей площадке"),
                reverse("portal:participation", args=[row.pk]),
            )
        )
    for stop in _stops(ended_from, ended_until):
        if not may_enter_figures(stop, today):
            continue
        due.append(
            PartnerDue(
                kind,
                stop,
                stop.venue,
                stop.ends_on,
                _("выставка «%(title)s»") % {"title": stop.exhibition.title},
                _("Выставка «%(title)s» работала в вашей библиотеке до %(day)s.")
                % {"title": stop.exhibition.title, "day": _date(stop.ends_on)},
                _("число посетителей выставки и экскурсий в вашей библиотеке"),
                reverse("portal:stop", args=[stop.pk]),
            )
        )
    return due + _other_kinds(kind, ended_from, ended_until, today)


def partner_figures_due(today: datetime.date) -> list[PartnerDue]:
    """Every email due today, sent or not."""
    due = []
    for kind, after in SCHEDULE:
        # Ended on a day `after` or up to a week more before today.
        due += _rows(kind, today - after - WEEK + DAY, today - after, today)
    return due


def not_yet_sent(items: list[PartnerDue]) -> list[PartnerDue]:
    if not items:
        return []
    types = ContentType.objects.get_for_models(*{type(item.record) for item in items})
    sent = set(
        Reminder.objects.filter(
            kind__in=[kind for kind, _after in SCHEDULE],
            content_type__in=types.values(),
            object_id__in={item.record.pk for item in items},
        ).values_list("kind", "content_type_id", "object_id", "due_on")
    )
    return [
        item for item in items if (item.kind, types[type(item.record)].pk, item.record.pk, item.ended_on) not in sent
    ]


def members_of(library_ids) -> dict[int, list[str]]:
    """Each library's members who may log in and have an email address, by library id (one query)."""
    members: dict[int, set[str]] = {}
    rows = (
        Membership.objects.active()
        .filter(library_id__in=library_ids, joined_at__isnull=False, user__is_staff=False)
        .exclude(user__email="")
        .values_list("library_id", "user__email")
    )
    for library_id, email in rows:
        members.setdefault(library_id, set()).add(email.lower())
    return {library_id: sorted(emails) for library_id, emails in members.items()}


def compose(item: PartnerDue, to: list[str]) -> EmailMessage:
    context = {
        "item": item,
        "library": item.library.name,
        "activity": item.activity,
        "opening": item.opening,
        "figures": item.figures,
        "link": settings.SITE_URL + item.path,
        "login": settings.SITE_URL + reverse("portal:login"),
        "again": item.again,
    }
    subject = " ".join(render_to_string("reminders/partner_figures_subject.txt", context).split())
    body = render_to_string("reminders/partner_figures.txt", context)
    return EmailMessage(subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=to)


@dataclass
class PartnerOutcome:
    today: datetime.date
    messages: list[EmailMessage] = field(default_factory=list)
    without_members: list[PartnerDue] = field(default_factory=list)


def send_partner_reminders(today: datetime.date, *, dry_run: bool = False) -> PartnerOutcome:
    """Email each library's members about each of its rows due today, once; remember each email as it goes.

    Each email is remembered and sent in one transaction: if sending fails it is not remembered (the next run
    tries again), and a concurrent run that remembered it first makes this one fail instead of sending it twice.
    """
    outcome = PartnerOutcome(today)
    items = not_yet_sent(partner_figures_due(today))
    members = members_of({item.library.pk for item in items})
    types = ContentType.objects.get_for_models(*{type(item.record) for item in items}) if items else {}
    for item in items:
        to = members.get(item.library.pk)
        if not to:
            outcome.without_members.append(item)
            continue
        message = compose(item, to)
        outcome.messages.append(message)
        if dry_run:
            continue
        with transaction.atomic():
            Reminder.objects.create(
                kind=item.kind,
                content_type=types[type(item.record)],
                object_id=item.record.pk,
                lead_days=0,
                due_on=item.ended_on,
                text=item.text()[:500],
                subject=message.subject[:300],
                recipients=", ".join(to),
                sent_at=timezone.now(),
            )
            message.send()
    return outcome
