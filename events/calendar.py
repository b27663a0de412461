"""iCalendar (RFC 5545) output for event subscriptions and single-event downloads.

The feed is written line by line (`build_calendar`), to the byte what icalendar writes for `_calendar_event()` of
each event: tests/perf/test_calendar.py holds the two equal, and every feed test reads the feed back with
icalendar. Writing through icalendar's component tree took 7–10 times as long (about 0.5 ms against 0.06 ms of CPU
per event; bench/formats_bench.py, bench/README.md «File formats»), a third of it folding lines character by
character.
Text a person typed is cleaned on its way in (`core.cells.text`): RFC 5545 allows no control characters in TEXT.
"""

import datetime
import functools
import zoneinfo
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext as _
from icalendar import Alarm, Calendar, vDuration
from icalendar import Event as CalendarEvent

from core.cells import text
from core.models import Status
from core.templatetags.coopnet import format_ru

REMINDER_BEFORE = datetime.timedelta(hours=1)
TRIGGER_LINE = f"TRIGGER:{vDuration(-REMINDER_BEFORE).to_ical().decode()}\r\n"
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


def calendar_header(name: str) -> Calendar:
    """The calendar's own properties: what it is, its name and its time zone."""
    header = Calendar()
    header.add("prodid", "-//coopnet//Library cooperation events//RU")
    header.add("version", "2.0")
    header.add("calscale", "GREGORIAN")
    header.add("method", "PUBLISH")
    header.add("x-wr-calname", text(name))
    header.add("x-wr-timezone", settings.TIME_ZONE)
    return header


def build_calendar(events, request, *, name: str) -> bytes:
    """The calendar of `events`, written line by line: the same bytes icalendar writes for `_calendar_event()`
    of each (tests/perf compares them), without building a component tree per event. The time zone block, the same
    for every feed, is made once per process."""
    head = calendar_header(name).to_ical()
    end = b"END:VCALENDAR\r\n"
    parts = [head[: -len(end)]]
    zone = timezone.get_default_timezone()
    stamp = _ical_utc(timezone.now())
    texts = _FeedTexts()
    for event in events:
        if len(parts) == 1:
            parts.append(_timezone_block(zone.key))
            # Every event's address differs only by its slug: reverse once (`Event.get_absolute_url()` is the rule).
            head_url, tail_url = request.build_absolute_uri(event.get_absolute_url()).rsplit(event.slug, 1)
        parts.append(_vevent(event, f"{head_url}{event.slug}{tail_url}", stamp, zone, texts))
    parts.append(end)
    return b"".join(parts)


class _FeedTexts:
    """The words every event of a feed repeats, translated once."""

    def __init__(self):
        self.broadcast = _("Трансляция")
        self.kinds: dict[str, str] = {}

    def kind(self, event) -> str:
        """get_kind_display(), without translating every label of the field for each event."""
        if not self.kinds:
            self.kinds = {value: str(label) for value, label in event._meta.get_field("kind").flatchoices}
        return self.kinds.get(event.kind, event.kind)


@dataclass(frozen=True)
class _Said:
    """What a VEVENT says in words; each text cleaned (`core.cells.text`)."""

    summary: str
    description: str
    location: str
    reminder: str  # the alarm's text


def _said(event, url: str, texts: _FeedTexts) -> _Said:
    description = event.description.strip()
    if event.online_url:
        description = f"{description}\n\n{texts.broadcast}: {event.online_url}".strip()
    description = f"{status_note(event)}\n\n{description}".strip()
    return _Said(
        summary=text(titled_with_status(event)),
        description=text(f"{description}\n\n{url}".strip()),
        location=text(event_location(event)),
        reminder=text(_("Скоро начало: %(title)s") % {"title": event.title}),
    )


@functools.lru_cache(maxsize=8)
def _timezone_block(zone_name: str) -> bytes:
    """VTIMEZONE of a zone as icalendar writes it (its transitions from 1970 to 2038, whatever the events' dates)."""
    calendar = Calendar()
    probe = CalendarEvent()
    probe.add("dtstart", datetime.datetime(2000, 1, 1, tzinfo=zoneinfo.ZoneInfo(zone_name)))
    calendar.add_component(probe)
    calendar.add_missing_timezones()
    return b"".join(component.to_ical() for component in calendar.subcomponents if component.name == "VTIMEZONE")


