"""The annual cooperation report: build_report() computes every figure, every view renders from it.

`build_report(year)` returns a tree of plain dataclasses (reports/data.py; no querysets, nothing
lazy); the SQL behind it is in reports/queries.py. The figures
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

import re
from collections import defaultdict
from collections.abc import Callable
from operator import attrgetter
from typing import NamedTuple

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Library
from coopnet.dates import MAX_YEAR, MIN_YEAR
from coopnet.vocabulary import Scope
from events.models import Event
from reports.data import (
    CONTEST,
    DIRECTION_CONTESTS,
    DIRECTION_EXHIBITIONS,
    DIRECTIONS,
    EPISODE,
    EXHIBITION,
    TABLE_ORDER,
    TELEBRIDGE,
    AgreementRow,
    AgreementsSection,
    AnnualReport,
    Column,
    CountRow,
    DirectionSection,
    Figure,
    NewPartner,
    NkRow,
    ParticipantsSection,
    PartnerCount,
    PartnerMatrix,
    PartnerRow,
    PartnersSection,
)
from reports.listings import listings
from reports.queries import (
    Aggregates,
    AgreementActivity,
    EventGroup,
    Period,
    aggregate,
    by_month,
    kemerovo,
    years_with_data,
)


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


def _pct(value: int, previous: int) -> float | None:
    if not previous:
        return None
    return round((value - previous) * 100 / previous, 1)


# --------------------------------------------------------------------------------------------
# Turning aggregates into sections
# --------------------------------------------------------------------------------------------


class _Standing(NamedTuple):
    """Where an agreement stands in the report's year."""

    in_force: bool  # on the report date
    signed: bool  # in the year
    terminated: bool  # in the year
    expired: bool  # in the year
    ended_before: bool  # terminated or expired before the year

    def listed(self, activity: AgreementActivity) -> bool:
        """An agreement that ended before the year and did nothing in it is left out."""
        took_part = self.in_force or self.signed or self.terminated or self.expired or activity.total > 0
        return took_part or not self.ended_before


def _standing(a: Agreement, period: Period, in_force: bool) -> _Standing:
    terminated_on = a.terminated_on if a.status == Agreement.Status.TERMINATED else None
    terminated = terminated_on is not None and period.first_day <= terminated_on <= period.last_day
    terminated_before = terminated_on is not None and terminated_on < period.first_day
    expires = None if a.auto_prolongation else a.valid_until
    expired = (
        expires is not None
        and period.first_day <= expires <= period.last_day
        and not terminated_before
        and not (terminated and terminated_on <= expires)
    )
    expired_before = expires is not None and expires < period.first_day
    return _Standing(
        in_force=in_force,
        signed=period.first_day <= a.signed_on <= period.last_day,
        terminated=terminated,
        expired=expired,
        ended_before=terminated_before or expired_before,
    )


def _expiring_next_year(a: Agreement, agg: Aggregates, in_force: bool) -> bool:
    if not in_force or a.auto_prolongation:
        return False
    end = a.current_end(agg.as_of)
    next_year = Period.for_year(agg.year + 1)
    return end is not None and next_year.first_day <= end <= next_year.last_day


def _agreement_row(a: Agreement, agg: Aggregates, standing: _Standing, activity: AgreementActivity) -> AgreementRow:
    state = a.state_on(agg.as_of)
    return AgreementRow(
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
        state=state,
        state_label=str(Agreement.State(state).label),
        in_force=standing.in_force,
        signed_in_year=standing.signed,
        terminated_in_year=standing.terminated,
        expired_in_year=standing.expired,
        expiring_next_year=_expiring_next_year(a, agg, standing.in_force),
        events=activity.events,
        exhibitions=activity.exhibitions,
        contests=activity.contests,
        episodes=activity.episodes,
        activities=activity.total,
        drafts=activity.drafts,
        activities_last_12_months=activity.window,
        last_activity_on=activity.last,
        dormant=standing.in_force and activity.window == 0,
    )


def _agreement_rows(agreements: list[Agreement], agg: Aggregates) -> AgreementsSection:
    rows = []
    for a in agreements:
        if a.signed_on > agg.period.last_day:
            continue
        standing = _standing(a, agg.period, a.is_in_force_on(agg.as_of))
        activity = agg.agreement_activity.get(a.pk) or AgreementActivity()
        if standing.listed(activity):
            rows.append(_agreement_row(a, agg, standing, activity))
    rows.sort(key=lambda r: (not r.in_force, r.partner, r.signed_on))
    return AgreementsSection(
        as_of=agg.as_of,
        rows=rows,
        in_force=sum(r.in_force for r in rows),
        signed=sum(r.signed_in_year for r in rows),
        terminated=sum(r.terminated_in_year for r in rows),
        expired=sum(r.expired_in_year for r in rows),
        expiring_next_year=sum(r.expiring_next_year for r in rows),
        dormant=sum(r.dormant for r in rows),
        no_end_date=sum(r.in_force and r.valid_until is None for r in rows),
    )


