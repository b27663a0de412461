"""The annual report as a tree of plain dataclasses: what reports.report.build_report() returns.

Nothing here touches the database; every view and export renders from these values. The directions of
the work are defined here once, with every label the page, the charts and the files show for them.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

from core.kinds import reported
from core.models import AWAITING_CONFIRMATION, Status
from events.models import Event

MONTHS = [
    gettext_lazy("январь"),
    gettext_lazy("февраль"),
    gettext_lazy("март"),
    gettext_lazy("апрель"),
    gettext_lazy("май"),
    gettext_lazy("июнь"),
    gettext_lazy("июль"),
    gettext_lazy("август"),
    gettext_lazy("сентябрь"),
    gettext_lazy("октябрь"),
    gettext_lazy("ноябрь"),
    gettext_lazy("декабрь"),
]

# Activity groups that are not event kinds (event kinds come from Event.Kind).
EXHIBITION = "exhibition"
CONTEST = "contest"
EPISODE = "episode"
TELEBRIDGE = Event.Kind.TELEBRIDGE.value

DIRECTION_EVENTS = "events"
DIRECTION_EXHIBITIONS = "exhibitions"
DIRECTION_TELEBRIDGES = "telebridges"
DIRECTION_CONTESTS = "contests"
DIRECTION_PROJECTS = "projects"


@dataclass(frozen=True)
class Direction:
    """A direction of the joint work, with every label shown for it."""

    key: str
    group: str | None  # the activity group its activities count under; None: events, counted by kind
    title: Promise  # a section of the narrative report and of the page
    short: Promise  # a bar of the directions chart
    column: Promise  # a column of the month and partner tables, a series of the months chart
    figure: str = ""  # a kind's own participants figure (`core.kinds.ReportDirection.figure`)


# In the order the narrative report (the library's yearly article) lists them.
DIRECTIONS = (
    Direction(
        DIRECTION_EVENTS,
        None,
        gettext_lazy("Участие в профессиональных мероприятиях"),
        gettext_lazy("Профессиональные мероприятия"),
        gettext_lazy("Мероприятия"),
    ),
    Direction(
        DIRECTION_EXHIBITIONS,
        EXHIBITION,
        gettext_lazy("Реализация выставочных проектов"),
        gettext_lazy("Выставки"),
        gettext_lazy("Выставки"),
    ),
    Direction(
        DIRECTION_TELEBRIDGES,
        TELEBRIDGE,
        gettext_lazy("Телемосты"),
        gettext_lazy("Телемосты"),
        gettext_lazy("Телемосты"),
    ),
    Direction(
        DIRECTION_CONTESTS,
        CONTEST,
        gettext_lazy("Проведение совместных конкурсов детского и молодёжного творчества"),
        gettext_lazy("Конкурсы"),
        gettext_lazy("Конкурсы"),
    ),
    Direction(
        DIRECTION_PROJECTS,
        EPISODE,
        gettext_lazy("Реализация просветительских проектов"),
        gettext_lazy("Просветительские проекты"),
        gettext_lazy("Выпуски проектов"),
    ),
)
_BY_KEY = {d.key: d for d in DIRECTIONS}

# The order of the tables' columns (by month, partner × direction): events first, then telebridges.
TABLE_ORDER = tuple(
    _BY_KEY[key]
    for key in (DIRECTION_EVENTS, DIRECTION_TELEBRIDGES, DIRECTION_EXHIBITIONS, DIRECTION_CONTESTS, DIRECTION_PROJECTS)
)


def kind_directions() -> tuple[Direction, ...]:
    """The directions the registered kinds bring (`core.kinds.ActivityKind.report`), after the library's own five;
    each counts its kind's activities, grouped under the kind's key."""
    return tuple(
        Direction(kind.key, kind.key, kind.report.title, kind.report.short, kind.report.column, kind.report.figure)
        for kind in reported()
    )


def direction(key: str) -> Direction:
    found = _BY_KEY.get(key) or next((d for d in kind_directions() if d.key == key), None)
    if found is None:
        raise KeyError(key)
    return found


NO_DATA = gettext_lazy("нет данных")


def shown(value):
    """A figure as a reader sees it: unknown (None) is «нет данных», never 0."""
    return NO_DATA if value is None else value


@dataclass
class Figure:
    """A headline figure beside the previous year's; None is "no data"."""

    key: str
    label: str
    value: int | None
    previous: int | None
    change: int | None  # None when either year has no data
    change_pct: float | None  # None when the previous year had zero or no data


