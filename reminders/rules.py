"""What the methodologists are reminded of on a day. Each rule asks the models' own definitions; none is restated.

- An agreement's term ends within a lead time (settings.REMINDER_LEAD_DAYS: 90, 30, 7 days): the term end is
  `Agreement.current_term_end(day)`. Its prolongation-notice deadline falls within a lead time:
  `Agreement.notice_deadline(day)`. The agreement's responsible member of staff is told as well.
  Each is reminded of once per lead time: the shortest lead time the date is within.
- A dormant agreement: the annual report's rule (`reports.report.dormant_agreements`, reports/agreement_figures.py).
- An activity that ended in the past week is still «запланировано» (`ScheduledQuerySet.awaiting_confirmation`), or
  an event held in the past week has no attendance figure (`EventQuerySet.held_without_attendance`: unknown, not
  zero).
- A published event of the next seven days, going ahead, has no online link (online and hybrid formats), or no
  place: neither an address nor a participating library (offline, hybrid and telebridges).

Only agreements in force get reminders: never a draft or a terminated one. Each item is keyed by (kind, record,
lead time, date) so `reminders.models.Reminder` remembers it and it is sent once.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement
from core.dates import day_start
from core.kinds import kinds
from core.templatetags.coopnet import ru_plural_form
from events.models import Event, Participation
from reminders.models import Reminder
from reports.report import dormant_agreements

WEEK = datetime.timedelta(days=7)
Kind = Reminder.Kind


@dataclass(frozen=True)
class Due:
    """One item to remind of: the key it is remembered by, and its line in the email."""

    kind: str
    record: object
    due_on: datetime.date
    text: str
    lead_days: int = 0
    responsible: object = None  # a user answerable for the record, told as well as the methodologists

    def key(self, content_type_id: int) -> tuple:
        return (self.kind, content_type_id, self.record.pk, self.lead_days, self.due_on)


def _date(day: datetime.date) -> str:
    return day.strftime("%d.%m.%Y")


def _named(agreement: Agreement) -> str:
    """«Томская ОДЮБ, соглашение № 5/С от 18.04.2019»: the partner in the nominative, never declined."""
    number = f" № {agreement.number}" if agreement.number else ""
    return _("%(partner)s, соглашение%(number)s от %(signed)s") % {
        "partner": agreement.partner.short_name,
        "number": number,
        "signed": _date(agreement.signed_on),
    }


def _in_days(days: int) -> str:
    if days == 0:
        return _("сегодня")
    unit = ru_plural_form(days, _("день"), _("дня"), _("дней"))
    return _("через %(days)d %(unit)s") % {"days": days, "unit": unit}


def _lead(days_left: int, leads) -> int | None:
    """The shortest lead time the days left are within, or None when the date is past or not yet near."""
    within = [lead for lead in leads if 0 <= days_left <= lead]
    return min(within) if within else None


def _agreements_in_force(today: datetime.date):
    return (
        Agreement.objects.in_force_on(today)
        .exclude(status=Agreement.Status.TERMINATED)
        .select_related("partner", "host_responsible")
        .order_by("partner__short_name", "signed_on", "pk")
    )


def _term_text(agreement: Agreement, end: datetime.date, days: int) -> str:
    values = {"agreement": _named(agreement), "end": _date(end), "when": _in_days(days)}
    if agreement.auto_prolongation:
        years = agreement.prolongation_years
        values["years"] = f"{years} {ru_plural_form(years, _('год'), _('года'), _('лет'))}"
        return (
            _(
                "%(agreement)s: текущий срок истекает %(end)s (%(when)s); "
                "если никто не заявит о расторжении, оно продлится на %(years)s."
            )
            % values
        )
    return _("%(agreement)s: срок действия истекает %(end)s (%(when)s).") % values


def agreement_dates(today: datetime.date, leads) -> list[Due]:
    """Terms ending and prolongation-notice deadlines within a lead time."""
    due = []
    for agreement in _agreements_in_force(today):
        responsible = agreement.host_responsible
        end = agreement.current_term_end(today)
        lead = _lead((end - today).days, leads) if end else None
        if lead is not None:
            text = _term_text(agreement, end, (end - today).days)
            due.append(Due(Kind.TERM_ENDS, agreement, end, text, lead, responsible))
        deadline = agreement.notice_deadline(today)
        lead = _lead((deadline - today).days, leads) if deadline else None
        if lead is not None:
            text = _(
                "%(agreement)s: заявить о том, что оно не продлевается, нужно до %(deadline)s "
                "(%(when)s), иначе оно продлится."
            ) % {"agreement": _named(agreement), "deadline": _date(deadline), "when": _in_days((deadline - today).days)}
            due.append(Due(Kind.NOTICE_DEADLINE, agreement, deadline, text, lead, responsible))
    return due


def dormant(today: datetime.date) -> list[Due]:
    """Agreements in force a year or more with nothing held under them in 12 months: the report's rule."""
    rows = {row.id: row for row in dormant_agreements(today)}
    due = []
    for agreement in _agreements_in_force(today).filter(pk__in=rows):
        row = rows[agreement.pk]
        if row.last_activity_on:
            text = _(
                "%(agreement)s: за последние 12 месяцев ни одного проведённого совместного дела (последнее — %(last)s)."
            ) % {"agreement": _named(agreement), "last": _date(row.last_activity_on)}
        else:
            text = _("%(agreement)s: за последние 12 месяцев по нему не проведено ни одного совместного дела.") % {
                "agreement": _named(agreement)
            }
        key_day = row.last_activity_on or row.in_force_since
        due.append(Due(Kind.DORMANT, agreement, key_day, text, 0, agreement.host_responsible))
    return due


