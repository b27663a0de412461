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

from events.models import Event, Participation
from reports.activities import EventFact
from reports.data import NkRow, NkSection, known_sum

HOST_ROLES = {Participation.Role.ORGANISER.value, Participation.Role.CO_ORGANISER.value}
REMOTE, OFF_SITE = Event.Venue.REMOTE.value, Event.Venue.OFF_SITE.value


class HostVisits(NamedTuple):
    """The host's visitors of one event: in its place (`Event.nk_venue`) and online (always remote).

    Online viewers not recorded are none; a total typed alone is all in the event's place (it cannot be split)."""

    at_venue: int | None
    online: int | None

    @property
    def total(self) -> int | None:
        return known_sum(self)


def host_visits(e: EventFact, host_id: int | None) -> HostVisits | None:
    """The host's visitors of an event, or None when the event is not the host's own (for 6-НК)."""
    site = next((s for s in e.sites if s.library_id == host_id), None)
    organised = host_id is not None and e.row.organiser_id == host_id
    if not organised and (site is None or site.role not in HOST_ROLES):
        return None
    nothing_per_site = all(s.participants_count is None for s in e.sites) and e.row.online_viewers is None
    if organised and nothing_per_site:
        return HostVisits(e.row.participants_count, None)
    return HostVisits(site.participants_count if site else None, e.row.online_viewers if organised else None)


def _line(key: str, label: str, chosen: list[tuple[EventFact, HostVisits]]) -> NkRow:
    return NkRow(
        key=key,
        label=label,
        events=len(chosen),
        visits=known_sum(part for _e, v in chosen for part in v),
        drafts=sum(not e.is_published for e, _v in chosen),
        no_visits=sum(v.total is None for _e, v in chosen),
    )


def _visits_in(chosen: list[tuple[EventFact, HostVisits]], places: set[str]) -> int | None:
    """Visits in some places: all of an event held there; of any other event, its online viewers (when recorded)."""
    return known_sum(v.total if e.nk_venue in places else (v.online or 0) for e, v in chosen)


def nk_section(events: list[EventFact], host_id: int | None) -> NkSection:
    """`events`: the events held in the year (any partners); the host's own are chosen here."""
    own = [(e, v) for e in events if (v := host_visits(e, host_id)) is not None]
    readers = [(e, v) for e, v in own if e.row.audience != Event.Audience.SPECIALISTS]
    specialists = [(e, v) for e, v in own if e.row.audience == Event.Audience.SPECIALISTS]
    T = Event.TargetGroup
    off_site_or_remote = [(e, v) for e, v in readers if e.nk_venue in (OFF_SITE, REMOTE)]
    rows = [
        _line("total", _("Число мероприятий — всего"), readers),
        _line(
            "children",
            _("из них для детей до 14 лет включительно"),
            [(e, v) for e, v in readers if e.row.target_group == T.CHILDREN],
        ),
        _line(
            "youth",
            _("из них для молодёжи 15–30 лет"),
            [(e, v) for e, v in readers if e.row.target_group == T.YOUTH],
        ),
        _line("off_site_remote", _("из них вне стационара и удалённо"), off_site_or_remote),
        _line("remote", _("из них удалённо"), [(e, v) for e, v in readers if e.nk_venue == REMOTE]),
    ]
    # Visits "off site and remote" and "remote" include a hybrid event's online viewers, wherever its hall was.
    rows[3].visits = _visits_in(readers, {OFF_SITE, REMOTE})
    rows[4].visits = _visits_in(readers, {REMOTE})
    methodological = _line(
        "methodological", _("Мероприятия для специалистов (методическая работа, не входят в 6-НК)"), specialists
    )
    return NkSection(rows=rows, methodological=methodological)