@dataclass
class CountRow:
    key: str
    label: str
    count: int
    drafts: int = 0
    visits: int | None = None  # participants of the events with a figure; None: no event has one
    no_figure: int = 0  # events without a participants figure


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
    activities_last_12_months: int  # held, credited, in the twelve months up to the report date
    last_activity_on: datetime.date | None  # the last held credited activity up to the report date (None: never)
    in_force_since: datetime.date | None  # signed_on or valid_from, whichever is later
    new: bool  # in force on the report date, but for less than 12 months: too young to be dormant
    dormant: bool  # in force for 12 months or more, and no held activity credited to it in the last 12
    others: int = 0  # activities of the kinds that bring their own direction (in `activities` too)
    partner_full_name: str = ""  # the partner's full name, as the narrative's prose names it
    notes: str = ""  # staff's own notes on the agreement (a conditional signing date is not told as a fact)


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
    new: int
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
    others: list[int] = field(default_factory=list)  # the kinds' own directions present in the year, in their order

    @property
    def counts(self) -> list[int]:
        """The counts in the report's `table_order`: TABLE_ORDER, then the kinds' own directions."""
        return [self.events, self.telebridges, self.exhibitions, self.contests, self.episodes, *self.others]


HELD = Status.HELD.value


@dataclass(frozen=True)
class LibraryRef:
    """A library as the narrative names it: the short name, where it is."""

    id: int
    name: str  # the short name, as every table shows it
    full_name: str
    city: str
    region: str
    country: str  # the country's label: "Россия", "Казахстан"
    is_host: bool = False


@dataclass(frozen=True)
class Guest:
    """A writer, poet or illustrator who took part in an event."""

    name: str
    occupation: str  # "детский писатель"; may be empty
    place: str  # "Томск"; may be empty


@dataclass
class SiteItem:
    """A library taking part in an event, with its own count of participants when known."""

    library: LibraryRef
    role: str
    participants: int | None
    confirmed: bool = False  # the count is the one the partner library's own staff entered (the partner portal)


@dataclass(kw_only=True)
class ActivityItem:
    """Where an activity stands on the report's date, and what staff wrote about it (every item has these)."""

    status: str = HELD  # core.models.Status, or "awaiting" (planned, its date passed)
    status_label: str = ""
    rescheduled_to: datetime.date | None = None  # postponed to this day, when known
    description: str = ""
    notes: str = ""  # staff's own notes: the narrative leaves out what they call conditional («условн…»)
    partner_libraries: list[LibraryRef] = field(default_factory=list)  # those in `partners`, in the same order
    agreements: list[str] = field(default_factory=list)  # every agreement it serves; `agreement` joins them


@dataclass
class EventItem(ActivityItem):
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
    participants: int | None  # events.models.total_attendance(); None: unknown
    is_draft: bool
    format: str = ""
    scope: str = ""
    organiser_library: LibraryRef | None = None
    sites: list[SiteItem] = field(default_factory=list)  # every library taking part, the organiser too
    guests: list[Guest] = field(default_factory=list)
    results: str = ""  # «итоги», as staff wrote them

    @property
    def kind_prefix(self) -> str:
        """The kind before the title, unless the title already starts with it: «телемост «…»», but «Телемост …»."""
        return "" if self.title.lower().startswith(self.kind_label.lower()) else self.kind_label

    @property
    def site_figures(self) -> list[SiteItem]:
        """The sites' own counts, when they tell more than the total: several known, or one a partner confirmed."""
        return _by_site([s for s in self.sites if s.participants is not None])


@dataclass
class StopItem:
    venue: str
    starts_on: datetime.date
    ends_on: datetime.date
    visitors: int | None
    excursions: int | None
    library: LibraryRef | None = None
    status: str = HELD
    confirmed: bool = False  # the figures are those the venue's own staff entered (the partner portal)

    @property
    def has_figures(self) -> bool:
        return self.visitors is not None or self.excursions is not None


