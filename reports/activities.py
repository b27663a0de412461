"""Each activity of the rows as the figures see it: where it stands, who took part, which agreements it serves.

The rules, each in one place:

- **Held.** Only an activity whose status is "held" counts as done. A planned one whose date has passed is
  "awaiting confirmation" (a gap in the data, named as such); cancelled and postponed ones count nowhere.
  An exhibition is done in a period when one of its stops open in the period was held: the stop is what happens
  on a date. A stop stands as its exhibition when the whole exhibition was cancelled or postponed
  (`exhibitions.models.stop_status_of`, which the model asks too).
- **Joint.** An activity is joint when at least one partner library (not the host) took part in it: an event's
  organiser or site (`events.models.event_parties`), an exhibition's provider or the venue of a held stop
  (`exhibitions.models.held_venues`), a contest's organiser or curator (`contests.models.contest_parties`), the
  library that prepared an episode. The rest is the host's own work, reported apart.
- **Credit.** `agreements.models.credited_agreements()`, with the parties each kind's own function names
  (`event_credit_parties`, `exhibition_credit_parties`, `contest_credit_parties`; the models call them too), fed
  here from rows so the report needs no query per activity. An exhibition serves a venue's agreement only in a
  period in which that venue's stop was held.
- **Status.** `core.models.status_of()`, the rule `Scheduled.status_on()` applies, fed from rows.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from functools import cache

from agreements.models import credited_agreements
from contests.models import contest_credit_parties, contest_day, contest_parties
from core.dates import day_start
from core.kinds import ReportRow
from core.models import AWAITING_CONFIRMATION, Status, status_of
from events.models import Event, event_credit_parties, event_parties
from exhibitions.models import exhibition_credit_parties, furthest_status, held_venues, on_route, stop_status_of
from reports.data import (
    CONTEST,
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    EPISODE,
    EXHIBITION,
    TELEBRIDGE,
)
from reports.queries import (
    EVENT,
    ContestRow,
    EpisodeRow,
    EventRow,
    Period,
    Rows,
    SiteRow,
    StopRow,
    contest_first_day,
    contest_in,
    kemerovo,
)

HELD = Status.HELD.value
PLANNED = Status.PLANNED.value
AWAITING = AWAITING_CONFIRMATION


@cache
def nk_venue(venue: str, fmt: str) -> str:
    """`Event.nk_venue` of a row (the property itself, on a bare instance; remembered per pair of values)."""
    return Event(venue=venue, format=fmt).nk_venue


@dataclass(eq=False, slots=True)
class Activity:
    """What every kind has; each kind says when it happened and who took part."""

    id: int
    title: str
    is_published: bool
    credit: frozenset[int] = field(default=frozenset(), init=False)  # agreement ids, set by `credit_all`

    group: str = field(default="", init=False)  # an event kind, or EXHIBITION, CONTEST, EPISODE
    direction: str = field(default="", init=False)
    _status: str = field(default="", init=False, repr=False)  # remembered: `today` is the same all along

    def in_period(self, p: Period) -> bool:  # pragma: no cover - every kind defines it
        raise NotImplementedError

    def status_on(self, today: datetime.date) -> str:  # pragma: no cover
        raise NotImplementedError

    def status_in(self, p: Period, today: datetime.date) -> str:
        """Where the activity stands on `today` (the same for every period but an exhibition's)."""
        if not self._status:
            self._status = self.status_on(today)
        return self._status

    def partners_in(self, p: Period) -> set[int]:  # pragma: no cover
        raise NotImplementedError

    def first_day_in(self, p: Period) -> datetime.date:  # pragma: no cover
        raise NotImplementedError

    def credit_parties(self) -> list[tuple[int, datetime.date | None]]:  # pragma: no cover
        raise NotImplementedError

    def held_in(self, p: Period, today: datetime.date) -> bool:
        return self.in_period(p) and self.status_in(p, today) == HELD

    def credit_in(self, p: Period) -> frozenset[int]:
        """The agreements the activity served in a period (the same in every period but an exhibition's)."""
        return self.credit


@cache
def _day_start(today: datetime.date) -> datetime.datetime:
    """Midnight in Kemerovo, in UTC: the database's datetimes are in UTC, and comparing two datetimes of the same
    zone costs no time-zone arithmetic (this runs once per event)."""
    return day_start(today).astimezone(datetime.UTC)


@dataclass(eq=False, slots=True)
class EventFact(Activity):
    row: EventRow = None  # type: ignore[assignment]
    day: datetime.date = None  # type: ignore[assignment]  # the start in Kemerovo
    sites: list[SiteRow] = field(default_factory=list)
    partners: frozenset[int] = frozenset()

    def __post_init__(self):
        self.group = self.row.kind
        self.direction = DIRECTION_TELEBRIDGES if self.row.kind == TELEBRIDGE else DIRECTION_EVENTS

    def in_period(self, p: Period) -> bool:
        return p.has(self.day)

    def held_in(self, p: Period, today: datetime.date) -> bool:
        """`Activity.held_in`, inlined: it runs for every event of two years, several times."""
        return p.first_day <= self.day <= p.last_day and (self._status or self.status_in(p, today)) == HELD

    def status_on(self, today: datetime.date) -> str:
        return status_of(self.row.status, self.row.ends_at < _day_start(today), self.day > today)

    def partners_in(self, p: Period) -> set[int]:
        return set(self.partners)

    def first_day_in(self, p: Period) -> datetime.date:
        return self.day

    def last_day_upto(self, as_of: datetime.date) -> datetime.date | None:
        return self.day if self.day <= as_of else None

    def credit_parties(self):
        return event_credit_parties(self.row.organiser_id, self.day, [s.library_id for s in self.sites])

    @property
    def nk_venue(self) -> str:
        return nk_venue(self.row.venue, self.row.format)


def stop_status(stop: StopRow, today: datetime.date) -> str:
    """`exhibitions.models.stop_status_of()` of a stop's row: as its exhibition when that was called off."""
    return stop_status_of(stop.status, stop.exhibition_status, stop.starts_on, stop.ends_on, today)


@dataclass(eq=False, slots=True)
class ExhibitionFact(Activity):
    stops: list[StopRow] = field(default_factory=list)
    today: datetime.date = None  # type: ignore[assignment]
    # Set by `credit_all` unless staff overrode the credit: the provider's agreements, and each stop's venue's.
    provider_credit: frozenset[int] = field(default=frozenset(), init=False)
    stop_credit: dict[int, frozenset[int]] = field(default_factory=dict, init=False)  # by index in `stops`

    def __post_init__(self):
        self.group, self.direction = EXHIBITION, DIRECTION_EXHIBITIONS

    @property
    def first(self) -> StopRow:
        return self.stops[0]

    def stops_in(self, p: Period) -> list[StopRow]:
        return [s for s in self.stops if p.overlaps(s.starts_on, s.ends_on)]

    def held_stops_in(self, p: Period) -> list[StopRow]:
        return [s for s in self.stops_in(p) if stop_status(s, self.today) == HELD]

    def in_period(self, p: Period) -> bool:
        return bool(self.stops_in(p))

    def status_in(self, p: Period, today: datetime.date) -> str:
        """The furthest its stops in the period got (each standing as the exhibition when it was called off)."""
        return furthest_status(stop_status(s, today) for s in self.stops_in(p))

    def partners_in(self, p: Period) -> set[int]:
        """The provider, and the venues where it took place in the period (`held_venues`)."""
        stops = [(s.venue_id, s.status, s.starts_on, s.ends_on) for s in self.stops_in(p)]
        return {self.first.provider_id} | held_venues(stops, self.first.exhibition_status, self.today)

    def first_day_in(self, p: Period) -> datetime.date:
        stops = self.held_stops_in(p) or self.stops_in(p)
        return max(min(s.starts_on for s in stops), p.first_day)

    def last_day_upto(self, as_of: datetime.date) -> datetime.date | None:
        return max(
            (s.starts_on for s in self.stops if stop_status(s, self.today) == HELD and s.starts_on <= as_of),
            default=None,
        )

    def credit_parties(self):
        stops = [(s.venue_id, s.starts_on, s.status) for s in self.stops]
        return exhibition_credit_parties(self.first.provider_id, stops, None)

    def credit_in(self, p: Period) -> frozenset[int]:
        """The provider's agreements, and those of the venues whose stops were held in the period."""
        if not self.stop_credit and not self.provider_credit:
            return self.credit  # staff overrode the credit: it stands for the whole exhibition
        held = self.held_stops_in(p)
        venues = [self.stop_credit.get(i, frozenset()) for i, s in enumerate(self.stops) if s in held]
        return self.provider_credit.union(*venues)


@dataclass(eq=False, slots=True)
class ContestFact(Activity):
    row: ContestRow = None  # type: ignore[assignment]
    curators: list[int] = field(default_factory=list)

    def __post_init__(self):
        self.group, self.direction = CONTEST, DIRECTION_CONTESTS

    def _dates(self):
        return self.row.submissions_from, self.row.submissions_until, self.row.results_on

    def in_period(self, p: Period) -> bool:
        return contest_in(p, *self._dates())

    def status_on(self, today: datetime.date) -> str:
        end = self.row.results_on or self.row.submissions_until
        day = self.day
        return status_of(self.row.status, end is not None and end < today, day is not None and day > today)

    def partners_in(self, p: Period) -> set[int]:
        return set(contest_parties(self.row.organiser_id, self.curators))

    def first_day_in(self, p: Period) -> datetime.date:
        return contest_first_day(p, *self._dates())

    @property
    def day(self) -> datetime.date | None:
        """The day the contest's parties took part on (`contests.models.contest_day`)."""
        return contest_day(*self._dates())

    def last_day_upto(self, as_of: datetime.date) -> datetime.date | None:
        return self.day if self.day is not None and self.day <= as_of else None

    def credit_parties(self):
        return contest_credit_parties(self.row.organiser_id, self.curators, self.day)


@dataclass(eq=False, slots=True)
class EpisodeFact(Activity):
    row: EpisodeRow = None  # type: ignore[assignment]

    def __post_init__(self):
        self.group, self.direction = EPISODE, DIRECTION_PROJECTS

    def in_period(self, p: Period) -> bool:
        return p.has(self.row.published_on)

    def status_on(self, today: datetime.date) -> str:
        day = self.row.published_on
        return status_of(self.row.status, day is not None and day < today, day is not None and day > today)

    def partners_in(self, p: Period) -> set[int]:
        return {self.row.library_id}

    def first_day_in(self, p: Period) -> datetime.date:
        return self.row.published_on

    def last_day_upto(self, as_of: datetime.date) -> datetime.date | None:
        day = self.row.published_on
        return day if day is not None and day <= as_of else None

    def credit_parties(self):
        return [(self.row.library_id, self.row.published_on)]


@dataclass(eq=False, slots=True)
class KindFact(Activity):
    """An activity of a kind that brings its own direction (`core.kinds.ReportRow`): it runs from its first day to
    its last; its status is the one rule's (`status_of`) over its stored status and those days."""

    row: ReportRow = None  # type: ignore[assignment]
    key: str = ""

    def __post_init__(self):
        self.group = self.direction = self.key

    def in_period(self, p: Period) -> bool:
        return p.overlaps(self.row.first_day, self.row.last_day)

    def status_on(self, today: datetime.date) -> str:
        return status_of(self.row.status, self.row.last_day < today, self.row.first_day > today)

    def partners_in(self, p: Period) -> set[int]:
        return set(self.row.parties)

    def first_day_in(self, p: Period) -> datetime.date:
        return max(self.row.first_day, p.first_day)

    def last_day_upto(self, as_of: datetime.date) -> datetime.date | None:
        return self.row.first_day if self.row.first_day <= as_of else None

    def credit_parties(self):
        return list(self.row.credit_parties)


@dataclass
class Facts:
    """Every activity of the horizon, by kind, with the host's id for the joint rule."""

    host_id: int | None
    events: list[EventFact]
    exhibitions: list[ExhibitionFact]
    contests: list[ContestFact]
    episodes: list[EpisodeFact]
    others: list[KindFact] = field(default_factory=list)  # the kinds that bring their own direction

    def all(self) -> list[Activity]:
        return [*self.events, *self.exhibitions, *self.contests, *self.episodes, *self.others]

    def partners(self, activity: Activity, p: Period) -> set[int]:
        """The partner libraries (not the host) that took part in an activity in a period."""
        return activity.partners_in(p) - {self.host_id}


def _event_facts(rows: Rows) -> list[EventFact]:
    tz = kemerovo()
    sites: dict[int, list[SiteRow]] = defaultdict(list)
    for site in rows.sites:
        sites[site.event_id].append(site)
    facts = []
    for row in rows.events:
        own = sites.get(row.id, [])
        facts.append(
            EventFact(
                row.id,
                row.title,
                row.is_published,
                row=row,
                day=row.starts_at.astimezone(tz).date(),
                sites=own,
                partners=frozenset(event_parties(row.organiser_id, [s.library_id for s in own])),
            )
        )
    facts.sort(key=lambda e: (e.row.starts_at, e.id))
    return facts


def _exhibition_facts(rows: Rows, today: datetime.date) -> list[ExhibitionFact]:
    stops: dict[int, list[StopRow]] = defaultdict(list)
    for stop in rows.stops:
        stops[stop.exhibition_id].append(stop)
    return [ExhibitionFact(pk, own[0].title, own[0].is_published, stops=own, today=today) for pk, own in stops.items()]


def _contest_facts(rows: Rows) -> list[ContestFact]:
    curators: dict[int, list[int]] = defaultdict(list)
    for curator in rows.curators:
        curators[curator.contest_id].append(curator.library_id)
    return [ContestFact(r.id, r.title, r.is_published, row=r, curators=curators.get(r.id, [])) for r in rows.contests]


def facts_from(rows: Rows, host_id: int | None, today: datetime.date) -> Facts:
    return Facts(
        host_id=host_id,
        events=_event_facts(rows),
        exhibitions=_exhibition_facts(rows, today),
        contests=_contest_facts(rows),
        episodes=[EpisodeFact(r.id, r.title, r.is_published, row=r) for r in rows.episodes],
        others=[
            KindFact(r.id, r.title, r.is_published, row=r, key=key)
            for key, kind_rows in rows.others.items()
            for r in sorted(kind_rows, key=lambda r: (r.first_day, r.id))
        ],
    )


def _override_group(activity: Activity) -> str:
    if isinstance(activity, KindFact) or activity.group in (EXHIBITION, CONTEST, EPISODE):
        return activity.group
    return EVENT


def credit_all(activities: list[Activity], rows: Rows, agreements_of: dict, host_id: int | None) -> None:
    """Set `credit` on each activity: `credited_agreements()` of its parties and its staff overrides.

    The rule credits each party on its own (the agreement of that partner in force on that day) and unites the
    results, so the answer for a partner and a day is asked of the rule once and reused: the same partners take
    part on the same days in many activities. With staff overrides the rule is asked about the whole activity."""
    added: dict[tuple[str, int], set[int]] = defaultdict(set)
    excluded: dict[tuple[str, int], set[int]] = defaultdict(set)
    for o in rows.overrides:
        (added if o.added else excluded)[(o.group, o.activity_id)].add(o.agreement_id)
    for key, kind_rows in rows.others.items():
        for r in kind_rows:
            if r.added:
                added[(key, r.id)].update(r.added)
            if r.excluded:
                excluded[(key, r.id)].update(r.excluded)
    by_party: dict[tuple[int, datetime.date], frozenset[int]] = {}

    def of(party) -> frozenset[int]:
        if party[0] == host_id or party[0] not in agreements_of:
            return frozenset()
        one = by_party.get(party)
        if one is None:
            one = by_party[party] = frozenset(credited_agreements([party], agreements_of))
        return one

    for activity in activities:
        key = (_override_group(activity), activity.id)
        parties = activity.credit_parties()
        if key in added or key in excluded:
            credited = credited_agreements(parties, agreements_of, added.get(key, ()), excluded.get(key, ()))
            activity.credit = frozenset(credited)
            continue
        if isinstance(activity, ExhibitionFact):
            _credit_stops(activity, of, parties[0])
        credit = frozenset().union(*(of(party) for party in parties))
        if credit:
            activity.credit = credit


def _credit_stops(exhibition: ExhibitionFact, of, provider_party) -> None:
    """An exhibition's credit by party, so a period counts only the venues whose stops it held."""
    exhibition.provider_credit = of(provider_party)
    exhibition.stop_credit = {
        i: of((stop.venue_id, stop.starts_on)) for i, stop in enumerate(exhibition.stops) if on_route(stop.status)
    }
