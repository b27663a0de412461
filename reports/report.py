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

from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Library
from coopnet.vocabulary import Scope
from events.models import Event
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
    AgreementRow,
    AgreementsSection,
    AnnualReport,
    Column,
    ContestItem,
    CountRow,
    DirectionSection,
    EpisodeItem,
    EventItem,
    ExhibitionItem,
    Figure,
    MonthRow,
    NewPartner,
    NkRow,
    ParticipantsSection,
    PartnerCount,
    PartnerMatrix,
    PartnerRow,
    PartnersSection,
    StopItem,
)
from reports.queries import Aggregates, Period, aggregate, by_month, kemerovo, listings, years_with_data

__all__ = [
    "MAX_YEAR",
    "MIN_YEAR",
    "MONTHS",
    "CONTEST",
    "EPISODE",
    "EXHIBITION",
    "TELEBRIDGE",
    "DIRECTION_CONTESTS",
    "DIRECTION_EVENTS",
    "DIRECTION_EXHIBITIONS",
    "DIRECTION_PROJECTS",
    "DIRECTION_TELEBRIDGES",
    "AgreementRow",
    "AgreementsSection",
    "AnnualReport",
    "Column",
    "ContestItem",
    "CountRow",
    "DirectionSection",
    "EpisodeItem",
    "EventItem",
    "ExhibitionItem",
    "Figure",
    "MonthRow",
    "NewPartner",
    "NkRow",
    "ParticipantsSection",
    "PartnerCount",
    "PartnerMatrix",
    "PartnerRow",
    "PartnersSection",
    "StopItem",
    "ReportYearError",
    "build_report",
    "direction_titles",
    "headline_labels",
    "kemerovo",
    "parse_year",
    "years_with_data",
]


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


def _agreement_rows(agreements: list[Agreement], agg: Aggregates) -> AgreementsSection:
    period, as_of = agg.period, agg.as_of
    next_year = Period.for_year(agg.year + 1)
    in_force_ids = {a.pk for a in agreements if a.is_in_force_on(as_of)}
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


def _matrix(agg: Aggregates, libraries: dict[int, Library]) -> PartnerMatrix:
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


def _group_events(agg: Aggregates, attr: str, choices) -> list[CountRow]:
    counts: dict[str, list[int]] = {key: [0, 0, 0] for key, _ in choices}
    for g in agg.event_groups:
        c = counts.setdefault(g[attr], [0, 0, 0])
        c[0] += g["n"]
        c[1] += 0 if g["is_published"] else g["n"]
        c[2] += g["visits"] or 0
    labels = dict(choices)
    return [CountRow(key, str(labels.get(key, key)), c[0], c[1], c[2]) for key, c in counts.items()]


def _nk(agg: Aggregates) -> list[NkRow]:
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


def _participants(agg: Aggregates) -> ParticipantsSection:
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


def _partners(agg: Aggregates, libraries: dict[int, Library]) -> PartnersSection:
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


def _headline_values(
    agg: Aggregates,
    agreements: AgreementsSection,
    matrix: PartnerMatrix,
    participants: ParticipantsSection,
    partners: PartnersSection,
    nk: list[NkRow],
) -> dict[str, int]:
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
# The entry point
# --------------------------------------------------------------------------------------------


def build_report(year: int) -> AnnualReport:
    """Compute the whole report for a calendar year (Kemerovo time). Raises ReportYearError for a bad year."""
    year = parse_year(year)
    today = timezone.localdate(timezone=kemerovo())
    period = Period.for_year(year)

    libraries = {lib.pk: lib for lib in Library.objects.order_by()}
    host = next((lib for lib in libraries.values() if lib.is_host), None)
    agreement_list = list(
        Agreement.objects.exclude(status=Agreement.Status.DRAFT).select_related("partner").order_by("signed_on", "pk")
    )
    agreement_map = {a.pk: a for a in agreement_list}

    current = aggregate(year, today)
    previous = aggregate(year - 1, today)

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

    by_direction = listings(period, libraries, agreement_map)
    titles = direction_titles()
    directions = []
    for key in (DIRECTION_EVENTS, DIRECTION_EXHIBITIONS, DIRECTION_TELEBRIDGES, DIRECTION_CONTESTS, DIRECTION_PROJECTS):
        items = by_direction[key]
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
        by_month=by_month(period, by_direction),
        participants=participants,
        partners=partners,
        nk=nk,
        drafts=matrix.total_drafts,
        years_with_data=years_with_data(),
    )