def _ical_utc(value) -> str:
    return value.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _escape(text: str) -> str:
    """RFC 5545 TEXT escaping, in icalendar's order of replacements (the order matters)."""
    return (
        text.replace(r"\N", "\n")
        .replace("\\", "\\\\")
        .replace(";", r"\;")
        .replace(",", r"\,")
        .replace("\r\n", r"\n")
        .replace("\n", r"\n")
        .replace("\r", r"\n")
    )


def _fold(line: str, limit: int = 75) -> str:
    """RFC 5545 folding as icalendar does it: pieces under `limit` octets, never split after a backslash or caret."""
    if len(line) < limit // 4 or len(line.encode()) < limit:
        return line
    pieces, start, count = [], 0, 0
    for index, char in enumerate(line):
        size = 1 if char < "\x80" else 2 if char < "\u0800" else 3 if char < "\U00010000" else 4
        if index > start and count + size >= limit:
            if index - start > 1 and line[index - 1] in "\\^":
                pieces.append(line[start : index - 1])
                start, count = index - 1, 1
            else:
                pieces.append(line[start:index])
                start, count = index, 0
        count += size
    pieces.append(line[start:])
    return "\r\n ".join(pieces)


def _line(name: str, value: str) -> str:
    return _fold(f"{name}:{_escape(value)}") + "\r\n"


def _vevent(event, url: str, stamp: str, zone, texts: _FeedTexts) -> bytes:
    """One VEVENT: the properties of `_calendar_event()` in icalendar's order (canonical ones, then by name)."""
    said = _said(event, url, texts)
    start = event.starts_at.astimezone(zone).strftime("%Y%m%dT%H%M%S")
    finish = event.ends_at.astimezone(zone).strftime("%Y%m%dT%H%M%S")
    lines = [
        "BEGIN:VEVENT\r\n",
        _line("SUMMARY", said.summary),
        _fold(f"DTSTART;TZID={zone.key}:{start}") + "\r\n",
        _fold(f"DTEND;TZID={zone.key}:{finish}") + "\r\n",
        f"DTSTAMP:{stamp}\r\n",
        _line("UID", event.calendar_uid),
        _line("CATEGORIES", texts.kind(event)),
        _line("DESCRIPTION", said.description),
        f"LAST-MODIFIED:{_ical_utc(event.updated_at)}\r\n",
        _line("LOCATION", said.location),
        f"STATUS:{CALENDAR_STATUS.get(event.status, 'CONFIRMED')}\r\n",
        _fold(f"URL:{url}") + "\r\n",
    ]
    if not event.is_called_off:
        lines += [
            "BEGIN:VALARM\r\n",
            "ACTION:DISPLAY\r\n",
            _line("DESCRIPTION", said.reminder),
            TRIGGER_LINE,
            "END:VALARM\r\n",
        ]
    lines.append("END:VEVENT\r\n")
    return "".join(lines).encode()


def _calendar_event(event, url: str, stamp, texts: _FeedTexts | None = None) -> CalendarEvent:
    """The event as an icalendar component: the definition `_vevent()` writes faster (tests/perf compares them)."""
    said = _said(event, url, texts or _FeedTexts())
    zone = timezone.get_default_timezone()
    item = CalendarEvent()
    item.add("uid", event.calendar_uid)
    item.add("dtstamp", stamp)
    item.add("dtstart", event.starts_at.astimezone(zone))
    item.add("dtend", event.ends_at.astimezone(zone))
    item.add("status", CALENDAR_STATUS.get(event.status, "CONFIRMED"))
    item.add("summary", said.summary)
    item.add("description", said.description)
    item.add("url", url)
    item.add("location", said.location)
    item.add("categories", [event.get_kind_display()])
    item.add("last-modified", event.updated_at)
    if not event.is_called_off:  # no reminder of a start that will not happen
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", said.reminder)
        alarm.add("trigger", -REMINDER_BEFORE)
        item.add_component(alarm)
    return item
