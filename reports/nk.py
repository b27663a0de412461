"""Form 6-НК, the host's own: held events it organised or co-organised for readers, with its own visitors.

- Which events: held, and the host is the organiser or its participation's role is organiser or co-organiser.
  Events for specialists (librarians) are methodological work: counted apart, never as reader events. A partner's
  event the host merely took part in is the partner's.
- Visits: the host's site count (its participation row), plus the online viewers tied to no site when the host
  organised the event. When only a total was typed (nothing per site, no online viewers) and the host organised,
  the total. Unknown stays unknown: the line then says how many events lack a figure.
- Place: `Event.nk_venue` (the staff's choice, or by format). A hybrid event counts where its hall was, its
  online viewers count as visits "remote".
"""

from __future__ import annotations

from typing import NamedTuple

from django.utils.translation import gettext as _

from events.models import Event, Participation, typed_total_stands
from reports.activities import EventFact
from reports.data import NkRow, NkSection

HOST_ROLES = {Participation.Role.ORGANISER.value, Participation.Role.CO_ORGANISER.value}
REMOTE, OFF_SITE = Event.Venue.REMOTE.value, Event.Venue.OFF_SITE.value


class HostVisits(NamedTuple):
    """The host's visitors of one event: in its place (`Event.nk_venue`) and online (always remote).

    Online viewers not recorded are none; a total typed alone is all in the event's place (it cannot be split)."""

    at_venue: int | None
    online: int | None

    @property
    def total(self) -> int | None:
        if self.at_venue is None and self.online is None:
            return None
        return (self.at_venue or 0) + (self.online or 0)


def host_visits(e: EventFact, host_id: int | None) -> HostVisits | None:
    """The host's visitors of an event, or None when the event is not the host's own (for 6-НК)."""
    organised = host_id is not None and e.row.organiser_id == host_id
    site = None
    for s in e.sites:
        if s.library_id == host_id:
            site = s
            break
    if not organised and (site is None or site.role not in HOST_ROLES):
        return None
    counts = [s.participants_count for s in e.sites]
    if organised and typed_total_stands(counts, e.row.online_viewers, e.row.participants_count):
        return HostVisits(e.row.participants_count, None)  # only a total is known
    return HostVisits(site.participants_count if site else None, e.row.online_viewers if organised else None)


class _Line:
    """One line of the form, counted as the events go by: events, drafts, events without visitors, and visits
    (None when some were to be summed and none is known)."""

    def __init__(self, key: str, label: str):
        self.key, self.label = key, label
        self.events = self.drafts = self.no_visits = self.visits = self.summed = self.known = 0

    def count(self, e: EventFact, total: int | None) -> None:
        self.events += 1
        self.drafts += not e.is_published
        self.no_visits += total is None

    def add(self, visits: int | None) -> None:
        self.summed += 1
        if visits is not None:
            self.visits += visits
            self.known += 1

    def row(self) -> NkRow:
        visits = None if self.summed and not self.known else self.visits
        return NkRow(self.key, self.label, self.events, visits, self.drafts, self.no_visits)


def _lines() -> dict[str, _Line]:
    return {
        "total": _Line("total", _("Число мероприятий — всего")),
        "children": _Line("children", _("из них для детей до 14 лет включительно")),
        "youth": _Line("youth", _("из них для молодёжи 15–30 лет")),
        "off_site_remote": _Line("off_site_remote", _("из них вне стационара и удалённо")),
        "remote": _Line("remote", _("из них удалённо")),
    }


def nk_section(events: list[EventFact], host_id: int | None) -> NkSection:
    """`events`: the events held in the year (any partners); the host's own are chosen here, in one pass."""
    lines = _lines()
    methodological = _Line("methodological", _("Мероприятия для специалистов (методическая работа, не входят в 6-НК)"))
    group = {Event.TargetGroup.CHILDREN.value: lines["children"], Event.TargetGroup.YOUTH.value: lines["youth"]}
    for e in events:
        v = host_visits(e, host_id)
        if v is None:
            continue
        total = v.total
        if e.row.audience == Event.Audience.SPECIALISTS:
            methodological.count(e, total)
            methodological.add(total)
            continue
        chosen = [lines["total"], group[e.row.target_group]] if e.row.target_group in group else [lines["total"]]
        place = e.nk_venue
        if place in (OFF_SITE, REMOTE):
            chosen.append(lines["off_site_remote"])
        if place == REMOTE:
            chosen.append(lines["remote"])
        for line in chosen:
            line.count(e, total)
            line.add(total)
        # Visits "off site and remote" and "remote" take a hybrid event's online viewers, wherever its hall was.
        for key in ("off_site_remote", "remote"):
            if lines[key] not in chosen and v.online:
                lines[key].add(v.online)
    return NkSection(rows=[line.row() for line in lines.values()], methodological=methodological.row())
