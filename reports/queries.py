"""The SQL behind the annual report: periods, the "counts in the period" rules as filters, and the rows loaded.

`load_rows(horizon)` reads every activity of the horizon (the report's year, the year before it and the twelve
months up to the report date) once, in a fixed number of queries whatever the number of rows, as typed rows.
What the rows mean (held or not, joint or not, which agreements they serve) is decided in reports/activities.py;
the figures are counted in reports/report.py. The list of every activity of the year is in reports/listings.py.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import BooleanField, CharField, Count, F, Max, Min, Q, Value
from django.utils import timezone

from agreements.models import Agreement
from contests.models import Contest, Curator, Entry
from core.dates import MAX_YEAR, MIN_YEAR
from core.kinds import ReportRow, reported
from events.models import Episode, Event, Participation, total_attendance
from exhibitions.models import Exhibition, ExhibitionStop
from reports.data import CONTEST, EPISODE, EXHIBITION


def kemerovo() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


# --------------------------------------------------------------------------------------------
# Periods and the "counts in the period" rules
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    first_day: datetime.date
    last_day: datetime.date  # inclusive
    start: datetime.datetime  # aware
    end: datetime.datetime  # aware, exclusive

    @classmethod
    def for_days(cls, first_day: datetime.date, last_day: datetime.date) -> Period:
        tz = kemerovo()
        start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        return cls(first_day, last_day, start, end)

    @classmethod
    def for_year(cls, year: int) -> Period:
        return cls.for_days(datetime.date(year, 1, 1), datetime.date(year, 12, 31))

    def has(self, day: datetime.date | None) -> bool:
        return day is not None and self.first_day <= day <= self.last_day

    def overlaps(self, first: datetime.date, last: datetime.date) -> bool:
        return first <= self.last_day and last >= self.first_day


def event_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_at__gte": p.start, f"{prefix}starts_at__lt": p.end})


def stop_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": p.last_day, f"{prefix}ends_on__gte": p.first_day})


def contest_q(p: Period, prefix: str = "") -> Q:
    def within(name):
        return Q(**{f"{prefix}{name}__gte": p.first_day, f"{prefix}{name}__lte": p.last_day})

    spans = Q(**{f"{prefix}submissions_from__lt": p.first_day, f"{prefix}submissions_until__gt": p.last_day})
    return within("results_on") | within("submissions_from") | within("submissions_until") | spans


def contest_in(p: Period, s_from, s_until, results) -> bool:
    """The Python twin of `contest_q` (tested to agree): taking entries or announcing results in the period."""
    spans = s_from is not None and s_until is not None and s_from < p.first_day and s_until > p.last_day
    return p.has(results) or p.has(s_from) or p.has(s_until) or spans


def contest_first_day(p: Period, s_from, s_until, results) -> datetime.date:
    """The first day of the period on which a contest is running (taking entries) or announces results."""
    opens, closes = s_from or s_until, s_until or s_from
    if opens is not None and p.overlaps(opens, closes):
        return max(opens, p.first_day)
    if p.has(results):
        return results
    return p.first_day


def episode_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}published_on__gte": p.first_day, f"{prefix}published_on__lte": p.last_day})


# --------------------------------------------------------------------------------------------
# Typed rows, one per activity (or per site, stop, curator, staff override)
# --------------------------------------------------------------------------------------------


class EventRow(NamedTuple):
    id: int
    title: str
    starts_at: datetime.datetime
    ends_at: datetime.datetime
    kind: str
    format: str
    scope: str
    target_group: str
    venue: str  # as staff set it; "" = by format (see Event.nk_venue)
    audience: str
    organiser_id: int
    status: str
    is_published: bool
    attendance: int | None  # events.models.total_attendance() of the event's rows: None = unknown
    online_viewers: int | None
    participants_count: int | None  # the total typed when nothing per site is known


class SiteRow(NamedTuple):
    event_id: int
    library_id: int
    role: str
    participants_count: int | None
    confirmed: bool = False  # `figures_by_partner`: the figure stored is the one the library's own staff entered


class StopRow(NamedTuple):
    exhibition_id: int
    venue_id: int
    starts_on: datetime.date
    ends_on: datetime.date
    status: str
    visitors: int | None
    excursions: int | None
    title: str  # the exhibition's, from here on
    kind: str
    provider_id: int
    exhibition_status: str
    is_published: bool
    confirmed: bool = False  # `figures_by_partner`: the venue's own staff entered the visitors and excursions


class ContestRow(NamedTuple):
    id: int
    title: str
    organiser_id: int
    scope: str
    submissions_from: datetime.date | None
    submissions_until: datetime.date | None
    results_on: datetime.date | None
    status: str
    is_published: bool
    entries: int
    from_our_region: int
    winners: int
    laureates: int  # every degree, and none
    finalists: int
    prize_winners: int
    diplomas: int


class CuratorRow(NamedTuple):
    contest_id: int
    library_id: int


class EpisodeRow(NamedTuple):
    id: int
    title: str
    project: str
    number: int
    library_id: int
    published_on: datetime.date | None
    status: str
    is_published: bool


class OverrideRow(NamedTuple):
    """A staff override of the credit rule: `added` (credit this agreement too) or excluded."""

    group: str  # "event", EXHIBITION, CONTEST, EPISODE
    activity_id: int
    agreement_id: int
    added: bool


@dataclass
class Rows:
    events: list[EventRow]
    sites: list[SiteRow]
    stops: list[StopRow]
    contests: list[ContestRow]
    curators: list[CuratorRow]
    episodes: list[EpisodeRow]
    overrides: list[OverrideRow]
    others: dict[str, list[ReportRow]] = dataclass_field(default_factory=dict)  # by kind key: the kinds' own directions


EVENT = "event"  # the override group of every event kind


def _events(horizon: Period, sites: list[SiteRow]) -> list[EventRow]:
    """The events, each with its attendance by `total_attendance()`: the Python form of
    `Event.objects.with_attendance()` (tested to agree), over the site rows loaded anyway. The SQL form's
    subquery per event cost more than the whole rest of this query on a year of many thousand events."""
    counts: dict[int, list[int | None]] = defaultdict(list)
    for site in sites:
        counts[site.event_id].append(site.participants_count)
    fields = [name for name in EventRow._fields if name != "attendance"]
    rows = []
    for *head, online, total in Event.objects.filter(event_q(horizon)).order_by().values_list(*fields):
        rows.append(EventRow(*head, total_attendance(counts.get(head[0], ()), online, total), online, total))
    return rows


def _sites(horizon: Period) -> list[SiteRow]:
    return [
        SiteRow(*row)
        for row in Participation.objects.filter(event_q(horizon, "event__"))
        .order_by()
        .values_list("event_id", "library_id", "role", "participants_count", "figures_by_partner")
    ]


def _exhibitions_in(horizon: Period):
    return Exhibition.objects.filter(stop_q(horizon, "stops__")).values("pk")


def _stops(horizon: Period) -> list[StopRow]:
    """Every stop of the exhibitions shown in the horizon, those of other years too (the credit rule needs them)."""
    return [
        StopRow(*row)
        for row in ExhibitionStop.objects.filter(exhibition__in=_exhibitions_in(horizon))
        .order_by("exhibition_id", "starts_on", "pk")
        .values_list(
            "exhibition_id",
            "venue_id",
            "starts_on",
            "ends_on",
            "status",
            "visitors",
            "excursions",
            "exhibition__title",
            "exhibition__kind",
            "exhibition__provider_id",
            "exhibition__status",
            "exhibition__is_published",
            "figures_by_partner",
        )
    ]


def _contests(horizon: Period) -> list[ContestRow]:
    """Contests of the horizon with their entries counted (numbers only, no participants' names)."""
    return [
        ContestRow(*row)
        for row in Contest.objects.filter(contest_q(horizon))
        .order_by("pk")
        .annotate(
            n=Count("entries"),
            ours=Count("entries", filter=Q(entries__curator__is_host=True)),
            winners=Count("entries", filter=Q(entries__result=Entry.Result.WINNER)),
            laureates=Count("entries", filter=Q(entries__result__in=Entry.LAUREATES)),
            finalists=Count("entries", filter=Q(entries__result=Entry.Result.FINALIST)),
            prize_winners=Count("entries", filter=Q(entries__result=Entry.Result.PRIZE_WINNER)),
            diplomas=Count("entries", filter=Q(entries__result=Entry.Result.DIPLOMA)),
        )
        .values_list(
            *ContestRow._fields[:-7], "n", "ours", "winners", "laureates", "finalists", "prize_winners", "diplomas"
        )
    ]


def _curators(horizon: Period) -> list[CuratorRow]:
    return [
        CuratorRow(*row)
        for row in Curator.objects.filter(contest_q(horizon, "contest__"))
        .order_by()
        .values_list("contest_id", "library_id")
    ]


def _episodes(horizon: Period) -> list[EpisodeRow]:
    return [
        EpisodeRow(*row)
        for row in Episode.objects.filter(episode_q(horizon))
        .order_by("published_on", "project__title", "number")
        .values_list("pk", "title", "project__title", "number", "library_id", "published_on", "status", "is_published")
    ]


def _overrides(horizon: Period) -> list[OverrideRow]:
    """The staff overrides of every activity in the horizon: one UNION over the eight link tables."""
    text, flag = CharField(), BooleanField()
    in_horizon = {
        EVENT: (Event, Event.objects.filter(event_q(horizon)).values("pk")),
        EXHIBITION: (Exhibition, _exhibitions_in(horizon)),
        CONTEST: (Contest, Contest.objects.filter(contest_q(horizon)).values("pk")),
        EPISODE: (Episode, Episode.objects.filter(episode_q(horizon)).values("pk")),
    }
    branches = []
    for group, (model, ids) in in_horizon.items():
        name = model._meta.model_name
        for field, added in (("agreements_added", True), ("agreements_excluded", False)):
            through = getattr(model, field).through
            branches.append(
                through.objects.filter(**{f"{name}__in": ids})
                .order_by()
                .annotate(
                    o_group=Value(group, output_field=text),
                    o_id=F(f"{name}_id"),
                    o_agreement=F("agreement_id"),
                    o_added=Value(added, output_field=flag),
                )
                .values_list("o_group", "o_id", "o_agreement", "o_added")
            )
    union = branches[0].union(*branches[1:], all=True)
    return [OverrideRow(group, pk, agreement, bool(added)) for group, pk, agreement, added in union]


def load_rows(horizon: Period) -> Rows:
    """Every activity of the horizon, each kind in one or two queries, plus one for every staff override; a kind
    that brings its own direction reads its rows itself (`ActivityKind.report_rows`)."""
    sites = _sites(horizon)
    return Rows(
        events=_events(horizon, sites),
        sites=sites,
        stops=_stops(horizon),
        contests=_contests(horizon),
        curators=_curators(horizon),
        episodes=_episodes(horizon),
        overrides=_overrides(horizon),
        others={kind.key: kind.report_rows(horizon.first_day, horizon.last_day) for kind in reported()},
    )


# --------------------------------------------------------------------------------------------
# The year picker
# --------------------------------------------------------------------------------------------


def years_with_data() -> list[int]:
    """Years in which anything happened (two queries), for the year picker."""
    tz = kemerovo()
    events = Event.objects.aggregate(first=Min("starts_at"), last=Max("starts_at"))
    agreements = Agreement.objects.aggregate(first=Min("signed_on"), last=Max("signed_on"))
    years = []
    for key in ("first", "last"):
        if events[key]:
            years.append(timezone.localtime(events[key], tz).year)
        if agreements[key]:
            years.append(agreements[key].year)
    if not years:
        return []
    return list(range(max(min(years), MIN_YEAR), min(max(years), MAX_YEAR) + 1))
