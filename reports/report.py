"""The annual cooperation report: build_report() computes every figure, every view renders from it.

`build_report(year)` returns a tree of plain dataclasses (reports/data.py; no querysets, nothing lazy). The rows
come from reports/queries.py in a fixed number of queries, whatever the number of rows; what each row means
(held, joint, credited to which agreements) is decided once in reports/activities.py; the figures are counted
here, for the year and, alike, for the year before it.

Counting rules (shown to the manager on the page as well, under «Как считается»):

- The year is a calendar year in the host's time zone (settings.TIME_ZONE, Kemerovo). An event counts in the
  year its start falls in, in Kemerovo time; an exhibition in every year one of its held stops is open in, its
  visitors in the year the stop opens; a contest when it takes entries or announces results in the year; an
  episode in the year it is published.
- Only held activities count as done. Planned ones still ahead are counted apart; a planned one whose date has
  passed "awaits confirmation": a gap in the data, named, never counted. Cancelled and postponed count nowhere.
- Participants of an event: each site's count plus online viewers tied to no site; a total typed alone counts
  only when nothing per site is known (events.models.total_attendance). Unknown stays unknown: «нет данных».
- A partner's own site figure (its event site's participants, its stop's visitors and excursions) is "confirmed by
  the partner" when the library's own staff entered it in the partner portal (`PartnerSide.figures_by_partner`).
  The report counts the partners' sites of the held joint work, those with figures, and the confirmed among them.
- Joint work: an activity in which at least one partner library took part. Cooperation figures count joint ones
  only; what the host held alone is its own work, reported apart.
- An activity serves the agreement of each partner that took part, in force on its day (agreements.models.
  credited_agreements, with the staff's overrides). A telebridge with two partners counts for both.
- The report is "as of" 31 December of the year, or today for the current year. A dormant agreement has been in
  force for 12 months or more on that date and no held activity served it in those 12 months; one in force for
  less is "new".
- 6-НК: held events the host organised or co-organised for readers, with the host's own visitors.
- Drafts (not published) count, and are reported separately as "из них неопубликованных".
"""

from __future__ import annotations

import datetime
import re
from collections import defaultdict
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Library, by_partner, credited_activities
from agreements.timeline import activity_day
from core.dates import MAX_YEAR, MIN_YEAR, add_years
from core.figures import known_sum
from core.models import Status
from core.vocabulary import Scope
from events.models import Event
from reports.activities import Activity, EventFact, Facts, KindFact, credit_all, facts_from
from reports.agreement_figures import agreements_section
from reports.batch import batch
from reports.data import (
    CONTEST,
    DIRECTIONS,
    EPISODE,
    EXHIBITION,
    MONTHS,
    TABLE_ORDER,
    TELEBRIDGE,
    AgreementRow,
    AgreementsSection,
    AnnualReport,
    Column,
    CountRow,
    Direction,
    DirectionSection,
    Figure,
    KindFigure,
    MonthRow,
    NewPartner,
    NkSection,
    OwnSection,
    ParticipantsSection,
    PartnerCount,
    PartnerMatrix,
    PartnerRow,
    PartnersSection,
    kind_directions,
)
from reports.listings import listings
from reports.nk import nk_section
from reports.queries import Period, kemerovo, load_rows, years_with_data
from reports.statuses import status_section


class ReportYearError(ValueError):
    """A year the report cannot be built for; the message is shown to the user as is."""


