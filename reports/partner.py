"""A partner library's own report: "what we did together in YEAR", the annual report's figures seen from its side.

`build_partner_report(library, year)` returns a tree of plain dataclasses (below; nothing lazy, no querysets) that
the partner portal's page (templates/reports/_partner_report.html) and files (reports/exports/partner.py) render.
It reads what the annual report reads (`reports.report.load_facts`: the rows of reports/queries.py, a fixed number
of queries) and applies the same rules, each where it lives:

- **Where an activity stands**: `status_in` of reports/activities.py (core.models.status_of). Only held counts as
  done; planned, awaiting confirmation (a planned one whose date has passed), cancelled and postponed are listed
  with their status and counted nowhere. Where the library is only an exhibition's venue, its own stop's status.
- **Taking part**: the annual report's joint rule (`partners_in`): an event's organiser or a library with a row in
  it (co-organiser, site, participant), an exhibition's provider or the venue of a held stop, a contest's organiser
  or curator, the library that prepared an episode. The year: as the annual report counts it.
- **Agreements**: the library's agreements as the annual report lists them (reports/agreement_figures.py), with the
  term running on the report date (`Agreement.terms`) and the amendments signed in the year; each activity names
  the library's own agreements it served (the credit rule, `credit_in`).
- **Figures**: the library's own only. Participants at its own sites (its row in an event), its stops' visitors and
  excursions (counted in the year a stop opens), each marked when its own staff entered it in the portal
  (`figures_by_partner`); an event's whole attendance (`total_attendance`) and a contest's entries only where the
  library organised it. Unknown stays unknown (None, «нет данных»), never 0.

Never in it: other partners' figures or contacts, and the host's staff notes (the rows carry neither).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from agreements.models import Agreement, Amendment, Library
from core.figures import known_sum
from core.kinds import kind_by_key
from core.models import Status, status_label
from events.models import Event, Participation
from exhibitions.models import furthest_status
from reports.activities import (
    AWAITING,
    HELD,
    PLANNED,
    Activity,
    ContestFact,
    EpisodeFact,
    EventFact,
    ExhibitionFact,
    KindFact,
    stop_status,
)
from reports.agreement_figures import agreements_section
from reports.batch import batch
from reports.data import (
    CONTEST,
    EPISODE,
    EXHIBITION,
    TABLE_ORDER,
    AgreementRow,
    direction,
    kind_directions,
)
from reports.queries import kemerovo
from reports.report import Year, load_facts, parse_year

# The library's part in an activity. An event's roles are Participation.Role's own keys.
ORGANISER = Participation.Role.ORGANISER.value
CO_ORGANISER = Participation.Role.CO_ORGANISER.value
SITE = Participation.Role.SITE.value
PARTICIPANT = Participation.Role.PARTICIPANT.value
PROVIDER = "provider"
VENUE = "venue"
CURATOR = "curator"
MAKER = "maker"

ROLES = {
    ORGANISER: gettext_lazy("организатор"),
    CO_ORGANISER: gettext_lazy("соорганизатор"),
    SITE: gettext_lazy("площадка"),
    PARTICIPANT: gettext_lazy("участник"),
    PROVIDER: gettext_lazy("предоставила выставку"),
    VENUE: gettext_lazy("площадка выставки"),
    CURATOR: gettext_lazy("куратор конкурса"),
    MAKER: gettext_lazy("подготовила выпуск"),
}

# What the library's own figure is of.
SITE_FIGURE = "site"  # its row in an event: participants at its site
STOP_FIGURE = "stop"  # its exhibition stop: visitors and excursions

RULES = [
    gettext_lazy(
        "Год — календарный, по времени Кемерова. Мероприятие относится к году своего начала, выставка — к годам, "
        "когда открыта её площадка, конкурс — к году приёма работ или подведения итогов, выпуск — к году публикации."
    ),
    gettext_lazy(
        "Учтено только проведённое: у дела статус «проведено». Запланированное, ждущее подтверждения (дата прошла, "
        "а статус всё ещё «запланировано»), отменённое и перенесённое показано со своим статусом и не учтено."
    ),
    gettext_lazy(
        "Цифры — только собственные: участники на площадке библиотеки, посетители и экскурсии выставки у неё "
        "(в году открытия площадки). Общее число участников — только у мероприятий, которые библиотека организовала."
    ),
    gettext_lazy("Дело засчитывается соглашению библиотеки, действующему в день дела."),
    gettext_lazy(
        "«Подтверждено библиотекой» — цифру внесли в портале партнёров сотрудники самой библиотеки. "
        "Если цифра неизвестна, написано «нет данных», а не ноль."
    ),
]

GROUP_LABELS = {
    EXHIBITION: gettext_lazy("выставка"),
    CONTEST: gettext_lazy("конкурс"),
    EPISODE: gettext_lazy("выпуск просветительского проекта"),
}


def _kind_noun(key: str) -> str:
    """A registered kind's noun (`ActivityKind.count_forms`): «читательский марафон»."""
    kind = kind_by_key(key)
    return kind.count_forms[0] if kind is not None else key