def _awaiting_rows(today: datetime.date):
    """(record, its last day) of each activity of every kind whose date passed in the past week and is still
    planned: each kind's `newly_awaiting` (core.kinds)."""
    for kind in kinds():
        yield from kind.newly_awaiting(today - WEEK, today)


def awaiting_confirmation(today: datetime.date) -> list[Due]:
    due = []
    for record, last_day in _awaiting_rows(today):
        text = _(
            "%(kind)s «%(title)s» (%(day)s) всё ещё в статусе «запланировано»: "
            "отметьте, проведено, отменено или перенесено."
        ) % {
            "kind": str(record._meta.verbose_name).capitalize(),
            "title": record,
            "day": _date(last_day),
        }
        due.append(Due(Kind.AWAITING_CONFIRMATION, record, last_day, text))
    return due


def held_without_attendance(today: datetime.date) -> list[Due]:
    events = (
        Event.objects.held_without_attendance()
        .filter(ends_at__lt=day_start(today), ends_at__gte=day_start(today - WEEK))
        .order_by("starts_at", "pk")
    )
    due = []
    for event in events:
        day = timezone.localdate(event.starts_at)
        text = _("Мероприятие «%(title)s» (%(day)s) проведено, но число участников не указано.") % {
            "title": event,
            "day": _date(day),
        }
        due.append(Due(Kind.NO_ATTENDANCE, event, day, text))
    return due


def upcoming_gaps(today: datetime.date) -> list[Due]:
    """Published events of the next seven days lacking an online link or a place."""
    events = (
        Event.objects.public()
        .going_ahead()
        .filter(starts_at__gte=day_start(today), starts_at__lt=day_start(today + WEEK + datetime.timedelta(days=1)))
        .annotate(has_sites=Exists(Participation.objects.filter(event=OuterRef("pk"))))
        .filter(
            Q(format__in=[Event.Format.ONLINE, Event.Format.HYBRID], online_url="")
            | (
                (Q(format__in=[Event.Format.OFFLINE, Event.Format.HYBRID]) | Q(kind=Event.Kind.TELEBRIDGE))
                & Q(has_sites=False, location="")
            )
        )
        .order_by("starts_at", "pk")
    )
    due = []
    for event in events:
        day = timezone.localdate(event.starts_at)
        values = {"title": event, "day": _date(day), "when": _in_days((day - today).days)}
        if event.format in {Event.Format.ONLINE, Event.Format.HYBRID} and not event.online_url:
            text = _("Мероприятие «%(title)s» (%(day)s, %(when)s): нет ссылки на трансляцию.") % values
            due.append(Due(Kind.NO_ONLINE_LINK, event, day, text))
        online_only = event.format in {Event.Format.ONLINE, Event.Format.CORRESPONDENCE} and not event.is_telebridge
        if not online_only and not event.has_sites and not event.location:
            text = (
                _(
                    "Мероприятие «%(title)s» (%(day)s, %(when)s): не указано, где оно пройдёт, — нет ни адреса, "
                    "ни библиотек-площадок."
                )
                % values
            )
            due.append(Due(Kind.NO_SITE, event, day, text))
    return due


def everything_due(today: datetime.date, leads=None) -> list[Due]:
    """Every item due on a day, sent or not."""
    leads = leads or settings.REMINDER_LEAD_DAYS
    return [
        *agreement_dates(today, leads),
        *dormant(today),
        *awaiting_confirmation(today),
        *held_without_attendance(today),
        *upcoming_gaps(today),
    ]


def content_types(items: list[Due]) -> dict[type, ContentType]:
    models = {type(item.record) for item in items}
    return ContentType.objects.get_for_models(*models) if models else {}


def not_yet_sent(items: list[Due]) -> list[Due]:
    """The items no earlier run told of (one query)."""
    if not items:
        return []
    types = content_types(items)
    ids = {item.record.pk for item in items}
    sent = set(
        Reminder.objects.filter(object_id__in=ids, content_type__in=types.values()).values_list(
            "kind", "content_type_id", "object_id", "lead_days", "due_on"
        )
    )
    return [item for item in items if item.key(types[type(item.record)].pk) not in sent]