def parse_year(value) -> int:
    """Validate a year typed by a user (page, command line); raise ReportYearError with a Russian message."""
    text = str(value).strip() if value is not None else ""
    if not re.fullmatch(r"-?[0-9]{1,6}", text):
        raise ReportYearError(_("«%(value)s» — это не год. Укажите год числом, например 2020.") % {"value": text[:20]})
    year = int(text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ReportYearError(
            _("Отчёт можно построить за год с %(min)s по %(max)s, а указан %(year)s.")
            % {"min": MIN_YEAR, "max": MAX_YEAR, "year": year}
        )
    return year


def _as_of(year: int, today: datetime.date) -> datetime.date:
    return today if year == today.year else datetime.date(year, 12, 31)


@dataclass
class Year:
    """The activities held in one year, as counted: each with the partner libraries that took part in it."""

    year: int
    period: Period
    as_of: datetime.date
    window: Period  # the twelve months up to as_of
    today: datetime.date
    held: list[Activity]
    partners: dict[Activity, set[int]]  # empty: the host's own

    @classmethod
    def of(cls, year: int, facts: Facts, today: datetime.date) -> Year:
        period = Period.for_year(year)
        as_of = _as_of(year, today)
        window = Period.for_days(add_years(as_of, -1) + datetime.timedelta(days=1), as_of)
        held = [a for a in facts.all() if a.held_in(period, today)]
        return cls(year, period, as_of, window, today, held, {a: facts.partners(a, period) for a in held})

    @property
    def joint(self) -> list[Activity]:
        return [a for a in self.held if self.partners[a]]

    @property
    def own(self) -> list[Activity]:
        return [a for a in self.held if not self.partners[a]]


def _events(activities: list[Activity]) -> list[EventFact]:
    return [a for a in activities if isinstance(a, EventFact)]


def _pct(value: int | None, previous: int | None) -> float | None:
    if not previous or value is None:
        return None
    return round((value - previous) * 100 / previous, 1)


# --------------------------------------------------------------------------------------------
# Joint work: by partner and direction, by kind, by month; participants; partners
# --------------------------------------------------------------------------------------------


def _matrix_columns(joint: list[Activity]) -> list[Column]:
    """The event kinds that occur (telebridges aside), then a column for each direction that is not events, then the
    kinds' own directions that occur."""
    kind_labels = dict(Event.Kind.choices)
    present = {a.group for a in joint}
    columns = [Column(k, str(kind_labels[k])) for k in kind_labels if k in present and k != TELEBRIDGE]
    columns += [Column(d.group, str(d.column)) for d in TABLE_ORDER if d.group]
    return columns + [Column(d.group, str(d.column)) for d in kind_directions() if d.group in present]


def kind_directions_in(facts: Facts, p: Period) -> list[Direction]:
    """The kinds' own directions with an activity in the period (whatever its status): the report shows them."""
    present = {a.direction for a in facts.others if a.in_period(p)}
    return [d for d in kind_directions() if d.key in present]


def _matrix(y: Year, libraries: dict[int, Library]) -> PartnerMatrix:
    joint = y.joint
    columns = _matrix_columns(joint)
    index = {c.key: i for i, c in enumerate(columns)}
    totals = [0] * len(columns)
    per_lib: dict[int, list[int]] = {}
    drafts: dict[int, int] = defaultdict(int)
    for a in joint:
        totals[index[a.group]] += 1
        for lib_id in y.partners[a]:
            per_lib.setdefault(lib_id, [0] * len(columns))[index[a.group]] += 1
            drafts[lib_id] += not a.is_published
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
    return PartnerMatrix(
        columns=columns,
        rows=rows,
        totals=totals,
        total=len(joint),
        total_drafts=sum(not a.is_published for a in joint),
    )


def _count_rows(events: list[EventFact], key, choices, keep_empty=True) -> list[CountRow]:
    grouped: dict[str, list[EventFact]] = {k: [] for k, _label in choices}
    for e in events:
        grouped.setdefault(key(e), []).append(e)
    labels = dict(choices)
    return [
        CountRow(
            k,
            str(labels.get(k, k)),
            len(chosen),
            sum(not e.is_published for e in chosen),
            known_sum(e.row.attendance for e in chosen),
            sum(e.row.attendance is None for e in chosen),
        )
        for k, chosen in grouped.items()
        if keep_empty or chosen
    ]


def _by_month(y: Year, extra: list[Direction]) -> list[MonthRow]:
    """Joint work by month; exhibitions and contests run for weeks: each in the month of its first day in the year."""
    names = {d.group: d.key for d in (*TABLE_ORDER, *extra) if d.group}
    counts = {m: defaultdict(int) for m in range(1, 13)}
    for a in y.joint:
        counts[a.first_day_in(y.period).month][names.get(a.group, "events")] += 1
    return [
        MonthRow(
            month=m,
            label=str(MONTHS[m - 1]),
            events=counts[m]["events"],
            telebridges=counts[m]["telebridges"],
            exhibitions=counts[m]["exhibitions"],
            contests=counts[m]["contests"],
            episodes=counts[m]["projects"],
            total=sum(counts[m].values()),
            others=[counts[m][d.key] for d in extra],
        )
        for m in range(1, 13)
    ]


def _partner_sites(events: list[EventFact], stops: list, host_id: int | None) -> tuple[int, int, int]:
    """The partners' own sites of the joint work (event sites, exhibition stops at their venues): how many, how many
    with figures, how many of those the partner entered itself."""
    sites = [
        (s.participants_count is not None, s.confirmed) for e in events for s in e.sites if s.library_id != host_id
    ]
    sites += [(s.visitors is not None or s.excursions is not None, s.confirmed) for s in stops if s.venue_id != host_id]
    known = [confirmed for has_figure, confirmed in sites if has_figure]
    return len(sites), len(known), sum(known)


def _kind_figures(y: Year, extra: list[Direction]) -> list[KindFigure]:
    """The participants of each kind's own direction in the joint work: the known ones summed, unknown never 0."""
    figures = []
    for d in extra:
        chosen = [a for a in y.joint if isinstance(a, KindFact) and a.direction == d.key]
        counts = [a.row.participants for a in chosen]
        label = d.figure or str(d.short)
        figures.append(KindFigure(d.key, label, known_sum(counts), sum(n is None for n in counts)))
    return figures


def _participants(y: Year, host_id: int | None, extra: list[Direction] = ()) -> ParticipantsSection:
    joint = y.joint
    events = _events(joint)
    stops = [s for a in joint if a.group == EXHIBITION for s in a.held_stops_in(y.period) if y.period.has(s.starts_on)]
    contests = [a.row for a in joint if a.group == CONTEST]
    partner_sites, partner_figures, confirmed = _partner_sites(events, stops, host_id)
    return ParticipantsSection(
        event_participants=known_sum(e.row.attendance for e in events),
        events_with_figure=sum(e.row.attendance is not None for e in events),
        events_without_figure=sum(e.row.attendance is None for e in events),
        telebridge_participants=known_sum(e.row.attendance for e in events if e.group == TELEBRIDGE),
        exhibition_visitors=known_sum(s.visitors for s in stops),
        exhibition_excursions=known_sum(s.excursions for s in stops),
        stops_without_visitors=sum(s.visitors is None for s in stops),
        contest_entries=sum(c.entries for c in contests),
        contest_entries_from_our_region=sum(c.from_our_region for c in contests),
        contest_winners=sum(c.winners for c in contests),
        contest_laureates=sum(c.laureates for c in contests),
        contest_finalists=sum(c.finalists for c in contests),
        contest_prize_winners=sum(c.prize_winners for c in contests),
        contest_diplomas=sum(c.diplomas for c in contests),
        partner_sites=partner_sites,
        partner_figures=partner_figures,
        partner_figures_confirmed=confirmed,
        others=_kind_figures(y, list(extra)),
    )


def _partners(y: Year, libraries: dict[int, Library], agreements: list[Agreement]) -> PartnersSection:
    active = sorted({lib_id for a in y.joint for lib_id in y.partners[a]})
    by_country: dict[str, int] = defaultdict(int)
    by_region: dict[tuple[str, str], int] = defaultdict(int)
    for lib_id in active:
        lib = libraries[lib_id]
        country = str(lib.get_country_display())
        by_country[country] += 1
        by_region[(country, lib.region)] += 1
    first_signed: dict[int, datetime.date] = {}
    for a in agreements:  # signed first first
        first_signed.setdefault(a.partner_id, a.signed_on)
    new = sorted(
        ((day, libraries[lib_id]) for lib_id, day in first_signed.items() if y.period.has(day)),
        key=lambda pair: (pair[0], pair[1].short_name),
    )
    return PartnersSection(
        active=len(active),
        by_country=[PartnerCount(c, "", n) for c, n in sorted(by_country.items(), key=lambda i: (-i[1], i[0]))],
        by_region=[PartnerCount(c, r, n) for (c, r), n in sorted(by_region.items(), key=lambda i: (i[0][0], i[0][1]))],
        new=[NewPartner(lib.short_name, str(lib.get_country_display()), lib.region, day) for day, lib in new],
    )


def _own(y: Year, extra: list[Direction] = ()) -> OwnSection:
    own = y.own
    rows = []
    for d in (*TABLE_ORDER, *extra):
        chosen = [a for a in own if a.direction == d.key]
        events = _events(chosen)
        rows.append(
            CountRow(
                d.key,
                str(d.short),
                len(chosen),
                sum(not a.is_published for a in chosen),
                known_sum(e.row.attendance for e in events) if events else None,
                sum(e.row.attendance is None for e in events),
            )
        )
    events = _events(own)
    return OwnSection(
        rows=rows,
        total=len(own),
        event_participants=known_sum(e.row.attendance for e in events),
        events_without_figure=sum(e.row.attendance is None for e in events),
    )


# --------------------------------------------------------------------------------------------
# The headline, for the year and the year before
# --------------------------------------------------------------------------------------------


@dataclass
class _Sections:
    """The sections computed alike for the report's year and the year before (for the comparison)."""

    agreements: AgreementsSection
    matrix: PartnerMatrix
    participants: ParticipantsSection
    partners: PartnersSection
    nk: NkSection
    own: OwnSection

    @classmethod
    def of(
        cls, y: Year, facts: Facts, agreements: list[Agreement], libraries: dict[int, Library], extra: list[Direction]
    ) -> _Sections:
        return cls(
            agreements_section(agreements, facts, y),
            _matrix(y, libraries),
            _participants(y, facts.host_id, extra),
            _partners(y, libraries, agreements),
            nk_section(_events(y.held), facts.host_id),
            _own(y, extra),
        )

    def values(self) -> dict[str, int | None]:
        m, p, a = self.matrix, self.participants, self.agreements
        totals = dict(zip([c.key for c in m.columns], m.totals, strict=True))
        not_events = (EXHIBITION, CONTEST, EPISODE, *(d.group for d in kind_directions()))
        events = m.total - sum(totals.get(g, 0) for g in not_events)
        telebridges = totals.get(TELEBRIDGE, 0)
        nk = self.nk.row("total")
        return {
            "agreements_in_force": a.in_force,
            "agreements_signed": a.signed,
            "agreements_ended": a.ended,
            "agreements_dormant": a.dormant,
            "agreements_new": a.new,
            "activities": m.total,
            "events": events - telebridges,
            "telebridges": telebridges,
            "exhibitions": totals.get(EXHIBITION, 0),
            "contests": totals.get(CONTEST, 0),
            "episodes": totals.get(EPISODE, 0),
            "own_activities": self.own.total,
            "event_participants": p.event_participants,
            "exhibition_visitors": p.exhibition_visitors,
            "contest_entries": p.contest_entries,
            "contest_awards": p.contest_winners
            + p.contest_prize_winners
            + p.contest_laureates
            + p.contest_diplomas
            + p.contest_finalists,
            "partners_active": self.partners.active,
            "partners_new": len(self.partners.new),
            "nk_events": nk.events,
            "nk_visits": nk.visits,
        }


def headline_labels() -> dict[str, str]:
    return {
        "agreements_in_force": _("Действующих соглашений на дату отчёта"),
        "agreements_signed": _("Подписано соглашений за год"),
        "agreements_ended": _("Расторгнуто или истекло соглашений"),
        "agreements_dormant": _(
            "Бездействующих соглашений (действуют не меньше года, за 12 месяцев ничего не проведено)"
        ),
        "agreements_new": _("Новых соглашений (действуют меньше года)"),
        "activities": _("Совместных мероприятий и проектов — проведено"),
        "events": _("Профессиональных и просветительских мероприятий (кроме телемостов)"),
        "telebridges": _("Телемостов"),
        "exhibitions": _("Выставок"),
        "contests": _("Конкурсов"),
        "episodes": _("Выпусков просветительских проектов, подготовленных с партнёрами"),
        "own_activities": _("Собственных мероприятий и выпусков библиотеки (без партнёров)"),
        "event_participants": _("Участников совместных мероприятий"),
        "exhibition_visitors": _("Посетителей совместных выставок"),
        "contest_entries": _("Работ участников совместных конкурсов"),
        "contest_awards": _("Победителей, призёров, лауреатов, дипломантов и финалистов конкурсов"),
        "partners_active": _("Активных партнёров"),
        "partners_new": _("Новых партнёров"),
        "nk_events": _("Число мероприятий — всего (6-НК)"),
        "nk_visits": _("Число посещений мероприятий (6-НК)"),
    }


def _headline(now: _Sections, before: _Sections) -> list[Figure]:
    values, earlier, labels = now.values(), before.values(), headline_labels()
    figures = []
    for key, value in values.items():
        previous = earlier[key]
        change = None if value is None or previous is None else value - previous
        figures.append(Figure(key, str(labels[key]), value, previous, change, _pct(value, previous)))
    return figures


# --------------------------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------------------------


def _directions(y: Year, by_direction: dict[str, list], extra: list[Direction]) -> list[DirectionSection]:
    sections = []
    for d in (*DIRECTIONS, *extra):
        held = [a for a in y.held if a.direction == d.key]
        sections.append(
            DirectionSection(
                key=d.key,
                title=str(d.title),
                count=len(held),
                drafts=sum(not a.is_published for a in held),
                items=by_direction[d.key],
                joint=sum(1 for a in held if y.partners[a]),
            )
        )
    return sections


def load_facts(year: int, today: datetime.date):
    """Libraries, agreements and every activity of the year, the year before and the twelve months up to the report
    date, with the agreements each activity serves (the partner's report, reports/partner.py, reads the same)."""
    libraries = {lib.pk: lib for lib in Library.objects.order_by()}
    host = next((lib for lib in libraries.values() if lib.is_host), None)
    agreements = list(
        Agreement.objects.exclude(status=Agreement.Status.DRAFT).select_related("partner").order_by("signed_on", "pk")
    )
    horizon = Period.for_days(datetime.date(year - 1, 1, 1), datetime.date(year, 12, 31))
    rows = load_rows(horizon)
    facts = facts_from(rows, host.pk if host else None, today)
    credit_all(facts.all(), rows, by_partner(agreements), facts.host_id)
    return libraries, host, agreements, facts


@batch
def build_report(year: int) -> AnnualReport:
    """Compute the whole report for a calendar year (Kemerovo time). Raises ReportYearError for a bad year."""
    return _build(parse_year(year))


def _build(year: int) -> AnnualReport:
    today = timezone.localdate(timezone=kemerovo())
    libraries, host, agreements, facts = load_facts(year, today)
    current, previous = Year.of(year, facts, today), Year.of(year - 1, facts, today)
    extra = kind_directions_in(facts, current.period)
    now = _Sections.of(current, facts, agreements, libraries, extra)
    before = _Sections.of(previous, facts, agreements, libraries, extra)
    by_direction = listings(current.period, libraries, {a.pk: a for a in agreements}, facts, today)
    joint_events = _events(current.joint)
    last_held_before(now.agreements, agreements)
    return AnnualReport(
        year=year,
        period_start=current.period.start,
        period_end=current.period.end,
        as_of=current.as_of,
        generated_at=timezone.localtime(timezone.now(), kemerovo()),
        host=host.short_name if host else "",
        host_full_name=host.name if host else "",
        headline=_headline(now, before),
        agreements=now.agreements,
        directions=_directions(current, by_direction, extra),
        partner_matrix=now.matrix,
        events_by_kind=_count_rows(joint_events, lambda e: e.row.kind, Event.Kind.choices, keep_empty=False),
        events_by_format=_count_rows(joint_events, lambda e: e.row.format, Event.Format.choices),
        events_by_scope=_count_rows(joint_events, lambda e: e.row.scope, Scope.choices),
        by_month=_by_month(current, extra),
        participants=now.participants,
        partners=now.partners,
        nk=now.nk,
        statuses=status_section(facts, current.period, today, libraries, extra),
        own=now.own,
        drafts=now.matrix.total_drafts + sum(r.drafts for r in now.own.rows),
        years_with_data=years_with_data(),
        table_order=[*TABLE_ORDER, *extra],
    )


@batch
def dormant_agreements(today: datetime.date) -> list[AgreementRow]:
    """The agreements dormant on a day, as the report counts them (reports/agreement_figures.py) with `today` as the
    report date: in force 12 months or more, and no held activity served them in the 12 months up to it."""
    _libraries, _host, agreements, facts = load_facts(today.year, today)
    section = agreements_section(agreements, facts, Year.of(today.year, facts, today))
    last_held_before(section, agreements)
    return [row for row in section.rows if row.dormant]


def last_held_before(section: AgreementsSection, agreements: list[Agreement]) -> None:
    """Give a dormant agreement with nothing held in the years the report loads the day of its last held activity,
    however long ago: the agreements' own credit path (`credited_activities`) over the rows held up to the report
    date, asked only when such an agreement exists (a fixed number of queries then). None stays: nothing ever."""
    wanted = {row.id for row in section.rows if row.dormant and row.last_activity_on is None}
    if not wanted:
        return
    chosen = [a for a in agreements if a.pk in wanted]
    as_of = section.as_of
    served = credited_activities(chosen, within=lambda model: model.objects.in_status_on(Status.HELD, as_of))
    partner_of = {a.pk: a.partner_id for a in chosen}
    for row in section.rows:
        if row.id in wanted:
            days = [activity_day(activity, partner_of[row.id]) for activity in served[row.id]]
            row.last_activity_on = max((day for day in days if day is not None and day <= as_of), default=None)
