"""iCalendar (RFC 5545) output for event subscriptions and single-event downloads."""

import datetime

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar
from icalendar import Event as CalendarEvent

REMINDER_BEFORE = datetime.timedelta(hours=1)


def event_location(event) -> str:
    if event.location:
        return event.location
    if event.format in {event.Format.ONLINE, event.Format.CORRESPONDENCE} and event.online_url:
        return event.online_url
    library = event.organiser
    return ", ".join(part for part in (library.name, library.address, library.city) if part)


def build_calendar(events, request, *, name: str) -> bytes:
    zone = timezone.get_default_timezone()
    calendar = Calendar()
    calendar.add("prodid", "-//coopnet//Library cooperation events//RU")
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", settings.TIME_ZONE)
    stamp = timezone.now()
    for event in events:
        url = request.build_absolute_uri(event.get_absolute_url())
        item = CalendarEvent()
        item.add("uid", event.calendar_uid)
        item.add("dtstamp", stamp)
        item.add("dtstart", event.starts_at.astimezone(zone))
        item.add("dtend", event.ends_at.astimezone(zone))
        item.add("summary", event.title)
        description = event.description.strip()
        if event.online_url:
            description = f"{description}\n\n{_('Трансляция')}: {event.online_url}".strip()
        item.add("description", f"{description}\n\n{url}".strip())
        item.add("url", url)
        item.add("location", event_location(event))
        item.add("categories", [event.get_kind_display()])
        item.add("last-modified", event.updated_at)
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", _("Скоро начало: %(title)s") % {"title": event.title})
        alarm.add("trigger", -REMINDER_BEFORE)
        item.add_component(alarm)
        calendar.add_component(item)
    calendar.add_missing_timezones()
    return calendar.to_ical()