@dataclass
class ExhibitionItem(ActivityItem):
    id: int
    title: str
    kind_label: str
    provider: str
    partners: list[str]
    agreement: str
    first_day: datetime.date  # first day shown in the year
    last_day: datetime.date
    stops: list[StopItem]  # the stops open in the year
    visitors: int | None  # held stops opened in the year (`known_sum`: None when none of them has a figure)
    excursions: int | None
    is_draft: bool
    kind: str = ""
    provider_library: LibraryRef | None = None
    route: list[StopItem] = field(default_factory=list)  # every stop, the years before and after too, in order
    counterpart_id: int | None = None  # the other half of an exchange
    counterpart_title: str = ""
    results: str = ""

    @property
    def stop_figures(self) -> list[StopItem]:
        """The held stops' own figures, when they tell more than the totals (as `EventItem.site_figures`)."""
        return _by_site([s for s in self.stops if s.status == HELD and s.has_figures])


@dataclass
class CuratorItem:
    library: LibraryRef
    region: str  # the region it curates


@dataclass
class AwardItem:
    """A result named by the entrant's name: only entries whose entrants agreed to publication."""

    entrant: str
    locality: str
    result: str  # contests.models.Entry.Result
    result_label: str
    place: int | None
    work_title: str
    nomination: str


@dataclass
class ContestItem(ActivityItem):
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
    scope: str = ""
    theme: str = ""
    is_online: bool = False
    organiser_library: LibraryRef | None = None
    curators: list[CuratorItem] = field(default_factory=list)
    awards: list[AwardItem] = field(default_factory=list)  # consented names only, highest result first
    prize_winners: int = 0
    diplomas: int = 0


@dataclass
class EpisodeItem(ActivityItem):
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
    project_id: int = 0
    project_description: str = ""
    project_organiser: LibraryRef | None = None
    maker: LibraryRef | None = None  # the library that prepared the episode (`library` is its name)


@dataclass
class KindItem(ActivityItem):
    """An activity of a kind that brings its own direction (`core.kinds.ReportRow`)."""

    id: int
    key: str  # the kind's
    title: str
    first_day: datetime.date
    last_day: datetime.date
    partners: list[str]
    agreement: str
    participants: int | None  # None: unknown
    is_draft: bool
    url: str = ""


Item = EventItem | ExhibitionItem | ContestItem | EpisodeItem | KindItem


def _by_site(known: list) -> list:
    return known if len(known) > 1 or any(s.confirmed for s in known) else []


@dataclass
class Listing(Sequence):
    """One direction's activities of the year by where they stand on the report's date.

    As a sequence it is the held ones, in order (what the tables list and the figures count); the others
    stand beside them: planned ones still ahead in the year (the narrative's «Планы»), planned ones whose date
    has passed without confirmation (a gap in the data, never counted), and the cancelled or postponed ones.
    """

    held: list = field(default_factory=list)
    planned: list = field(default_factory=list)
    awaiting: list = field(default_factory=list)
    not_held: list = field(default_factory=list)

    def __getitem__(self, index):
        return self.held[index]

    def __len__(self) -> int:
        return len(self.held)


@dataclass
class DirectionSection:
    key: str
    title: str
    count: int  # held in the year, joint and the host's own
    drafts: int  # unpublished among them
    items: Listing | list[Item]  # the held ones; pass the Listing, and the plans and gaps come along
    joint: int = 0  # held with at least one partner library taking part

    @property
    def own(self) -> int:
        """Held by the host alone."""
        return self.count - self.joint

    @property
    def planned(self) -> list[Item]:
        """Still ahead in the year, by date."""
        return getattr(self.items, "planned", [])

    @property
    def awaiting(self) -> list[Item]:
        """Planned, the date passed, not confirmed: a gap in the data."""
        return getattr(self.items, "awaiting", [])

    @property
    def not_held(self) -> list[Item]:
        """Cancelled or postponed."""
        return getattr(self.items, "not_held", [])


