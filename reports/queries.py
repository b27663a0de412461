"""The SQL behind the annual report: periods, the counting rules as filters, aggregates and listings.

Every function here runs a fixed number of queries, whatever the number of rows, and returns typed rows
(named tuples and dataclasses). The rules themselves are described in reports/report.py; the list of
every activity of the year is in reports/listings.py.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.db.models import Aggregate, CharField, Count, F, Max, Min, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce, ExtractMonth
from django.utils import timezone

from agreements.models import Agreement, Library
from contests.models import Contest, Curator, Entry
from coopnet.dates import MAX_YEAR, MIN_YEAR, add_years
from events.models import Episode, Event, Participation
from exhibitions.models import Exhibition, ExhibitionStop
from reports.data import CONTEST, EPISODE, EXHIBITION, MONTHS, TELEBRIDGE, ContestItem, ExhibitionItem, MonthRow


def kemerovo() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


# --------------------------------------------------------------------------------------------
# Periods and the "counts in the year" rules
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


def event_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_at__gte": p.start, f"{prefix}starts_at__lt": p.end})


def stop_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": p.last_day, f"{prefix}ends_on__gte": p.first_day})


def contest_q(p: Period, prefix: str = "") -> Q:
    def within(name):
        return Q(**{f"{prefix}{name}__gte": p.first_day, f"{prefix}{name}__lte": p.last_day})

    spans = Q(**{f"{prefix}submissions_from__lt": p.first_day, f"{prefix}submissions_until__gt": p.last_day})
    return within("results_on") | within("submissions_from") | within("submissions_until") | spans


def episode_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}published_on__gte": p.first_day, f"{prefix}published_on__lte": p.last_day})


def _as_of(year: int, today: datetime.date) -> datetime.date:
    return today if year == today.year else datetime.date(year, 12, 31)


# --------------------------------------------------------------------------------------------
# Typed rows
# --------------------------------------------------------------------------------------------


class EventGroup(NamedTuple):
    """Events of the year with the same kind, format, scope, target group, venue and publication."""

    kind: str
    format: str
    scope: str
    target_group: str
    venue: str
    is_published: bool
    n: int
    visits: int  # participants, 0 when no event has a figure
    no_figure: int  # events without a participants figure


class Link(NamedTuple):
    """How many activities of a group a library took part in (each activity once per library)."""

    library_id: int
    group: str  # an event kind, or EXHIBITION, CONTEST, EPISODE
    is_published: bool
    activities: int


class Total(NamedTuple):
    count: int
    drafts: int


class StopTotals(NamedTuple):
    """Exhibition stops opened in the year."""

    visitors: int
    excursions: int


class EntryTotals(NamedTuple):
    """Entries of the contests that count in the year."""

    entries: int
    from_our_region: int
    winners: int
    laureates: int
    finalists: int


class FirstAgreement(NamedTuple):
    library_id: int
    signed_on: datetime.date


@dataclass
class AgreementActivity:
    """What was done under one agreement: activities of the period by kind, drafts, the twelve-month window."""

    events: int = 0
    exhibitions: int = 0
    contests: int = 0
    episodes: int = 0
    drafts: int = 0
    window: int = 0  # activities in the twelve months up to the report date
    last: datetime.date | None = None  # the last activity's day, up to the report date

    @property
    def total(self) -> int:
        return self.events + self.exhibitions + self.contests + self.episodes


@dataclass
class Aggregates:
    year: int
    period: Period
    as_of: datetime.date
    window: Period  # twelve months up to as_of
    agreement_activity: dict[int, AgreementActivity]  # by agreement id
    links: list[Link]
    event_groups: list[EventGroup]
    exhibitions: Total
    contests: Total
    episodes: Total
    stops: StopTotals
    entries: EntryTotals
    new_partners: list[FirstAgreement]


# --------------------------------------------------------------------------------------------
# Aggregation (run for the year and for the previous year)
# --------------------------------------------------------------------------------------------


def _per_agreement(
    qs: QuerySet, rule: Callable[[Period], Q], period: Period, window: Period, last: Aggregate, distinct=False
) -> QuerySet:
    """Per agreement: activities counting in the period, drafts among them, activities in the window, last day."""
    horizon = Period.for_days(min(period.first_day, window.first_day), max(period.last_day, window.last_day))
    counted = rule(period)
    return (
        qs.filter(agreement__isnull=False)
        .filter(rule(horizon))
        .order_by()
        .values_list("agreement")
        .annotate(
            n=Count("pk", filter=counted, distinct=distinct),
            drafts=Count("pk", filter=counted & Q(is_published=False), distinct=distinct),
            w=Count("pk", filter=rule(window), distinct=distinct),
            last=last,
        )
    )


def _agreement_activity(period: Period, window: Period) -> dict[int, AgreementActivity]:
    """One query per kind of activity, merged per agreement."""
    end = window.last_day
    per_kind = {
        "events": _per_agreement(
            Event.objects, event_q, period, window, Max("starts_at", filter=Q(starts_at__lt=window.end))
        ),
        "exhibitions": _per_agreement(
            Exhibition.objects,
            lambda p: stop_q(p, "stops__"),
            period,
            window,
            Max("stops__starts_on", filter=Q(stops__starts_on__lte=end)),
            distinct=True,
        ),
        "contests": _per_agreement(
            Contest.objects, contest_q, period, window, Max("submissions_from", filter=Q(submissions_from__lte=end))
        ),
        "episodes": _per_agreement(
            Episode.objects, episode_q, period, window, Max("published_on", filter=Q(published_on__lte=end))
        ),
    }
    tz = kemerovo()
    result: dict[int, AgreementActivity] = defaultdict(AgreementActivity)
    for kind, rows in per_kind.items():
        for agreement_id, n, drafts, in_window, last in rows:
            activity = result[agreement_id]
            setattr(activity, kind, getattr(activity, kind) + n)
            activity.drafts += drafts
            activity.window += in_window
            if isinstance(last, datetime.datetime):
                last = timezone.localtime(last, tz).date()
            if last and (activity.last is None or last > activity.last):
                activity.last = last
    return dict(result)


def _links(period: Period) -> list[Link]:
    """Every library taking part in an activity, counted by (library, group, published).

    One query: a UNION (which drops duplicate activity–library pairs) of every way a library takes
    part in an activity, grouped and counted by the database.
    """
    text = CharField()

    def cols(qs, a, lib, grp, pub):
        grp_expr = F(grp) if isinstance(grp, str) else grp
        return (
            qs.order_by()
            .annotate(r_a=F(a), r_lib=F(lib), r_grp=grp_expr, r_pub=F(pub))
            .values_list("r_a", "r_lib", "r_grp", "r_pub")
        )

    events = Event.objects.filter(event_q(period))
    exhibitions = Exhibition.objects.filter(stop_q(period, "stops__"))
    contests = Contest.objects.filter(contest_q(period))
    episodes = Episode.objects.filter(episode_q(period))
    exh = Value(EXHIBITION, output_field=text)
    con = Value(CONTEST, output_field=text)
    epi = Value(EPISODE, output_field=text)
    branches = [
        cols(events, "pk", "organiser_id", "kind", "is_published"),
        cols(
            Participation.objects.filter(event_q(period, "event__")),
            "event_id",
            "library_id",
            "event__kind",
            "event__is_published",
        ),
        cols(events.filter(agreement__isnull=False), "pk", "agreement__partner_id", "kind", "is_published"),
        cols(exhibitions, "pk", "provider_id", exh, "is_published"),
        cols(
            ExhibitionStop.objects.filter(stop_q(period)), "exhibition_id", "venue_id", exh, "exhibition__is_published"
        ),
        cols(exhibitions.filter(agreement__isnull=False), "pk", "agreement__partner_id", exh, "is_published"),
        cols(contests, "pk", "organiser_id", con, "is_published"),
        cols(
            Curator.objects.filter(contest_q(period, "contest__")),
            "contest_id",
            "library_id",
            con,
            "contest__is_published",
        ),
        cols(contests.filter(agreement__isnull=False), "pk", "agreement__partner_id", con, "is_published"),
        cols(episodes, "pk", "library_id", epi, "is_published"),
        cols(episodes.filter(agreement__isnull=False), "pk", "agreement__partner_id", epi, "is_published"),
    ]
    union = branches[0].union(*branches[1:])
    sql, params = union.query.get_compiler(connection=connection).as_sql()
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT u.r_lib, u.r_grp, u.r_pub, COUNT(*) FROM ({sql}) u GROUP BY u.r_lib, u.r_grp, u.r_pub",  # noqa: S608
            params,
        )
        return [Link(lib, grp, bool(pub), n) for lib, grp, pub, n in cursor.fetchall()]


def _event_groups(period: Period) -> list[EventGroup]:
    return [
        EventGroup(*row)
        for row in Event.objects.filter(event_q(period))
        .order_by()
        .values_list("kind", "format", "scope", "target_group", "venue", "is_published")
        .annotate(
            n=Count("pk"),
            visits=Coalesce(Sum("participants_count"), 0),
            no_figure=Count("pk", filter=Q(participants_count__isnull=True)),
        )
    ]


def _totals(period: Period) -> tuple[Total, Total, Total]:
    """Exhibitions, contests and episodes counting in the period, each with its drafts."""
    drafts = Q(is_published=False)
    exhibitions = Exhibition.objects.filter(stop_q(period, "stops__")).aggregate(
        n=Count("pk", distinct=True), drafts=Count("pk", distinct=True, filter=drafts)
    )
    contests = Contest.objects.filter(contest_q(period)).aggregate(n=Count("pk"), drafts=Count("pk", filter=drafts))
    episodes = Episode.objects.filter(episode_q(period)).aggregate(n=Count("pk"), drafts=Count("pk", filter=drafts))
    return tuple(Total(t["n"], t["drafts"]) for t in (exhibitions, contests, episodes))


def _stop_totals(period: Period) -> StopTotals:
    stops = ExhibitionStop.objects.filter(starts_on__gte=period.first_day, starts_on__lte=period.last_day).aggregate(
        visitors=Sum("visitors"), excursions=Sum("excursions")
    )
    return StopTotals(stops["visitors"] or 0, stops["excursions"] or 0)


def _entry_totals(period: Period) -> EntryTotals:
    totals = Entry.objects.filter(contest_q(period, "contest__")).aggregate(
        entries=Count("pk"),
        from_our_region=Count("pk", filter=Q(curator__is_host=True)),
        winners=Count("pk", filter=Q(result=Entry.Result.WINNER)),
        laureates=Count("pk", filter=Q(result=Entry.Result.LAUREATE)),
        finalists=Count("pk", filter=Q(result=Entry.Result.FINALIST)),
    )
    return EntryTotals(**totals)


def _new_partners(period: Period) -> list[FirstAgreement]:
    """Partners whose first signed agreement falls in the period."""
    return [
        FirstAgreement(*row)
        for row in Library.objects.filter(is_host=False)
        .annotate(first=Min("agreements__signed_on", filter=~Q(agreements__status=Agreement.Status.DRAFT)))
        .filter(first__gte=period.first_day, first__lte=period.last_day)
        .order_by("first", "short_name")
        .values_list("pk", "first")
    ]


def aggregate(year: int, today: datetime.date) -> Aggregates:
    period = Period.for_year(year)
    as_of = _as_of(year, today)
    window = Period.for_days(add_years(as_of, -1) + datetime.timedelta(days=1), as_of)
    event_groups = _event_groups(period)
    exhibitions, contests, episodes = _totals(period)
    stops = _stop_totals(period)
    entries = _entry_totals(period)
    new_partners = _new_partners(period)
    return Aggregates(
        year=year,
        period=period,
        as_of=as_of,
        window=window,
        agreement_activity=_agreement_activity(period, window),
        links=_links(period),
        event_groups=event_groups,
        exhibitions=exhibitions,
        contests=contests,
        episodes=episodes,
        stops=stops,
        entries=entries,
        new_partners=new_partners,
    )


# --------------------------------------------------------------------------------------------
# By month and the year picker
# --------------------------------------------------------------------------------------------


def by_month(period: Period, exhibitions: list[ExhibitionItem], contests: list[ContestItem]) -> list[MonthRow]:
    tz = kemerovo()
    counts = {m: defaultdict(int) for m in range(1, 13)}
    for month, kind, n in (
        Event.objects.filter(event_q(period))
        .order_by()
        .annotate(m=ExtractMonth("starts_at", tzinfo=tz))
        .values_list("m", "kind")
        .annotate(n=Count("pk"))
    ):
        counts[month]["telebridges" if kind == TELEBRIDGE else "events"] += n
    for month, n in (
        Episode.objects.filter(episode_q(period))
        .order_by()
        .annotate(m=ExtractMonth("published_on"))
        .values_list("m")
        .annotate(n=Count("pk"))
    ):
        counts[month]["episodes"] += n
    # Exhibitions and contests run for weeks: each counts in the month of its first day in the year.
    for item in exhibitions:
        counts[item.first_day.month]["exhibitions"] += 1
    for item in contests:
        counts[item.first_day.month]["contests"] += 1
    return [
        MonthRow(
            month=m,
            label=str(MONTHS[m - 1]),
            events=counts[m]["events"],
            telebridges=counts[m]["telebridges"],
            exhibitions=counts[m]["exhibitions"],
            contests=counts[m]["contests"],
            episodes=counts[m]["episodes"],
            total=sum(counts[m].values()),
        )
        for m in range(1, 13)
    ]


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
