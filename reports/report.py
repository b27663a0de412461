"""The annual cooperation report: one module computes every figure, every view renders from it.

`build_report(year)` returns a tree of plain dataclasses (no querysets, nothing lazy). The figures
come from SQL aggregation, so the number of queries does not depend on the number of rows; the
per-activity listings (for the DOCX narrative and the XLSX sheets) are a fixed number of queries
as well.

Counting rules (shown to the manager on the page as well):

- The year is a calendar year in the host's time zone (settings.TIME_ZONE, Kemerovo). An event
  counts in the year its start falls in, in Kemerovo time.
- An exhibition counts in every year in which one of its stops is open (a stop overlaps the year).
  Visitors and excursions of a stop count in the year the stop opens, so no stop is counted twice.
- A contest counts in a year when its submission period overlaps the year or its results are
  announced in the year.
- A project episode counts in the year it is published.
- "Activities under an agreement" are the events, exhibitions, contests and episodes linked to that
  agreement and counting in the year by the rules above.
- An activity's partners are the libraries other than the host that take part in it: the organiser
  or provider, the participating libraries (event sites, exhibition venues, contest curators, the
  library that prepared an episode) and the partner of the agreement it is carried out under. In the
  partner × direction table an activity with two partners counts once for each; the totals row
  counts each activity once.
- The report is "as of" 31 December of the year, or today for the current year. A dormant agreement
  is in force on that date but has no joint activity in the twelve months up to it.
- Drafts (not published) count, and are reported separately as "из них неопубликованных".
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import connection
from django.db.models import CharField, Count, F, Max, Min, Q, Sum, Value
from django.db.models.functions import ExtractMonth
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Library
from contests.models import Contest, Curator, Entry
from events.models import Episode, Event, Participation, Scope
from exhibitions.models import Exhibition, ExhibitionStop

MIN_YEAR = 1990
MAX_YEAR = 2100

MONTHS = [
    "январь", "февраль", "март", "апрель", "май", "июнь",
    "июль", "август", "сентябрь", "октябрь", "ноябрь", "декабрь",
]

# Activity groups that are not event kinds (event kinds come from Event.Kind).
EXHIBITION = "exhibition"
CONTEST = "contest"
EPISODE = "episode"
TELEBRIDGE = Event.Kind.TELEBRIDGE.value

# Directions in the order the narrative report (the article) lists them.
DIRECTION_EVENTS = "events"
DIRECTION_EXHIBITIONS = "exhibitions"
DIRECTION_TELEBRIDGES = "telebridges"
DIRECTION_CONTESTS = "contests"
DIRECTION_PROJECTS = "projects"


def direction_titles() -> dict[str, str]:
    return {
        DIRECTION_EVENTS: _("Участие в профессиональных мероприятиях"),
        DIRECTION_EXHIBITIONS: _("Реализация выставочных проектов"),
        DIRECTION_TELEBRIDGES: _("Телемосты"),
        DIRECTION_CONTESTS: _("Проведение совместных конкурсов детского и молодёжного творчества"),
        DIRECTION_PROJECTS: _("Реализация просветительских проектов"),
    }


class ReportYearError(ValueError):
    """A year the report cannot be built for; the message is shown to the user as is."""


def parse_year(value) -> int:
    """Validate a year typed by a user (page, command line); raise ReportYearError with a Russian message."""
    text = str(value).strip() if value is not None else ""
    if not text.lstrip("-").isdigit() or len(text) > 6:
        raise ReportYearError(
            _("«%(value)s» — это не год. Укажите год числом, например 2020.") % {"value": text[:20]}
        )
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ReportYearError(
            _("Отчёт можно построить за год с %(min)s по %(max)s, а указан %(year)s.")
            % {"min": MIN_YEAR, "max": MAX_YEAR, "year": year}
        )
    return year


def kemerovo() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


# --------------------------------------------------------------------------------------------
# The dataclass tree
# --------------------------------------------------------------------------------------------


@dataclass
class Figure:
    """A headline figure beside the previous year's."""

    key: str
    label: str
    value: int
    previous: int
    change: int
    change_pct: float | None  # None when the previous year had zero


@dataclass
class CountRow:
    key: str
    label: str
    count: int
    drafts: int = 0
    visits: int = 0