@dataclass
class KindFigure:
    """The participants of a kind's own direction in the joint work of the year: None when none is known."""

    key: str
    label: str
    value: int | None
    without_figure: int


@dataclass
class ParticipantsSection:
    """Of the joint activities held in the year. None: no figure is known (never shown as 0)."""

    event_participants: int | None
    events_with_figure: int
    events_without_figure: int
    telebridge_participants: int | None
    exhibition_visitors: int | None  # held stops opened in the year
    exhibition_excursions: int | None
    stops_without_visitors: int
    contest_entries: int
    contest_entries_from_our_region: int
    contest_winners: int
    contest_laureates: int
    contest_finalists: int
    contest_prize_winners: int = 0
    contest_diplomas: int = 0
    # The partner libraries' own sites (event sites, exhibition stops at their venues): how many there were, how
    # many have figures, and how many of those figures the partner entered itself (the partner portal).
    partner_sites: int = 0
    partner_figures: int = 0
    partner_figures_confirmed: int = 0
    others: list[KindFigure] = field(default_factory=list)  # the participants of the kinds' own directions

    @property
    def partner_sites_without_figures(self) -> int:
        return self.partner_sites - self.partner_figures


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
    visits: int | None  # the host's visitors of those events with a known figure; None: none known
    drafts: int
    no_visits: int = 0  # events of the line whose visitors are not known


@dataclass
class NkSection:
    """Form 6-НК: held events the host organised or co-organised for readers; those for librarians apart."""

    rows: list[NkRow]
    methodological: NkRow  # for specialists (librarians): methodological work, not a 6-НК reader event

    def row(self, key: str) -> NkRow:
        return next(r for r in self.rows if r.key == key)


@dataclass
class StatusRow:
    """A direction's activities of the year by where they stand."""

    key: str
    label: str
    held: int
    planned: int  # still ahead
    awaiting: int  # date passed, still "planned": not counted until confirmed
    cancelled: int
    postponed: int


@dataclass
class StatusItem:
    """An activity of the year that is not (yet) held."""

    direction: str
    title: str
    day: datetime.date
    status: str
    status_label: str
    detail: str  # for an exhibition, the stop awaiting confirmation


@dataclass
class StatusSection:
    rows: list[StatusRow]
    items: list[StatusItem]  # every activity of the year not held, by status then date

    @property
    def awaiting(self) -> int:
        """Activities, or exhibition stops, whose date has passed while still "planned"."""
        return len(self.with_status(AWAITING_CONFIRMATION))

    @property
    def planned(self) -> int:
        return sum(r.planned for r in self.rows)

    def with_status(self, status: str) -> list[StatusItem]:
        return [i for i in self.items if i.status == status]


@dataclass
class OwnSection:
    """What the host held alone, with no partner library taking part: its own work, not cooperation."""

    rows: list[CountRow]  # by direction: held, drafts, participants of events
    total: int
    event_participants: int | None
    events_without_figure: int


@dataclass
class AnnualReport:
    year: int
    period_start: datetime.datetime  # 1 January 00:00 in Kemerovo, aware
    period_end: datetime.datetime  # next 1 January 00:00 in Kemerovo, aware (exclusive)
    as_of: datetime.date
    generated_at: datetime.datetime
    host: str  # the host's short name
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
    nk: NkSection
    statuses: StatusSection
    own: OwnSection
    drafts: int = 0
    years_with_data: list[int] = field(default_factory=list)
    # The columns of the month, status and own-work tables: TABLE_ORDER, then the kinds' own directions that have
    # anything in the year.
    table_order: list[Direction] = field(default_factory=lambda: list(TABLE_ORDER))
    host_full_name: str = ""  # the host's full name, as the narrative's prose names it

    @property
    def is_empty(self) -> bool:
        nothing_done = self.partner_matrix.total == 0 and self.own.total == 0
        return nothing_done and not self.statuses.items and not self.agreements.rows

    def figure(self, key: str) -> Figure:
        return next(f for f in self.headline if f.key == key)

    def direction(self, key: str) -> DirectionSection:
        return next(d for d in self.directions if d.key == key)