# --------------------------------------------------------------------------------------------
# The tree
# --------------------------------------------------------------------------------------------


@dataclass
class PartnerAmendment:
    number: str
    signed_on: datetime.date
    summary: str  # what it changes
    new_valid_until: datetime.date | None


@dataclass
class PartnerAgreement:
    id: int
    label: str  # "<library> № 12 от 01.02.2020"
    number: str
    title: str
    signed_on: datetime.date
    valid_from: datetime.date | None
    valid_until: datetime.date | None  # None: no end date
    auto_prolongation: bool
    terminated_on: datetime.date | None
    state: str  # Agreement.State on the report date
    state_label: str
    in_force: bool  # on the report date
    term_start: datetime.date | None  # the term running on the report date (or the last one before it)
    term_end: datetime.date | None  # None: open-ended (or no term)
    term_label: str  # «первоначальный срок», «пролонгация», «срок изменён дополнительным соглашением»
    signed_in_year: bool
    terminated_in_year: bool
    expired_in_year: bool
    activities: int  # held joint activities of the year that served it
    amendments: list[PartnerAmendment] = field(default_factory=list)  # signed in the year


@dataclass
class OwnFigure:
    """One of the library's own sites in an activity, with its figures (None: not known)."""

    kind: str  # SITE_FIGURE or STOP_FIGURE
    starts_on: datetime.date
    ends_on: datetime.date | None  # a stop's last day
    participants: int | None  # a site's
    visitors: int | None  # a stop's
    excursions: int | None
    confirmed: bool  # entered by the library's own staff in the partner portal
    status: str
    status_label: str
    counted: bool  # counts in the year's totals: held (a stop: held and opened in the year)

    @property
    def has_figures(self) -> bool:
        return self.participants is not None or self.visitors is not None or self.excursions is not None


@dataclass
class PartnerActivity:
    id: int
    group: str  # an event kind, or EXHIBITION, CONTEST, EPISODE
    kind_label: str
    direction: str
    direction_label: str
    title: str
    first_day: datetime.date  # in the year
    last_day: datetime.date | None  # of an exhibition (the library's stops, or the route in the year) or a contest
    roles: list[str]
    role_labels: list[str]
    status: str  # core.models.Status, or "awaiting" (planned, its date passed)
    status_label: str
    held: bool  # counted as done by the library in the year
    organiser: str  # the organiser's (an exhibition's provider's) short name
    agreements: list[str]  # the library's own agreements it served
    figures: list[OwnFigure] = field(default_factory=list)
    total_participants: int | None = None  # an event the library organised: its whole attendance
    entries: int | None = None  # a contest the library organised: the works sent

    @property
    def role(self) -> str:
        return ", ".join(self.role_labels)

    @property
    def name(self) -> str:
        """«Телемост «…»», or the title alone when it already starts with its kind («Телемост «Весна 2020»»)."""
        if self.title.lower().startswith(self.kind_label.lower()):
            return self.title
        return f"{capfirst(self.kind_label)} «{self.title}»"

    @property
    def organised_event(self) -> bool:
        """An event the library organised: its whole attendance is the library's own figure too."""
        return ORGANISER in self.roles and self.group not in (EXHIBITION, CONTEST, EPISODE)


@dataclass
class CountLine:
    key: str
    label: str
    count: int