@dataclass
class AgreementRow:
    id: int
    label: str  # "Partner № 12 от 01.02.2020"
    partner: str
    partner_country: str
    partner_region: str
    number: str
    title: str
    signed_on: datetime.date
    valid_from: datetime.date | None
    valid_until: datetime.date | None  # None: no end date
    auto_prolongation: bool
    terminated_on: datetime.date | None
    state: str
    state_label: str
    in_force: bool  # on the report date
    signed_in_year: bool
    terminated_in_year: bool
    expired_in_year: bool
    expiring_next_year: bool
    events: int
    exhibitions: int
    contests: int
    episodes: int
    activities: int
    drafts: int
    activities_last_12_months: int
    last_activity_on: datetime.date | None
    dormant: bool


@dataclass
class AgreementsSection:
    as_of: datetime.date
    rows: list[AgreementRow]
    in_force: int
    signed: int
    terminated: int
    expired: int
    expiring_next_year: int
    dormant: int
    no_end_date: int

    @property
    def ended(self) -> int:
        return self.terminated + self.expired


@dataclass
class Column:
    key: str
    label: str


@dataclass
class PartnerRow:
    library_id: int
    name: str
    country: str
    region: str
    counts: list[int]
    total: int
    drafts: int


@dataclass
class PartnerMatrix:
    columns: list[Column]
    rows: list[PartnerRow]
    totals: list[int]
    total: int
    total_drafts: int


@dataclass
class MonthRow:
    month: int
    label: str
    events: int
    telebridges: int
    exhibitions: int
    contests: int
    episodes: int
    total: int


@dataclass
class EventItem:
    id: int
    title: str
    starts_on: datetime.date  # in Kemerovo time
    starts_at: datetime.datetime  # aware, Kemerovo time
    kind: str
    kind_label: str
    format_label: str
    scope_label: str
    target_group_label: str
    venue_label: str
    organiser: str
    partners: list[str]
    agreement: str
    participants: int | None
    is_draft: bool


@dataclass
class StopItem:
    venue: str
    starts_on: datetime.date
    ends_on: datetime.date
    visitors: int | None
    excursions: int | None


@dataclass
class ExhibitionItem:
    id: int
    title: str
    kind_label: str
    provider: str
    partners: list[str]
    agreement: str
    first_day: datetime.date  # first day shown in the year
    last_day: datetime.date
    stops: list[StopItem]
    visitors: int  # stops opened in the year
    excursions: int
    is_draft: bool


@dataclass
class ContestItem:
    id: int
    title: str
    organiser: str
    partners: list[str]
    agreement: str
    scope_label: str
    submissions_from: datetime.date | None
    submissions_until: datetime.date | None
    results_on: datetime.date | None
    first_day: datetime.date
    entries: int
    from_our_region: int
    winners: int
    laureates: int
    finalists: int
    is_draft: bool


@dataclass
class EpisodeItem:
    id: int
    project: str
    number: int
    title: str
    tradition: str
    library: str
    partners: list[str]
    agreement: str
    published_on: datetime.date
    is_draft: bool


@dataclass
class DirectionSection:
    key: str
    title: str
    count: int
    drafts: int
    items: list


@dataclass
class ParticipantsSection:
    event_participants: int
    events_without_figure: int
    telebridge_participants: int
    exhibition_visitors: int
    exhibition_excursions: int
    contest_entries: int
    contest_entries_from_our_region: int
    contest_winners: int
    contest_laureates: int
    contest_finalists: int


@dataclass
class PartnerCount:
    country: str
    region: str
    count: int


@dataclass
class NewPartner:
    name: str
    country: str
    region: str
    first_signed_on: datetime.date


@dataclass
class PartnersSection:
    active: int
    by_country: list[PartnerCount]  # region is ""
    by_region: list[PartnerCount]
    new: list[NewPartner]


@dataclass
class NkRow:
    """One line of form 6-НК, with the form's own wording."""

    key: str
    label: str
    events: int
    visits: int
    drafts: int


