"""The SQL behind the annual report: periods, the counting rules as filters, aggregates and listings.

Every function here runs a fixed number of queries, whatever the number of rows. The rules
themselves are described in reports/report.py.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Count, F, Max, Min, Q, Sum, Value
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Library
from contests.models import Contest, Curator, Entry
from coopnet.dates import add_years
from coopnet.vocabulary import Scope
from events.models import Episode, Event, Participation
from exhibitions.models import Exhibition, ExhibitionStop
from reports.data import (
    CONTEST,
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    EPISODE,
    EXHIBITION,
    MAX_YEAR,
    MIN_YEAR,
    MONTHS,
    TELEBRIDGE,
    ContestItem,
    EpisodeItem,
    EventItem,
    ExhibitionItem,
    MonthRow,
    StopItem,
)


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


def _event_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_at__gte": p.start, f"{prefix}starts_at__lt": p.end})


def _stop_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": p.last_day, f"{prefix}ends_on__gte": p.first_day})


def _contest_q(p: Period, prefix: str = "") -> Q:
    def within(name):
        return Q(**{f"{prefix}{name}__gte": p.first_day, f"{prefix}{name}__lte": p.last_day})

    spans = Q(**{f"{prefix}submissions_from__lt": p.first_day, f"{prefix}submissions_until__gt": p.last_day})
    return within("results_on") | within("submissions_from") | within("submissions_until") | spans


def _episode_q(p: Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}published_on__gte": p.first_day, f"{prefix}published_on__lte": p.last_day})


def _as_of(year: int, today: datetime.date) -> datetime.date:
    return today if year == today.year else datetime.date(year, 12, 31)


# --------------------------------------------------------------------------------------------
# Aggregation (run for the year and for the previous year)
# --------------------------------------------------------------------------------------------


@dataclass
class Aggregates:
    year: int
    period: Period
    as_of: datetime.date
    window: Period  # twelve months up to as_of
    agreement_counts: dict  # agreement id -> dict of counts
    links: list[tuple[int, str, bool, int]]  # (library id, group, is_published, activities)
    event_groups: list[dict]  # grouped by kind, format, scope, target_group, venue, is_published
    exhibitions: int
    exhibition_drafts: int
    contests: int
    contest_drafts: int
    episodes: int
    episode_drafts: int
    stops: dict
    entries: dict
    new_partner_ids: list[tuple[int, datetime.date]]


def _agreement_counts(period: Period, window: Period) -> dict:
    """Per agreement: activities in the period, drafts, activities in the window, last activity day."""
    counts: dict[int, dict] = defaultdict(
        lambda: {"events": 0, "exhibitions": 0, "contests": 0, "episodes": 0, "drafts": 0, "window": 0, "last": None}
    )

    def merge(rows, kind):
        for row in rows:
            c = counts[row["agreement"]]
            c[kind] += row["n"]
            c["drafts"] += row["drafts"]
            c["window"] += row["w"]
            last = row["last"]
            if isinstance(last, datetime.datetime):
                last = timezone.localtime(last, kemerovo()).date()
            if last and (c["last"] is None or last > c["last"]):
                c["last"] = last

    horizon = Period.for_days(min(period.first_day, window.first_day), max(period.last_day, window.last_day))

    ev = _event_q(period)
    merge(
        Event.objects.filter(agreement__isnull=False)
        .filter(_event_q(horizon))
        .order_by()
        .values("agreement")
        .annotate(
            n=Count("pk", filter=ev),
            drafts=Count("pk", filter=ev & Q(is_published=False)),
            w=Count("pk", filter=_event_q(window)),
            last=Max("starts_at", filter=Q(starts_at__lt=window.end)),
        ),
        "events",
    )
    st = _stop_q(period, "stops__")
    merge(
        Exhibition.objects.filter(agreement__isnull=False)
        .filter(_stop_q(horizon, "stops__"))
        .order_by()
        .values("agreement")
        .annotate(
            n=Count("pk", filter=st, distinct=True),
            drafts=Count("pk", filter=st & Q(is_published=False), distinct=True),
            w=Count("pk", filter=_stop_q(window, "stops__"), distinct=True),
            last=Max("stops__starts_on", filter=Q(stops__starts_on__lte=window.last_day)),
        ),
        "exhibitions",
    )
    co = _contest_q(period)
    merge(
        Contest.objects.filter(agreement__isnull=False)
        .filter(_contest_q(horizon))
        .order_by()
        .values("agreement")
        .annotate(
            n=Count("pk", filter=co),
            drafts=Count("pk", filter=co & Q(is_published=False)),
            w=Count("pk", filter=_contest_q(window)),
            last=Max("submissions_from", filter=Q(submissions_from__lte=window.last_day)),
        ),
        "contests",
    )
    ep = _episode_q(period)
    merge(
        Episode.objects.filter(agreement__isnull=False)
        .filter(_episode_q(horizon))
        .order_by()
        .values("agreement")
        .annotate(
            n=Count("pk", filter=ep),
            drafts=Count("pk", filter=ep & Q(is_published=False)),
            w=Count("pk", filter=_episode_q(window)),
            last=Max("published_on", filter=Q(published_on__lte=window.last_day)),
        ),
        "episodes",
    )
    return dict(counts)


def _links(period: Period) -> list[tuple[int, str, bool, int]]:
    """(library, group, published, number of activities) for every library taking part in an activity.

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

    events = Event.objects.filter(_event_q(period))
    exhibitions = Exhibition.objects.filter(_stop_q(period, "stops__"))
    contests = Contest.objects.filter(_contest_q(period))
    episodes = Episode.objects.filter(_episode_q(period))
    exh = Value(EXHIBITION, output_field=text)
    con = Value(CONTEST, output_field=text)
    epi = Value(EPISODE, output_field=text)
    branches = [
        cols(events, "pk", "organiser_id", "kind", "is_published"),
        cols(
            Participation.objects.filter(_event_q(period, "event__")),
            "event_id",
            "library_id",
            "event__kind",
            "event__is_published",
        ),
        cols(events.filter(agreement__isnull=False), "pk", "agreement__partner_id", "kind", "is_published"),
        cols(exhibitions, "pk", "provider_id", exh, "is_published"),
        cols(
            ExhibitionStop.objects.filter(_stop_q(period)), "exhibition_id", "venue_id", exh, "exhibition__is_published"
        ),
        cols(exhibitions.filter(agreement__isnull=False), "pk", "agreement__partner_id", exh, "is_published"),
        cols(contests, "pk", "organiser_id", con, "is_published"),
        cols(
            Curator.objects.filter(_contest_q(period, "contest__")),
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
        return [(lib, grp, bool(pub), n) for lib, grp, pub, n in cursor.fetchall()]


def aggregate(year: int, today: datetime.date) -> Aggregates:
    period = Period.for_year(year)
    as_of = _as_of(year, today)
    window = Period.for_days(add_years(as_of, -1) + datetime.timedelta(days=1), as_of)

    event_groups = list(
        Event.objects.filter(_event_q(period))
        .order_by()
        .values("kind", "format", "scope", "target_group", "venue", "is_published")
        .annotate(
            n=Count("pk"),
            visits=Sum("participants_count"),
            no_figure=Count("pk", filter=Q(participants_count__isnull=True)),
        )
    )
    exh = Exhibition.objects.filter(_stop_q(period, "stops__")).aggregate(
        n=Count("pk", distinct=True), drafts=Count("pk", distinct=True, filter=Q(is_published=False))
    )
    con = Contest.objects.filter(_contest_q(period)).aggregate(
        n=Count("pk"), drafts=Count("pk", filter=Q(is_published=False))
    )
    epi = Episode.objects.filter(_episode_q(period)).aggregate(
        n=Count("pk"), drafts=Count("pk", filter=Q(is_published=False))
    )
    stops = ExhibitionStop.objects.filter(starts_on__gte=period.first_day, starts_on__lte=period.last_day).aggregate(
        visitors=Sum("visitors"), excursions=Sum("excursions")
    )
    host_region = Q(curator__is_host=True)
    entries = Entry.objects.filter(_contest_q(period, "contest__")).aggregate(
        entries=Count("pk"),
        ours=Count("pk", filter=host_region),
        winners=Count("pk", filter=Q(result=Entry.Result.WINNER)),
        laureates=Count("pk", filter=Q(result=Entry.Result.LAUREATE)),
        finalists=Count("pk", filter=Q(result=Entry.Result.FINALIST)),
    )
    new_partners = list(
        Library.objects.filter(is_host=False)
        .annotate(first=Min("agreements__signed_on", filter=~Q(agreements__status=Agreement.Status.DRAFT)))
        .filter(first__gte=period.first_day, first__lte=period.last_day)
        .order_by("first", "short_name")
        .values_list("pk", "first")
    )
    return Aggregates(
        year=year,
        period=period,
        as_of=as_of,
        window=window,
        agreement_counts=_agreement_counts(period, window),
        links=_links(period),
        event_groups=event_groups,
        exhibitions=exh["n"],
        exhibition_drafts=exh["drafts"],
        contests=con["n"],
        contest_drafts=con["drafts"],
        episodes=epi["n"],
        episode_drafts=epi["drafts"],
        stops={k: v or 0 for k, v in stops.items()},
        entries=entries,
        new_partner_ids=new_partners,
    )


# --------------------------------------------------------------------------------------------
# Listings: every activity of the year, for the narrative and the sheets
# --------------------------------------------------------------------------------------------


def _choices(choices) -> dict[str, str]:
    return {key: str(label) for key, label in choices.choices}


def _partner_names(ids, libraries: dict[int, Library]) -> list[str]:
    names = []
    for pk in ids:
        lib = libraries.get(pk)
        if lib is not None and not lib.is_host and lib.short_name not in names:
            names.append(lib.short_name)
    return names


def _agreement_label(pk, agreements: dict[int, Agreement]) -> str:
    a = agreements.get(pk)
    return str(a) if a is not None else ""


def listings(period: Period, libraries, agreements) -> dict[str, list]:
    tz = kemerovo()
    sites: dict[int, list[int]] = defaultdict(list)
    for event_id, lib_id in (
        Participation.objects.filter(_event_q(period, "event__"))
        .order_by("event_id", "pk")
        .values_list("event_id", "library_id")
    ):
        sites[event_id].append(lib_id)
    events, telebridges = [], []
    # Translated once: a lazy label per row would cost a gettext call per cell.
    labels = {"kind": _choices(Event.Kind), "format": _choices(Event.Format)}
    scope_labels = _choices(Scope)
    target_labels = _choices(Event.TargetGroup)
    venue_labels = _choices(Event.Venue)
    for e in (
        Event.objects.filter(_event_q(period))
        .order_by("starts_at", "pk")
        .values_list(
            "pk",
            "title",
            "starts_at",
            "kind",
            "format",
            "scope",
            "target_group",
            "venue",
            "organiser_id",
            "agreement_id",
            "agreement__partner_id",
            "participants_count",
            "is_published",
        )
    ):
        pk, title, starts_at, kind, fmt, scope, target, venue, org, agr, agr_partner, count, published = e
        local = timezone.localtime(starts_at, tz)
        item = EventItem(
            id=pk,
            title=title,
            starts_on=local.date(),
            starts_at=local,
            kind=kind,
            kind_label=labels["kind"].get(kind, kind),
            format_label=labels["format"].get(fmt, fmt),
            scope_label=scope_labels.get(scope, scope),
            target_group_label=target_labels.get(target, target),
            venue_label=venue_labels.get(venue, venue),
            organiser=libraries[org].short_name if org in libraries else "",
            partners=_partner_names([org, *sites.get(pk, []), agr_partner], libraries),
            agreement=_agreement_label(agr, agreements),
            participants=count,
            is_draft=not published,
        )
        (telebridges if kind == TELEBRIDGE else events).append(item)

    stops: dict[int, list[StopItem]] = defaultdict(list)
    stop_venues: dict[int, list[int]] = defaultdict(list)
    for ex_id, venue, starts_on, ends_on, visitors, excursions in (
        ExhibitionStop.objects.filter(exhibition__in=Exhibition.objects.filter(_stop_q(period, "stops__")))
        .order_by("exhibition_id", "starts_on", "pk")
        .values_list("exhibition_id", "venue_id", "starts_on", "ends_on", "visitors", "excursions")
    ):
        stops[ex_id].append(
            StopItem(
                libraries[venue].short_name if venue in libraries else "", starts_on, ends_on, visitors, excursions
            )
        )
        stop_venues[ex_id].append(venue)
    kind_labels = _choices(Exhibition.Kind)
    exhibitions = []
    for pk, title, kind, provider, agr, agr_partner, published in (
        Exhibition.objects.filter(_stop_q(period, "stops__"))
        .distinct()
        .order_by("title", "pk")
        .values_list("pk", "title", "kind", "provider_id", "agreement_id", "agreement__partner_id", "is_published")
    ):
        in_year = [s for s in stops[pk] if s.starts_on <= period.last_day and s.ends_on >= period.first_day]
        opened = [s for s in stops[pk] if period.first_day <= s.starts_on <= period.last_day]
        exhibitions.append(
            ExhibitionItem(
                id=pk,
                title=title,
                kind_label=kind_labels.get(kind, kind),
                provider=libraries[provider].short_name if provider in libraries else "",
                partners=_partner_names([provider, *stop_venues[pk], agr_partner], libraries),
                agreement=_agreement_label(agr, agreements),
                first_day=max(min(s.starts_on for s in in_year), period.first_day),
                last_day=min(max(s.ends_on for s in in_year), period.last_day),
                stops=in_year,
                visitors=sum(s.visitors or 0 for s in opened),
                excursions=sum(s.excursions or 0 for s in opened),
                is_draft=not published,
            )
        )
    exhibitions.sort(key=lambda x: (x.first_day, x.title))

    curators: dict[int, list[int]] = defaultdict(list)
    for contest_id, lib_id in (
        Curator.objects.filter(_contest_q(period, "contest__")).order_by("pk").values_list("contest_id", "library_id")
    ):
        curators[contest_id].append(lib_id)
    contests = []
    for c in (
        Contest.objects.filter(_contest_q(period))
        .order_by()
        .annotate(
            n=Count("entries"),
            ours=Count("entries", filter=Q(entries__curator__is_host=True)),
            winners=Count("entries", filter=Q(entries__result=Entry.Result.WINNER)),
            laureates=Count("entries", filter=Q(entries__result=Entry.Result.LAUREATE)),
            finalists=Count("entries", filter=Q(entries__result=Entry.Result.FINALIST)),
        )
        .values_list(
            "pk",
            "title",
            "organiser_id",
            "agreement_id",
            "agreement__partner_id",
            "scope",
            "submissions_from",
            "submissions_until",
            "results_on",
            "n",
            "ours",
            "winners",
            "laureates",
            "finalists",
            "is_published",
        )
    ):
        (
            pk,
            title,
            org,
            agr,
            agr_partner,
            scope,
            s_from,
            s_until,
            results,
            n,
            ours,
            winners,
            laureates,
            finalists,
            published,
        ) = c
        first_day = _contest_first_day(s_from, s_until, results, period)
        contests.append(
            ContestItem(
                id=pk,
                title=title,
                organiser=libraries[org].short_name if org in libraries else "",
                partners=_partner_names([org, *curators[pk], agr_partner], libraries),
                agreement=_agreement_label(agr, agreements),
                scope_label=scope_labels.get(scope, scope),
                submissions_from=s_from,
                submissions_until=s_until,
                results_on=results,
                first_day=first_day,
                entries=n,
                from_our_region=ours,
                winners=winners,
                laureates=laureates,
                finalists=finalists,
                is_draft=not published,
            )
        )
    contests.sort(key=lambda x: (x.first_day, x.title))

    episodes = [
        EpisodeItem(
            id=pk,
            project=project,
            number=number,
            title=title,
            tradition=tradition,
            library=libraries[lib].short_name if lib in libraries else "",
            partners=_partner_names([lib, agr_partner], libraries),
            agreement=_agreement_label(agr, agreements),
            published_on=published_on,
            is_draft=not published,
        )
        for pk, project, number, title, tradition, lib, agr, agr_partner, published_on, published in (
            Episode.objects.filter(_episode_q(period))
            .order_by("published_on", "project__title", "number")
            .values_list(
                "pk",
                "project__title",
                "number",
                "title",
                "tradition",
                "library_id",
                "agreement_id",
                "agreement__partner_id",
                "published_on",
                "is_published",
            )
        )
    ]
    return {
        DIRECTION_EVENTS: events,
        DIRECTION_TELEBRIDGES: telebridges,
        DIRECTION_EXHIBITIONS: exhibitions,
        DIRECTION_CONTESTS: contests,
        DIRECTION_PROJECTS: episodes,
    }


def _contest_first_day(s_from, s_until, results, period: Period) -> datetime.date:
    """The first day of the year on which a contest is running (taking entries) or announces results."""
    opens, closes = s_from or s_until, s_until or s_from
    if opens is not None and opens <= period.last_day and closes >= period.first_day:
        return max(opens, period.first_day)
    if results is not None and period.first_day <= results <= period.last_day:
        return results
    return period.first_day


def by_month(period: Period, listings: dict[str, list]) -> list[MonthRow]:
    tz = kemerovo()
    counts = {m: defaultdict(int) for m in range(1, 13)}
    for row in (
        Event.objects.filter(_event_q(period))
        .order_by()
        .annotate(m=ExtractMonth("starts_at", tzinfo=tz))
        .values("m", "kind")
        .annotate(n=Count("pk"))
    ):
        counts[row["m"]]["telebridges" if row["kind"] == TELEBRIDGE else "events"] += row["n"]
    for row in (
        Episode.objects.filter(_episode_q(period))
        .order_by()
        .annotate(m=ExtractMonth("published_on"))
        .values("m")
        .annotate(n=Count("pk"))
    ):
        counts[row["m"]]["episodes"] += row["n"]
    # Exhibitions and contests run for weeks: each counts in the month of its first day in the year.
    for item in listings[DIRECTION_EXHIBITIONS]:
        counts[item.first_day.month]["exhibitions"] += 1
    for item in listings[DIRECTION_CONTESTS]:
        counts[item.first_day.month]["contests"] += 1
    rows = []
    for m in range(1, 13):
        c = counts[m]
        rows.append(
            MonthRow(
                month=m,
                label=_(MONTHS[m - 1]),
                events=c["events"],
                telebridges=c["telebridges"],
                exhibitions=c["exhibitions"],
                contests=c["contests"],
                episodes=c["episodes"],
                total=sum(c.values()),
            )
        )
    return rows


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
