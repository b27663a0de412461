"""The annual report as a tree of plain dataclasses: what reports.report.build_report() returns.

Nothing here touches the database; every view and export renders from these values. The directions of
the work are defined here once, with every label the page, the charts and the files show for them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy

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


def direction(key: str) -> Direction:
    return _BY_KEY[key]


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

    @property
    def counts(self) -> list[int]:
        """The counts in TABLE_ORDER."""
        return [self.events, self.telebridges, self.exhibitions, self.contests, self.episodes]


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
    items: list[EventItem] | list[ExhibitionItem] | list[ContestItem] | list[EpisodeItem]


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
