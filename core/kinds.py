"""The registry of activity kinds: each kind describes itself once, in its own app, and registers here.

An activity app (events, exhibitions, contests, …) subclasses `ActivityKind` in its `kinds.py` and calls
`register()` from its `AppConfig.ready()`. Everything built on the kinds — the partner and agreement pages,
search, the sitemap, the counts on the map, the list of partners, the dashboard, the portal, the reminders and the
annual report — iterates over `kinds()` and asks each kind, so none of them names an activity app's models, and a
new kind costs its own app and a few lines of wiring (docs/architecture.md, "Adding a kind of activity").

This module imports no app. What a kind says about itself:

- **who**: `model` (the activity), its queryset's `taking_part()` (the library its own column names, and the rows
  that name other libraries), `credit_prefetch` (what its `credit_parties()` reads);
- **what readers see**: `model.objects.public()`, the kind's `timeline(library)` on a partner's page,
  `agreement_queryset()` and `agreement_item(row)` on an agreement's page, `search_sections()`, `sitemap_sections()`,
  `nav` (its public lists, in the navigation and the sitemap);
- **labels**: `title` (the heading of its section), `count_forms` (its noun in the three Russian plural forms).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, Q, QuerySet
from django.utils.text import Truncator


@dataclass
class TimelineItem:
    """One line of a partner's timeline: what it did with us, in which role, when."""

    kind: str
    role: str
    title: str
    url: str
    date: datetime.date | None
    end: datetime.date | None = None
    age_rating: str = ""
    status: str = ""
    rescheduled_to: datetime.date | None = None


@dataclass
class ListedItem:
    """One line of an agreement's page: `{date} — {lead}<a href=url>{title}</a>{tail} ({library}) {age}`."""

    title: str
    url: str
    date: datetime.date | datetime.datetime | None = None
    lead: str = ""
    tail: str = ""
    library: Any = None  # a Library, linked by `{% library_link %}`
    age_rating: str = ""


@dataclass
class ListedBlock:
    """A kind's activities on an agreement's page, under its heading."""

    title: str
    items: list[ListedItem]


@dataclass
class Hit:
    """One search result."""

    title: str
    url: str
    meta: str = ""
    snippet: str = ""
    age_rating: str = ""


def snippet(text: str) -> str:
    """The start of a found record's text, as a search hit shows it."""
    return Truncator(text or "").words(30)


@dataclass
class SearchSection:
    """What a kind offers the site search: its public rows, the text fields they are searched by (the first one is
    the title, ranked higher), their order among equals, and how one found row reads (`hits()` is called once per
    search and returns the function that makes a `Hit` of a row, so labels are looked up once)."""

    key: str
    title: str
    forms: str  # ru_plural forms for the count
    fields: list[str]
    queryset: Callable[[], QuerySet]
    order: list[str]
    hits: Callable[[], Callable[[Any], Hit]]
    position: int = 0


@dataclass(frozen=True)
class NavLink:
    """A kind's public list in the site's navigation: the view's name, its label, and the section it marks as
    current (a view of the same URL namespace marks the namespace's first link)."""

    viewname: str
    label: str
    section: str


@dataclass(frozen=True)
class SitemapSection:
    """One section of sitemap.xml: a detail view by name, and the (key, updated_at) or (key,) rows of its public
    records."""

    viewname: str
    rows: Callable[[], QuerySet]
    changefreq: str = "weekly"
    priority: str = "0.6"
    marker: str = "slug-placeholder"
    position: int = 0


@dataclass
class StaffList:
    """Rows of a kind that a block of the staff's dashboard lists: its key and heading, how its count is said
    (`forms`: one, few, many), the model whose admin list shows the rows (its view permission is asked), the rows
    in their order, the admin list's filter that gives the same rows (so the counts match), and what an item says:
    its label, the record it opens and a note."""

    key: str
    title: str
    forms: tuple[str, str, str]
    model: type[Model]
    rows: QuerySet
    params: dict
    label: Callable[[Any], str] = str
    record: Callable[[Any], Model] = lambda row: row
    note: Callable[[Any], str] = lambda row: ""