@dataclass
class PartnerTotals:
    """The library's held joint work of the year and its own figures of it. None: nothing known («нет данных»)."""

    held: int
    by_direction: list[CountLine]
    by_kind: list[CountLine]  # only kinds that occur
    planned: int  # still ahead
    awaiting: int  # the date passed, not confirmed
    cancelled: int
    postponed: int
    site_participants: int | None  # at the library's own sites of held events
    sites_with_figure: int
    sites_without_figure: int
    organised_events: int
    organised_participants: int | None  # whole attendance of the held events it organised
    stop_visitors: int | None  # its held stops opened in the year
    stop_excursions: int | None
    stops: int
    stops_without_figure: int
    figures: int  # its own figures known (sites and stops counted above)
    figures_confirmed: int  # of them, entered by its own staff


@dataclass
class PartnerReport:
    year: int
    as_of: datetime.date
    generated_at: datetime.datetime
    host: str  # the host's full name
    host_short: str
    library_id: int
    library: str  # the partner's full name
    library_short: str
    title: str  # «Совместная работа … и … в 2020 году»
    agreements: list[PartnerAgreement]
    activities: list[PartnerActivity]  # by date
    totals: PartnerTotals
    rules: list[str] = field(default_factory=list)  # «Как считается», as the page and the files say it

    @property
    def held(self) -> list[PartnerActivity]:
        return [a for a in self.activities if a.held]

    @property
    def not_held(self) -> list[PartnerActivity]:
        return [a for a in self.activities if not a.held]

    @property
    def is_empty(self) -> bool:
        return not self.activities and not self.agreements


# --------------------------------------------------------------------------------------------
# Each kind seen from the library's side
# --------------------------------------------------------------------------------------------