def _matrix_columns(agg: Aggregates) -> list[Column]:
    """The event kinds that occur (telebridges aside), then a column for each direction that is not events."""
    kind_labels = dict(Event.Kind.choices)
    present = {g.kind for g in agg.event_groups} | {link.group for link in agg.links if link.group in kind_labels}
    columns = [Column(k, str(kind_labels[k])) for k in kind_labels if k in present and k != TELEBRIDGE]
    return columns + [Column(d.group, str(d.column)) for d in TABLE_ORDER if d.group]


def _matrix_rows(agg: Aggregates, libraries: dict[int, Library], columns: list[Column]) -> list[PartnerRow]:
    index = {c.key: i for i, c in enumerate(columns)}
    per_lib: dict[int, list[int]] = {}
    drafts: dict[int, int] = defaultdict(int)
    for link in agg.links:
        lib = libraries.get(link.library_id)
        if lib is None or lib.is_host or link.group not in index:
            continue
        per_lib.setdefault(link.library_id, [0] * len(columns))[index[link.group]] += link.activities
        if not link.is_published:
            drafts[link.library_id] += link.activities
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
    return rows


def _matrix(agg: Aggregates, libraries: dict[int, Library]) -> PartnerMatrix:
    columns = _matrix_columns(agg)
    index = {c.key: i for i, c in enumerate(columns)}
    totals = [0] * len(columns)
    total_drafts = 0
    for g in agg.event_groups:
        totals[index[g.kind]] += g.n
        if not g.is_published:
            total_drafts += g.n
    for group, total in ((EXHIBITION, agg.exhibitions), (CONTEST, agg.contests), (EPISODE, agg.episodes)):
        totals[index[group]] = total.count
        total_drafts += total.drafts
    return PartnerMatrix(
        columns=columns,
        rows=_matrix_rows(agg, libraries, columns),
        totals=totals,
        total=sum(totals),
        total_drafts=total_drafts,
    )


def _group_events(agg: Aggregates, key: Callable[[EventGroup], str], choices) -> list[CountRow]:
    counts: dict[str, list[int]] = {k: [0, 0, 0] for k, _ in choices}
    for g in agg.event_groups:
        c = counts.setdefault(key(g), [0, 0, 0])
        c[0] += g.n
        c[1] += 0 if g.is_published else g.n
        c[2] += g.visits
    labels = dict(choices)
    return [CountRow(k, str(labels.get(k, k)), c[0], c[1], c[2]) for k, c in counts.items()]


def _nk(agg: Aggregates) -> list[NkRow]:
    T, V = Event.TargetGroup, Event.Venue
    rows = [
        ("total", _("Число мероприятий — всего"), lambda g: True),
        ("children", _("из них для детей до 14 лет включительно"), lambda g: g.target_group == T.CHILDREN),
        ("youth", _("из них для молодёжи 15–30 лет"), lambda g: g.target_group == T.YOUTH),
        ("off_site_remote", _("из них вне стационара и удалённо"), lambda g: g.venue in (V.OFF_SITE, V.REMOTE)),
        ("remote", _("из них удалённо"), lambda g: g.venue == V.REMOTE),
    ]
    result = []
    for key, label, test in rows:
        chosen = [g for g in agg.event_groups if test(g)]
        result.append(
            NkRow(
                key=key,
                label=str(label),
                events=sum(g.n for g in chosen),
                visits=sum(g.visits for g in chosen),
                drafts=sum(g.n for g in chosen if not g.is_published),
            )
        )
    return result


def _participants(agg: Aggregates) -> ParticipantsSection:
    e = agg.entries
    return ParticipantsSection(
        event_participants=sum(g.visits for g in agg.event_groups),
        events_without_figure=sum(g.no_figure for g in agg.event_groups),
        telebridge_participants=sum(g.visits for g in agg.event_groups if g.kind == TELEBRIDGE),
        exhibition_visitors=agg.stops.visitors,
        exhibition_excursions=agg.stops.excursions,
        contest_entries=e.entries,
        contest_entries_from_our_region=e.from_our_region,
        contest_winners=e.winners,
        contest_laureates=e.laureates,
        contest_finalists=e.finalists,
    )