@dataclass
class AnnualReport:
    year: int
    period_start: datetime.datetime  # 1 January 00:00 in Kemerovo, aware
    period_end: datetime.datetime  # next 1 January 00:00 in Kemerovo, aware (exclusive)
    as_of: datetime.date
    generated_at: datetime.datetime
    host: str
    headline: list[Figure]
    agreements: AgreementsSection
    directions: list[DirectionSection]
    partner_matrix: PartnerMatrix
    events_by_kind: list[CountRow]
    events_by_format: list[CountRow]
    events_by_scope: list[CountRow]
    by_month: list[MonthRow]
    participants: ParticipantsSection
    partners: PartnersSection
    nk: list[NkRow]
    drafts: int = 0
    years_with_data: list[int] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.partner_matrix.total == 0 and not self.agreements.rows

    def figure(self, key: str) -> Figure:
        return next(f for f in self.headline if f.key == key)

    def direction(self, key: str) -> DirectionSection:
        return next(d for d in self.directions if d.key == key)


# --------------------------------------------------------------------------------------------
# Periods and the "counts in the year" rules
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Period:
    first_day: datetime.date
    last_day: datetime.date  # inclusive
    start: datetime.datetime  # aware
    end: datetime.datetime  # aware, exclusive

    @classmethod
    def for_days(cls, first_day: datetime.date, last_day: datetime.date) -> _Period:
        tz = kemerovo()
        start = datetime.datetime.combine(first_day, datetime.time.min, tzinfo=tz)
        end = datetime.datetime.combine(last_day + datetime.timedelta(days=1), datetime.time.min, tzinfo=tz)
        return cls(first_day, last_day, start, end)

    @classmethod
    def for_year(cls, year: int) -> _Period:
        return cls.for_days(datetime.date(year, 1, 1), datetime.date(year, 12, 31))