class _Side:
    """One library's view of the facts of one year."""

    def __init__(self, lib_id: int, y: Year, libraries: dict[int, Library], own: dict[int, Agreement]):
        self.lib_id, self.p, self.today = lib_id, y.period, y.today
        self.libraries, self.own = libraries, own
        self.kinds = {key: str(label) for key, label in Event.Kind.choices}

    def name(self, pk: int | None) -> str:
        lib = self.libraries.get(pk)
        return lib.short_name if lib is not None else ""

    def agreements(self, a: Activity) -> list[str]:
        chosen = sorted((self.own[pk] for pk in a.credit_in(self.p) if pk in self.own), key=lambda x: x.signed_on)
        return [str(x) for x in chosen]

    def activity(self, a: Activity, roles: list[str], status: str, **rest) -> PartnerActivity:
        group_label = self.kinds.get(a.group) or GROUP_LABELS.get(a.group) or _kind_noun(a.group)
        return PartnerActivity(
            id=a.id,
            group=a.group,
            kind_label=str(group_label),
            direction=a.direction,
            direction_label=str(direction(a.direction).short),
            title=a.title,
            roles=roles,
            role_labels=[str(ROLES[r]) for r in roles],
            status=status,
            status_label=status_label(status),
            held=a.held_in(self.p, self.today) and self.lib_id in a.partners_in(self.p),
            agreements=self.agreements(a),
            **rest,
        )

    def event(self, a: EventFact) -> PartnerActivity | None:
        own = [s for s in a.sites if s.library_id == self.lib_id]
        organiser = a.row.organiser_id == self.lib_id
        if not own and not organiser:
            return None
        roles = [ORGANISER] if organiser else []
        roles += [s.role for s in own if s.role not in roles]
        status = a.status_in(self.p, self.today)
        label = status_label(status)
        figures = [
            OwnFigure(SITE_FIGURE, a.day, None, s.participants_count, None, None, s.confirmed, status, label, False)
            for s in own
        ]
        built = self.activity(
            a,
            roles,
            status,
            first_day=a.day,
            last_day=None,
            organiser=self.name(a.row.organiser_id),
            figures=figures,
            total_participants=a.row.attendance if organiser else None,
        )
        for figure in figures:
            figure.counted = built.held
        return built

    def exhibition(self, a: ExhibitionFact) -> PartnerActivity | None:
        stops = [s for s in a.stops_in(self.p) if s.venue_id == self.lib_id]
        provider = a.first.provider_id == self.lib_id
        if not stops and not provider:
            return None
        roles = ([PROVIDER] if provider else []) + ([VENUE] if stops else [])
        status = a.status_in(self.p, self.today)
        if not provider:  # where its own stops got
            status = furthest_status(stop_status(s, self.today) for s in stops)
        shown = stops or a.stops_in(self.p)
        figures = []
        for s in stops:
            own_status = stop_status(s, self.today)
            counted = own_status == HELD and self.p.has(s.starts_on)
            figures.append(
                OwnFigure(
                    STOP_FIGURE, s.starts_on, s.ends_on, None, s.visitors, s.excursions, s.confirmed,
                    own_status, status_label(own_status), counted,
                )
            )  # fmt: skip
        return self.activity(
            a,
            roles,
            status,
            first_day=max(min(s.starts_on for s in shown), self.p.first_day),
            last_day=min(max(s.ends_on for s in shown), self.p.last_day),
            organiser=self.name(a.first.provider_id),
            figures=figures,
        )

    def contest(self, a: ContestFact) -> PartnerActivity | None:
        organiser = a.row.organiser_id == self.lib_id
        roles = ([ORGANISER] if organiser else []) + ([CURATOR] if self.lib_id in a.curators else [])
        if not roles:
            return None
        return self.activity(
            a,
            roles,
            a.status_in(self.p, self.today),
            first_day=a.first_day_in(self.p),
            last_day=a.row.results_on or a.row.submissions_until,
            organiser=self.name(a.row.organiser_id),
            entries=a.row.entries if organiser else None,
        )

    def episode(self, a: EpisodeFact) -> PartnerActivity | None:
        if a.row.library_id != self.lib_id:
            return None
        return self.activity(
            a,
            [MAKER],
            a.status_in(self.p, self.today),
            first_day=a.row.published_on,
            last_day=None,
            organiser=self.name(a.row.library_id),
        )

    def kind(self, a: KindFact) -> PartnerActivity | None:
        """An activity of a kind that brings its own direction: the library organised it or took part."""
        if self.lib_id not in a.row.parties:
            return None
        organiser = a.row.organiser_id == self.lib_id
        return self.activity(
            a,
            [ORGANISER if organiser else PARTICIPANT],
            a.status_in(self.p, self.today),
            first_day=a.first_day_in(self.p),
            last_day=a.row.last_day if a.row.last_day != a.row.first_day else None,
            organiser=self.name(a.row.organiser_id),
        )

    def of(self, a: Activity) -> PartnerActivity | None:
        if not a.in_period(self.p):
            return None
        if isinstance(a, KindFact):
            return self.kind(a)
        if isinstance(a, EventFact):
            return self.event(a)
        if isinstance(a, ExhibitionFact):
            return self.exhibition(a)
        if isinstance(a, ContestFact):
            return self.contest(a)
        return self.episode(a)


# --------------------------------------------------------------------------------------------
# Totals, agreements
# --------------------------------------------------------------------------------------------


def _by_kind(held: list[PartnerActivity]) -> list[CountLine]:
    lines = []
    for key, label in Event.Kind.choices:
        n = sum(a.group == key for a in held)
        if n:
            lines.append(CountLine(key, str(label), n))
    for key, label in GROUP_LABELS.items():
        n = sum(a.group == key for a in held)
        if n:
            lines.append(CountLine(key, str(label), n))
    return lines


def _totals(activities: list[PartnerActivity]) -> PartnerTotals:
    held = [a for a in activities if a.held]
    statuses = [a.status for a in activities if not a.held]
    figures = [f for a in activities for f in a.figures if f.counted]
    sites = [f for f in figures if f.kind == SITE_FIGURE]
    stops = [f for f in figures if f.kind == STOP_FIGURE]
    organised = [a for a in held if a.organised_event]
    directions = [*TABLE_ORDER, *(d for d in kind_directions() if any(a.direction == d.key for a in held))]
    known = [f for f in figures if f.has_figures]
    return PartnerTotals(
        held=len(held),
        by_direction=[CountLine(d.key, str(d.short), sum(a.direction == d.key for a in held)) for d in directions],
        by_kind=_by_kind(held),
        planned=statuses.count(PLANNED),
        awaiting=statuses.count(AWAITING),
        cancelled=statuses.count(Status.CANCELLED.value),
        postponed=statuses.count(Status.POSTPONED.value),
        site_participants=known_sum(f.participants for f in sites),
        sites_with_figure=sum(f.participants is not None for f in sites),
        sites_without_figure=sum(f.participants is None for f in sites),
        organised_events=len(organised),
        organised_participants=known_sum(a.total_participants for a in organised),
        stop_visitors=known_sum(f.visitors for f in stops),
        stop_excursions=known_sum(f.excursions for f in stops),
        stops=len(stops),
        stops_without_figure=sum(not f.has_figures for f in stops),
        figures=len(known),
        figures_confirmed=sum(f.confirmed for f in known),
    )


