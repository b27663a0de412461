"""iCalendar (RFC 5545) output for event subscriptions and single-event downloads."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

from coopnet.models import Status
from coopnet.templatetags.coopnet import format_ru

REMINDER_BEFORE = datetime.timedelta(hours=1)
# RFC 5545 STATUS: a cancelled event stays in the feed under its UID, so subscribed calendars mark it
# cancelled instead of keeping the old entry. A postponed one keeps its old date, which no longer holds.
CALENDAR_STATUS = {Status.CANCELLED: "CANCELLED", Status.POSTPONED: "TENTATIVE"}


def status_word(event) -> str:
    """The word before a cancelled or postponed event's title in feeds ("Отменено"); empty otherwise."""
    if event.status == Status.CANCELLED:
        return _("Отменено")
    if event.status == Status.POSTPONED:
        return _("Перенесено")
    return ""


def status_note(event) -> str:
    """A sentence on a cancelled or postponed event, with the new date when it is known; else empty."""
    if event.status == Status.CANCELLED:
        return _("Отменено.")
    if event.status != Status.POSTPONED:
        return ""
    if event.rescheduled_to:
        return _("Перенесено на %(date)s.") % {"date": format_ru(event.rescheduled_to, "j E Y")}
    return _("Перенесено, новая дата будет объявлена.")


def titled_with_status(event) -> str:
    word = status_word(event)
    return f"{word}: {event.title}" if word else event.title


def event_location(event) -> str:
    if event.location:
        return event.location
    if event.format in {event.Format.ONLINE, event.Format.CORRESPONDENCE} and event.online_url:
        return event.online_url
    library = event.organiser
    return ", ".join(part for part in (library.name, library.address, library.city) if part)


def build_calendar(events, request, *, name: str) -> bytes:
    calendar = Calendar()
    calendar.add("prodid", "-//coopnet//Library cooperation events//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        calendar.add_component(_calendar_event(event, request.build_absolute_uri(event.get_absolute_url()), stamp))
    calendar.add_missing_timezones()
    return calendar.to_ical()


def _calendar_event(event, url: str, stamp) -> CalendarEvent:
    zone = timezone.get_default_timezone()
    item = CalendarEvent()
    item.add("uid", event.calendar_uid)
    item.add("dtstamp", stamp)
    item.add("dtstart", event.starts_at.astimezone(zone))
    item.add("dtend", event.ends_at.astimezone(zone))
    item.add("status", CALENDAR_STATUS.get(event.status, "CONFIRMED"))
    item.add("summary", titled_with_status(event))
    description = event.description.strip()
    if event.online_url:
        description = f"{description}\n\n{_('Трансляция')}: {event.online_url}".strip()
    description = f"{status_note(event)}\n\n{description}".strip()
    item.add("description", f"{description}\n\n{url}".strip())
    item.add("url", url)
    item.add("location", event_location(event))
    item.add("categories", [event.get_kind_display()])
    item.add("last-modified", event.updated_at)
    if not event.is_called_off:  # no reminder of a start that will not happen
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Скоро начало: %(title)s") % {"title": event.title})
        alarm.add("trigger", -REMINDER_BEFORE)
        item.add_component(alarm)
    return item