def _event_q(p: _Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_at__gte": p.start, f"{prefix}starts_at__lt": p.end})


def _stop_q(p: _Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}starts_on__lte": p.last_day, f"{prefix}ends_on__gte": p.first_day})


def _contest_q(p: _Period, prefix: str = "") -> Q:
    def within(name):
        return Q(**{f"{prefix}{name}__gte": p.first_day, f"{prefix}{name}__lte": p.last_day})

    spans = Q(**{f"{prefix}submissions_from__lt": p.first_day, f"{prefix}submissions_until__gt": p.last_day})
    return within("results_on") | within("submissions_from") | within("submissions_until") | spans


def _episode_q(p: _Period, prefix: str = "") -> Q:
    return Q(**{f"{prefix}published_on__gte": p.first_day, f"{prefix}published_on__lte": p.last_day})


def _subtract_year(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)


def _as_of(year: int, today: datetime.date) -> datetime.date:
    return today if year == today.year else datetime.date(year, 12, 31)


def _pct(value: int, previous: int) -> float | None:
    if not previous:
        return None
    return round((value - previous) * 100 / previous, 1)


# --------------------------------------------------------------------------------------------
# Aggregation (run for the year and for the previous year)
# --------------------------------------------------------------------------------------------


@dataclass
class _Aggregates:
    year: int
    period: _Period
    as_of: datetime.date
    window: _Period  # twelve months up to as_of
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


def _agreement_counts(period: _Period, window: _Period) -> dict:
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

    horizon = _Period.for_days(min(period.first_day, window.first_day), max(period.last_day, window.last_day))

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


def _links(period: _Period) -> list[tuple[int, str, bool, int]]:
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
        cols(Participation.objects.filter(_event_q(period, "event__")), "event_id", "library_id", "event__kind",
             "event__is_published"),
        cols(events.filter(agreement__isnull=False), "pk", "agreement__partner_id", "kind", "is_published"),
        cols(exhibitions, "pk", "provider_id", exh, "is_published"),
        cols(ExhibitionStop.objects.filter(_stop_q(period)), "exhibition_id", "venue_id", exh,
             "exhibition__is_published"),
        cols(exhibitions.filter(agreement__isnull=False), "pk", "agreement__partner_id", exh, "is_published"),
        cols(contests, "pk", "organiser_id", con, "is_published"),
        cols(Curator.objects.filter(_contest_q(period, "contest__")), "contest_id", "library_id", con,
             "contest__is_published"),
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


def _aggregate(year: int, today: datetime.date) -> _Aggregates:
    period = _Period.for_year(year)
    as_of = _as_of(year, today)
    window = _Period.for_days(_subtract_year(as_of) + datetime.timedelta(days=1), as_of)

    event_groups = list(
        Event.objects.filter(_event_q(period))
        .order_by()
        .values("kind", "format", "scope", "target_group", "venue", "is_published")
        .annotate(n=Count("pk"), visits=Sum("participants_count"), no_figure=Count("pk", filter=Q(
            participants_count__isnull=True)))
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
    return _Aggregates(
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
# Turning aggregates into sections
# --------------------------------------------------------------------------------------------


def _agreement_rows(agreements: list[Agreement], agg: _Aggregates) -> AgreementsSection:
    period, as_of = agg.period, agg.as_of
    next_year = _Period.for_year(agg.year + 1)
    in_force_ids = {a.pk for a in agreements if _in_force_on(a, as_of)}
    rows = []
    for a in agreements:
        if a.signed_on > period.last_day:
            continue
        signed = period.first_day <= a.signed_on <= period.last_day
        terminated = (
            a.status == Agreement.Status.TERMINATED
            and a.terminated_on is not None
            and period.first_day <= a.terminated_on <= period.last_day
        )
        ended_by_termination_before = (
            a.status == Agreement.Status.TERMINATED
            and a.terminated_on is not None
            and a.terminated_on < period.first_day
        )
        expired = (
            not a.auto_prolongation
            and a.valid_until is not None
            and period.first_day <= a.valid_until <= period.last_day
            and not ended_by_termination_before
            and not (terminated and a.terminated_on <= a.valid_until)
        )
        expired_before = not a.auto_prolongation and a.valid_until is not None and a.valid_until < period.first_day
        in_force = a.pk in in_force_ids
        c = agg.agreement_counts.get(a.pk, {})
        activities = sum(c.get(k, 0) for k in ("events", "exhibitions", "contests", "episodes"))
        if not (in_force or signed or terminated or expired or activities) and (
            ended_by_termination_before or expired_before
        ):
            continue  # ended before the year and did nothing in it
        end = a.current_end(as_of) if in_force else None
        expiring = (
            in_force
            and not a.auto_prolongation
            and end is not None
            and next_year.first_day <= end <= next_year.last_day
        )
        rows.append(
            AgreementRow(
                id=a.pk,
                label=str(a),
                partner=a.partner.short_name,
                partner_country=a.partner.get_country_display(),
                partner_region=a.partner.region,
                number=a.number,
                title=str(a.title),
                signed_on=a.signed_on,
                valid_from=a.valid_from,
                valid_until=a.valid_until,
                auto_prolongation=a.auto_prolongation,
                terminated_on=a.terminated_on,
                state=a.state_on(as_of),
                state_label=str(Agreement.State(a.state_on(as_of)).label),
                in_force=in_force,
                signed_in_year=signed,
                terminated_in_year=terminated,
                expired_in_year=expired,
                expiring_next_year=expiring,
                events=c.get("events", 0),
                exhibitions=c.get("exhibitions", 0),
                contests=c.get("contests", 0),
                episodes=c.get("episodes", 0),
                activities=activities,
                drafts=c.get("drafts", 0),
                activities_last_12_months=c.get("window", 0),
                last_activity_on=c.get("last"),
                dormant=in_force and c.get("window", 0) == 0,
            )
        )
    rows.sort(key=lambda r: (not r.in_force, r.partner, r.signed_on))
    return AgreementsSection(
        as_of=as_of,
        rows=rows,
        in_force=sum(r.in_force for r in rows),
        signed=sum(r.signed_in_year for r in rows),
        terminated=sum(r.terminated_in_year for r in rows),
        expired=sum(r.expired_in_year for r in rows),
        expiring_next_year=sum(r.expiring_next_year for r in rows),
        dormant=sum(r.dormant for r in rows),
        no_end_date=sum(r.in_force and r.valid_until is None for r in rows),
    )


def _in_force_on(a: Agreement, day: datetime.date) -> bool:
    """Python twin of AgreementQuerySet.in_force_on() for rows already loaded."""
    if a.signed_on > day:
        return False
    terminated_later = a.status == Agreement.Status.TERMINATED and a.terminated_on and a.terminated_on > day
    if a.status != Agreement.Status.IN_FORCE and not terminated_later:
        return False
    if a.valid_from and a.valid_from > day:
        return False
    return a.valid_until is None or a.valid_until >= day or a.auto_prolongation


def _direction_of(group: str) -> str:
    if group == TELEBRIDGE:
        return DIRECTION_TELEBRIDGES
    if group == EXHIBITION:
        return DIRECTION_EXHIBITIONS
    if group == CONTEST:
        return DIRECTION_CONTESTS
    if group == EPISODE:
        return DIRECTION_PROJECTS
    return DIRECTION_EVENTS


def _matrix(agg: _Aggregates, libraries: dict[int, Library]) -> PartnerMatrix:
    kind_labels = dict(Event.Kind.choices)
    present_kinds = {g["kind"] for g in agg.event_groups} | {grp for _, grp, _, _ in agg.links if grp in kind_labels}
    columns = [Column(k, str(kind_labels[k])) for k in kind_labels if k in present_kinds and k != TELEBRIDGE]
    columns += [
        Column(TELEBRIDGE, _("Телемосты")),
        Column(EXHIBITION, _("Выставки")),
        Column(CONTEST, _("Конкурсы")),
        Column(EPISODE, _("Выпуски проектов")),
    ]
    index = {c.key: i for i, c in enumerate(columns)}
    per_lib: dict[int, list[int]] = {}
    drafts: dict[int, int] = defaultdict(int)
    for lib_id, grp, published, n in agg.links:
        lib = libraries.get(lib_id)
        if lib is None or lib.is_host or grp not in index:
            continue
        per_lib.setdefault(lib_id, [0] * len(columns))[index[grp]] += n
        if not published:
            drafts[lib_id] += n
    rows = [
        PartnerRow(
            library_id=lib_id,
            name=libraries[lib_id].short_name,
            country=str(libraries[lib_id].get_country_display()),
            region=libraries[lib_id].region,
            counts=counts,
            total=sum(counts),
            drafts=drafts[lib_id],
        )
        for lib_id, counts in per_lib.items()
    ]
    rows.sort(key=lambda r: (-r.total, r.name))
    totals = [0] * len(columns)
    total_drafts = 0
    for g in agg.event_groups:
        totals[index[g["kind"]]] += g["n"]
        if not g["is_published"]:
            total_drafts += g["n"]
    totals[index[EXHIBITION]] = agg.exhibitions
    totals[index[CONTEST]] = agg.contests
    totals[index[EPISODE]] = agg.episodes
    total_drafts += agg.exhibition_drafts + agg.contest_drafts + agg.episode_drafts
    return PartnerMatrix(columns=columns, rows=rows, totals=totals, total=sum(totals), total_drafts=total_drafts)


def _group_events(agg: _Aggregates, attr: str, choices) -> list[CountRow]:
    counts: dict[str, list[int]] = {key: [0, 0, 0] for key, _ in choices}
    for g in agg.event_groups:
        c = counts.setdefault(g[attr], [0, 0, 0])
        c[0] += g["n"]
        c[1] += 0 if g["is_published"] else g["n"]
        c[2] += g["visits"] or 0
    labels = dict(choices)
    return [CountRow(key, str(labels.get(key, key)), c[0], c[1], c[2]) for key, c in counts.items()]


def _nk(agg: _Aggregates) -> list[NkRow]:
    T, V = Event.TargetGroup, Event.Venue
    rows = [
        ("total", _("Число мероприятий — всего"), lambda g: True),
        ("children", _("из них для детей до 14 лет включительно"), lambda g: g["target_group"] == T.CHILDREN),
        ("youth", _("из них для молодёжи 15–30 лет"), lambda g: g["target_group"] == T.YOUTH),
        ("off_site_remote", _("из них вне стационара и удалённо"), lambda g: g["venue"] in (V.OFF_SITE, V.REMOTE)),
        ("remote", _("из них удалённо"), lambda g: g["venue"] == V.REMOTE),
    ]
    result = []
    for key, label, test in rows:
        chosen = [g for g in agg.event_groups if test(g)]
        result.append(
            NkRow(
                key=key,
                label=str(label),
                events=sum(g["n"] for g in chosen),
                visits=sum(g["visits"] or 0 for g in chosen),
                drafts=sum(g["n"] for g in chosen if not g["is_published"]),
            )
        )
    return result


def _participants(agg: _Aggregates) -> ParticipantsSection:
    e = agg.entries
    return ParticipantsSection(
        event_participants=sum(g["visits"] or 0 for g in agg.event_groups),
        events_without_figure=sum(g["no_figure"] for g in agg.event_groups),
        telebridge_participants=sum(g["visits"] or 0 for g in agg.event_groups if g["kind"] == TELEBRIDGE),
        exhibition_visitors=agg.stops["visitors"],
        exhibition_excursions=agg.stops["excursions"],
        contest_entries=e["entries"],
        contest_entries_from_our_region=e["ours"],
        contest_winners=e["winners"],
        contest_laureates=e["laureates"],
        contest_finalists=e["finalists"],
    )


def _partners(agg: _Aggregates, libraries: dict[int, Library]) -> PartnersSection:
    active = sorted({lib for lib, _, _, _ in agg.links if lib in libraries and not libraries[lib].is_host})
    by_country: dict[str, int] = defaultdict(int)
    by_region: dict[tuple[str, str], int] = defaultdict(int)
    for lib_id in active:
        lib = libraries[lib_id]
        country = str(lib.get_country_display())
        by_country[country] += 1
        by_region[(country, lib.region)] += 1
    return PartnersSection(
        active=len(active),
        by_country=[PartnerCount(c, "", n) for c, n in sorted(by_country.items(), key=lambda i: (-i[1], i[0]))],
        by_region=[PartnerCount(c, r, n) for (c, r), n in sorted(by_region.items(), key=lambda i: (i[0][0], i[0][1]))],
        new=[
            NewPartner(
                name=libraries[pk].short_name,
                country=str(libraries[pk].get_country_display()),
                region=libraries[pk].region,
                first_signed_on=first,
            )
            for pk, first in agg.new_partner_ids
            if pk in libraries
        ],
    )


def _headline_values(agg: _Aggregates, agreements: AgreementsSection, matrix: PartnerMatrix,
                     participants: ParticipantsSection, partners: PartnersSection, nk: list[NkRow]) -> dict[str, int]:
    telebridges = matrix.totals[[c.key for c in matrix.columns].index(TELEBRIDGE)]
    events = sum(g["n"] for g in agg.event_groups)
    return {
        "agreements_in_force": agreements.in_force,
        "agreements_signed": agreements.signed,
        "agreements_ended": agreements.ended,
        "agreements_dormant": agreements.dormant,
        "activities": matrix.total,
        "events": events - telebridges,
        "telebridges": telebridges,
        "exhibitions": agg.exhibitions,
        "contests": agg.contests,
        "episodes": agg.episodes,
        "event_participants": participants.event_participants,
        "exhibition_visitors": participants.exhibition_visitors,
        "contest_entries": participants.contest_entries,
        "contest_awards": (
            participants.contest_winners + participants.contest_laureates + participants.contest_finalists
        ),
        "partners_active": partners.active,
        "partners_new": len(partners.new),
        "nk_events": nk[0].events,
        "nk_visits": nk[0].visits,
    }


def headline_labels() -> dict[str, str]:
    return {
        "agreements_in_force": _("Действующих соглашений на дату отчёта"),
        "agreements_signed": _("Подписано соглашений за год"),
        "agreements_ended": _("Расторгнуто или истекло соглашений"),
        "agreements_dormant": _("Бездействующих соглашений (нет совместной работы 12 месяцев)"),
        "activities": _("Совместных мероприятий и проектов — всего"),
        "events": _("Профессиональных и просветительских мероприятий (кроме телемостов)"),
        "telebridges": _("Телемостов"),
        "exhibitions": _("Выставок"),
        "contests": _("Конкурсов"),
        "episodes": _("Выпусков просветительских проектов"),
        "event_participants": _("Участников мероприятий"),
        "exhibition_visitors": _("Посетителей выставок"),
        "contest_entries": _("Работ участников конкурсов"),
        "contest_awards": _("Победителей, лауреатов и финалистов конкурсов"),
        "partners_active": _("Активных партнёров"),
        "partners_new": _("Новых партнёров"),
        "nk_events": _("Число мероприятий — всего (6-НК)"),
        "nk_visits": _("Число посещений мероприятий (6-НК)"),
    }


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


def _listings(period: _Period, libraries, agreements) -> dict[str, list]:
    tz = kemerovo()
    sites: dict[int, list[int]] = defaultdict(list)
    for event_id, lib_id in (
        Participation.objects.filter(_event_q(period, "event__")).order_by("event_id", "pk").values_list(
            "event_id", "library_id")
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
        .values_list("pk", "title", "starts_at", "kind", "format", "scope", "target_group", "venue",
                     "organiser_id", "agreement_id", "agreement__partner_id", "participants_count", "is_published")
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
            StopItem(libraries[venue].short_name if venue in libraries else "", starts_on, ends_on, visitors,
                     excursions)
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
    for contest_id, lib_id in Curator.objects.filter(_contest_q(period, "contest__")).order_by("pk").values_list(
        "contest_id", "library_id"
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
        .values_list("pk", "title", "organiser_id", "agreement_id", "agreement__partner_id", "scope",
                     "submissions_from", "submissions_until", "results_on", "n", "ours", "winners", "laureates",
                     "finalists", "is_published")
    ):
        (pk, title, org, agr, agr_partner, scope, s_from, s_until, results, n, ours, winners, laureates, finalists,
         published) = c
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
            .values_list("pk", "project__title", "number", "title", "tradition", "library_id", "agreement_id",
                         "agreement__partner_id", "published_on", "is_published")
        )
    ]
    return {
        DIRECTION_EVENTS: events,
        DIRECTION_TELEBRIDGES: telebridges,
        DIRECTION_EXHIBITIONS: exhibitions,
        DIRECTION_CONTESTS: contests,
        DIRECTION_PROJECTS: episodes,
    }


def _contest_first_day(s_from, s_until, results, period: _Period) -> datetime.date:
    """The first day of the year on which a contest is running (taking entries) or announces results."""
    opens, closes = s_from or s_until, s_until or s_from
    if opens is not None and opens <= period.last_day and closes >= period.first_day:
        return max(opens, period.first_day)
    if results is not None and period.first_day <= results <= period.last_day:
        return results
    return period.first_day


def _by_month(period: _Period, listings: dict[str, list]) -> list[MonthRow]:
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


# --------------------------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------------------------


def build_report(year: int) -> AnnualReport:
    """Compute the whole report for a calendar year (Kemerovo time). Raises ReportYearError for a bad year."""
    year = parse_year(year)
    today = timezone.localdate(timezone=kemerovo())
    period = _Period.for_year(year)

    libraries = {lib.pk: lib for lib in Library.objects.order_by()}
    host = next((lib for lib in libraries.values() if lib.is_host), None)
    agreement_list = list(
        Agreement.objects.exclude(status=Agreement.Status.DRAFT).select_related("partner").order_by("signed_on", "pk")
    )
    agreement_map = {a.pk: a for a in agreement_list}

    current = _aggregate(year, today)
    previous = _aggregate(year - 1, today)

    sections = {}
    for agg in (current, previous):
        agreements = _agreement_rows(agreement_list, agg)
        matrix = _matrix(agg, libraries)
        participants = _participants(agg)
        partners = _partners(agg, libraries)
        nk = _nk(agg)
        sections[agg.year] = (agreements, matrix, participants, partners, nk)

    agreements, matrix, participants, partners, nk = sections[year]
    values = _headline_values(current, *sections[year])
    before = _headline_values(previous, *sections[year - 1])
    labels = headline_labels()
    headline = [
        Figure(
            key, str(labels[key]), values[key], before[key], values[key] - before[key], _pct(values[key], before[key])
        )
        for key in values
    ]

    listings = _listings(period, libraries, agreement_map)
    titles = direction_titles()
    directions = []
    for key in (DIRECTION_EVENTS, DIRECTION_EXHIBITIONS, DIRECTION_TELEBRIDGES, DIRECTION_CONTESTS,
                DIRECTION_PROJECTS):
        items = listings[key]
        directions.append(
            DirectionSection(
                key=key,
                title=str(titles[key]),
                count=len(items),
                drafts=sum(1 for i in items if i.is_draft),
                items=items,
            )
        )

    return AnnualReport(
        year=year,
        period_start=period.start,
        period_end=period.end,
        as_of=current.as_of,
        generated_at=timezone.localtime(timezone.now(), kemerovo()),
        host=host.short_name if host else "",
        headline=headline,
        agreements=agreements,
        directions=directions,
        partner_matrix=matrix,
        events_by_kind=[r for r in _group_events(current, "kind", Event.Kind.choices) if r.count],
        events_by_format=_group_events(current, "format", Event.Format.choices),
        events_by_scope=_group_events(current, "scope", Scope.choices),
        by_month=_by_month(period, listings),
        participants=participants,
        partners=partners,
        nk=nk,
        drafts=matrix.total_drafts,
        years_with_data=years_with_data(),
    )