def _agreement(row: AgreementRow, a: Agreement, amendments: list[Amendment], y: Year) -> PartnerAgreement:
    terms = a.terms(up_to=y.as_of, amendments=amendments)
    term = next((t for t in terms if t.contains(y.as_of)), terms[-1] if terms else None)
    return PartnerAgreement(
        id=a.pk,
        label=row.label,
        number=a.number,
        title=row.title,
        signed_on=a.signed_on,
        valid_from=a.valid_from,
        valid_until=a.valid_until,
        auto_prolongation=a.auto_prolongation,
        terminated_on=a.terminated_on if a.status == Agreement.Status.TERMINATED else None,
        state=row.state,
        state_label=row.state_label,
        in_force=row.in_force,
        term_start=term.start if term else None,
        term_end=term.end if term else None,
        term_label=term.get_kind_display() if term else "",
        signed_in_year=row.signed_in_year,
        terminated_in_year=row.terminated_in_year,
        expired_in_year=row.expired_in_year,
        activities=row.activities,
        amendments=[
            PartnerAmendment(m.number, m.signed_on, m.summary, m.new_valid_until)
            for m in amendments
            if y.period.has(m.signed_on)
        ],
    )


def _agreements(library: Library, agreements: list[Agreement], facts, y: Year) -> list[PartnerAgreement]:
    own = [a for a in agreements if a.partner_id == library.pk]
    by_id = {a.pk: a for a in own}
    amendments: dict[int, list[Amendment]] = {pk: [] for pk in by_id}
    for m in Amendment.objects.filter(agreement__in=list(by_id)).order_by("signed_on", "pk"):
        amendments[m.agreement_id].append(m)
    rows = agreements_section(own, facts, y).rows
    return [_agreement(row, by_id[row.id], amendments[row.id], y) for row in rows]


# --------------------------------------------------------------------------------------------
# The entry point
# --------------------------------------------------------------------------------------------


def report_title(host: str, library: str, year: int) -> str:
    # Library names stay in the nominative: they are official names, which are not declined after «работа».
    return _("Совместная работа в %(year)s году: %(host)s и %(library)s") % {
        "host": host,
        "library": library,
        "year": year,
    }


@batch
def build_partner_report(library: Library, year: int) -> PartnerReport:
    """What a partner library did together with the host in a calendar year (Kemerovo time), from its side.

    Raises reports.report.ReportYearError for a year the site does not accept, ValueError for the host itself."""
    year = parse_year(year)
    if library.is_host:
        raise ValueError("The host library has the annual report, not a partner's.")
    today = timezone.localdate(timezone=kemerovo())
    libraries, host, agreements, facts = load_facts(year, today)
    y = Year.of(year, facts, today)
    side = _Side(library.pk, y, libraries, {a.pk: a for a in agreements if a.partner_id == library.pk})
    activities = [built for a in facts.all() if (built := side.of(a)) is not None]
    activities.sort(key=lambda a: (a.first_day, a.title, a.id))
    host_name = host.name if host else ""
    return PartnerReport(
        year=year,
        as_of=y.as_of,
        generated_at=timezone.localtime(timezone.now(), kemerovo()),
        host=host_name,
        host_short=host.short_name if host else "",
        library_id=library.pk,
        library=library.name,
        library_short=library.short_name,
        title=report_title(host_name, library.name, year),
        agreements=_agreements(library, agreements, facts, y),
        activities=activities,
        totals=_totals(activities),
        rules=[str(rule) for rule in RULES],
    )