@dataclass(frozen=True)
class PartnerSideList:
    """A kind's rows of its partner libraries (`core.models.PartnerSide`: an event's sites, an exhibition's stops,
    a contest's curators): the rows with what their items name, the condition on the rows whose activity stands
    planned on a day (by the activity's own rule, `in_status_on`), the row's library, the record an item opens
    (of the model `opens`, whose view permission is asked), its title, and what an item about its figures says
    (None: the rows have no figures)."""

    model: type[Model]
    opens: type[Model]
    rows: Callable[[], QuerySet]
    planned: Callable[[datetime.date], Q]
    library_field: str
    record: Callable[[Any], Model]
    title: Callable[[Any], str]
    figure: Callable[[Any], str] | None = None
    # What the partner portal says of a row: the kind of activity, the library's role in it, its first and last day.
    noun: str = ""
    role: Callable[[Any], str] = lambda row: ""
    dates: Callable[[Any], tuple] = lambda row: (None, None)
    # The activity's last day seen from a row, as a lookup (a DateField): the partners' emails after it ended.
    ends_on: str = ""


@dataclass(frozen=True)
class ReportDirection:
    """A kind's direction of the joint work in the annual report, with every label the report shows for it: its
    section (`title`), its bar in the directions chart (`short`), its column in the month and partner tables and its
    sheet in the XLSX (`column`), and its participants figure (`figure`; "" when it has none)."""

    title: str
    short: str
    column: str
    figure: str = ""
    # How the narrative report names one activity: gender ("m", "f", "n"), then the nominative and accusative
    # singular and the forms after 2–4 and 5+: ("m", "читательский марафон", "читательский марафон",
    # "читательских марафона", "читательских марафонов").
    noun: tuple[str, str, str, str, str] = ("n", "мероприятие", "мероприятие", "мероприятия", "мероприятий")


@dataclass(frozen=True)
class ReportRow:
    """One activity of a kind as the annual report counts it: plain values, read in a fixed number of queries.

    `status` is the stored one: the report applies the one rule (`core.models.status_of`) with the dates. `parties`
    are the libraries that took part (the host too, when it did); `credit_parties` are (library id, day) pairs as the
    kind's `credit_parties()` gives them; `added` and `excluded` are the staff's overrides of the credit (agreement
    ids). `participants` is the kind's figure: None is unknown, never 0."""

    id: int
    title: str
    is_published: bool
    status: str
    first_day: datetime.date
    last_day: datetime.date
    parties: tuple[int, ...]
    credit_parties: tuple[tuple[int, datetime.date | None], ...]
    participants: int | None = None
    organiser_id: int | None = None  # the library that organised it, when one did
    added: frozenset[int] = frozenset()
    excluded: frozenset[int] = frozenset()
    url: str = ""