def _partners(agg: Aggregates, libraries: dict[int, Library]) -> PartnersSection:
    partner_ids = {lib.pk for lib in libraries.values() if not lib.is_host}
    active = sorted({link.library_id for link in agg.links if link.library_id in partner_ids})
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
                name=libraries[first.library_id].short_name,
                country=str(libraries[first.library_id].get_country_display()),
                region=libraries[first.library_id].region,
                first_signed_on=first.signed_on,
            )
            for first in agg.new_partners
            if first.library_id in libraries
        ],
    )


def _headline_values(
    agg: Aggregates,
    agreements: AgreementsSection,
    matrix: PartnerMatrix,
    participants: ParticipantsSection,
    partners: PartnersSection,
    nk: list[NkRow],
) -> dict[str, int]:
    telebridges = matrix.totals[[c.key for c in matrix.columns].index(TELEBRIDGE)]
    events = sum(g.n for g in agg.event_groups)
    return {
        "agreements_in_force": agreements.in_force,
        "agreements_signed": agreements.signed,
        "agreements_ended": agreements.ended,
        "agreements_dormant": agreements.dormant,
        "activities": matrix.total,
        "events": events - telebridges,
        "telebridges": telebridges,
        "exhibitions": agg.exhibitions.count,
        "contests": agg.contests.count,
        "episodes": agg.episodes.count,
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
# The entry point
# --------------------------------------------------------------------------------------------


class _Sections(NamedTuple):
    """The sections computed alike for the report's year and the year before (for the comparison)."""

    agreements: AgreementsSection
    matrix: PartnerMatrix
    participants: ParticipantsSection
    partners: PartnersSection
    nk: list[NkRow]

    @classmethod
    def of(cls, agg: Aggregates, agreements: list[Agreement], libraries: dict[int, Library]) -> _Sections:
        return cls(
            _agreement_rows(agreements, agg),
            _matrix(agg, libraries),
            _participants(agg),
            _partners(agg, libraries),
            _nk(agg),
        )


def _headline(current: Aggregates, now: _Sections, previous: Aggregates, before: _Sections) -> list[Figure]:
    values = _headline_values(current, *now)
    earlier = _headline_values(previous, *before)
    labels = headline_labels()
    return [
        Figure(key, str(labels[key]), value, earlier[key], value - earlier[key], _pct(value, earlier[key]))
        for key, value in values.items()
    ]


def _directions(by_direction: dict[str, list]) -> list[DirectionSection]:
    return [
        DirectionSection(
            key=d.key,
            title=str(d.title),
            count=len(by_direction[d.key]),
            drafts=sum(1 for i in by_direction[d.key] if i.is_draft),
            items=by_direction[d.key],
        )
        for d in DIRECTIONS
    ]


def build_report(year: int) -> AnnualReport:
    """Compute the whole report for a calendar year (Kemerovo time). Raises ReportYearError for a bad year."""
    year = parse_year(year)
    today = timezone.localdate(timezone=kemerovo())
    period = Period.for_year(year)

    libraries = {lib.pk: lib for lib in Library.objects.order_by()}
    host = next((lib for lib in libraries.values() if lib.is_host), None)
    agreements = list(
        Agreement.objects.exclude(status=Agreement.Status.DRAFT).select_related("partner").order_by("signed_on", "pk")
    )
    current, previous = aggregate(year, today), aggregate(year - 1, today)
    now = _Sections.of(current, agreements, libraries)
    before = _Sections.of(previous, agreements, libraries)
    by_direction = listings(period, libraries, {a.pk: a for a in agreements})

    return AnnualReport(
        year=year,
        period_start=period.start,
        period_end=period.end,
        as_of=current.as_of,
        generated_at=timezone.localtime(timezone.now(), kemerovo()),
        host=host.short_name if host else "",
        headline=_headline(current, now, previous, before),
        agreements=now.agreements,
        directions=_directions(by_direction),
        partner_matrix=now.matrix,
        events_by_kind=[r for r in _group_events(current, attrgetter("kind"), Event.Kind.choices) if r.count],
        events_by_format=_group_events(current, attrgetter("format"), Event.Format.choices),
        events_by_scope=_group_events(current, attrgetter("scope"), Scope.choices),
        by_month=by_month(period, by_direction[DIRECTION_EXHIBITIONS], by_direction[DIRECTION_CONTESTS]),
        participants=now.participants,
        partners=now.partners,
        nk=now.nk,
        drafts=now.matrix.total_drafts,
        years_with_data=years_with_data(),
    )