class ActivityKind:
    """A kind of joint activity, described once by its own app. Subclass it and `register()` an instance."""

    key: str = ""  # a short stable name: "events", "exhibitions"…
    model: type[Model]
    title: str = ""  # the heading of the kind's section: «Мероприятия»
    count_forms: tuple[str, str, str] = ("", "", "")  # «мероприятие», «мероприятия», «мероприятий»
    position: int = 100  # the kinds' order on pages
    credit_prefetch: tuple[str, ...] = ()  # the relations `credit_parties()` reads
    nav: tuple[NavLink, ...] = ()  # its public lists: in the site's navigation and the sitemap

    # --- what a partner did: its page and its counts on the map --------------------------------------------------

    def timeline(self, library) -> list[TimelineItem]:
        """The published activities of this kind a library took part in, as lines of its page."""
        return []

    # --- what served an agreement ---------------------------------------------------------------------------------

    def agreement_queryset(self) -> QuerySet:
        """The public rows in the order the agreement's page lists them."""
        return self.model.objects.public()

    def agreement_item(self, row) -> ListedItem:  # pragma: no cover - every kind that lists rows defines it
        raise NotImplementedError

    # --- search and the sitemap -------------------------------------------------------------------------------------

    def search_sections(self) -> list[SearchSection]:
        return []

    def sitemap_sections(self) -> list[SitemapSection]:
        return []

    # --- the staff's dashboard -----------------------------------------------------------------------------------

    def awaiting(self, today: datetime.date) -> list[StaffList]:
        """Past, and still «запланировано»: `awaiting_confirmation(today)`, a gap in the data."""
        from core.models import AWAITING_CONFIRMATION

        rows = self.model.objects.awaiting_confirmation(today).order_by("-pk")
        return [
            StaffList(self.key, str(self.title), self.count_forms, self.model, rows, {"status": AWAITING_CONFIRMATION})
        ]

    def without_figures(self, today: datetime.date) -> list[StaffList]:
        """Held, and how many came is unknown (which is not zero)."""
        return []

    def drafts(self) -> list[StaffList]:
        """Records not published yet."""
        rows = self.model.objects.filter(is_published=False).order_by("-updated_at", "pk")
        title = str(self.model._meta.verbose_name_plural).capitalize()
        return [
            StaffList(
                self.model._meta.model_name, title, self.count_forms, self.model, rows, {"is_published__exact": "0"}
            )
        ]

    def partner_sides(self) -> list[PartnerSideList]:
        """Its rows of partner libraries, if it has any."""
        return []

    # --- the methodologists' daily email -----------------------------------------------------------------------

    def newly_awaiting(self, since: datetime.date, today: datetime.date) -> list[tuple[Model, datetime.date]]:
        """Its records still «запланировано» on `today` whose date passed after `since` (`passed_between`), each with
        its last day, in date order."""
        return []

    # --- the annual report -----------------------------------------------------------------------------------------

    # The kind's direction in the annual report. None: the report has its own sections for the kind (the events,
    # exhibitions, contests and episodes the library's form of report is built around, reports/data.py).
    report: ReportDirection | None = None
    report_queries: int = 0  # the queries `report_rows()` makes, whatever the number of rows (the report's pin)

    def report_rows(self, first_day: datetime.date, last_day: datetime.date) -> list[ReportRow]:
        """Its activities whose dates touch the days from `first_day` to `last_day`, in a fixed number of queries."""
        return []

    def __repr__(self):
        return f"<{type(self).__name__} {self.key}>"


def passed_between(queryset: QuerySet, since: datetime.date, today: datetime.date) -> QuerySet:
    """The rows awaiting confirmation on `today` but not on `since` (`awaiting_confirmation`, the one rule): their
    date passed in between."""
    earlier = queryset.model.objects.awaiting_confirmation(since).values("pk")
    return queryset.awaiting_confirmation(today).exclude(pk__in=earlier)


_KINDS: dict[str, ActivityKind] = {}


def register(kind: ActivityKind) -> ActivityKind:
    """Called from the kind's `AppConfig.ready()`; registering the same key again replaces the description."""
    if not kind.key:
        raise ValueError(f"{type(kind).__name__} has no key")
    _KINDS[kind.key] = kind
    return kind


def kinds() -> list[ActivityKind]:
    """Every registered kind, in their `position` order."""
    return sorted(_KINDS.values(), key=lambda kind: (kind.position, kind.key))


def kind_by_key(key: str) -> ActivityKind | None:
    return next((kind for kind in kinds() if kind.key == key), None)


def kind_of(model: type[Model]) -> ActivityKind | None:
    return next((kind for kind in _KINDS.values() if kind.model is model), None)


def models() -> list[type[Model]]:
    return [kind.model for kind in kinds()]


def search_sections() -> list[SearchSection]:
    sections = [section for kind in kinds() for section in kind.search_sections()]
    return sorted(sections, key=lambda section: section.position)


def sitemap_sections() -> list[SitemapSection]:
    sections = [section for kind in kinds() for section in kind.sitemap_sections()]
    return sorted(sections, key=lambda section: section.position)


def reported() -> list[ActivityKind]:
    """The kinds that bring their own direction to the annual report."""
    return [kind for kind in kinds() if kind.report is not None]


def nav_links() -> list[NavLink]:
    return [link for kind in kinds() for link in kind.nav]


def list_url_names() -> list[str]:
    return [link.viewname for link in nav_links()]
