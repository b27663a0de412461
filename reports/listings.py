"""Every activity of the year, for the narrative and the sheets, by where it stands on the report's date.

Which activities there are, where each stands and which agreements it serves come from the report's facts
(reports/activities.py, where each of those rules lives once). This module adds what only the text needs —
guests, descriptions, results, postponements, the exhibitions' routes, contest curators and the results entrants
agreed to publish — in seven queries whatever the number of rows, and shapes each activity as an item of
reports/data.py: held ones in date order, and beside them the planned, the awaiting and the not held.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils import timezone

from agreements.models import Agreement, Library, by_partner
from contests.models import Contest, Curator, Entry
from core.figures import known_sum
from core.models import AWAITING_CONFIRMATION, Status, status_label
from core.vocabulary import Scope
from events.models import Episode, Event
from exhibitions.models import Exhibition, ExhibitionStop
from reports.activities import (
    ContestFact,
    EpisodeFact,
    EventFact,
    ExhibitionFact,
    Facts,
    KindFact,
    credit_all,
    facts_from,
    stop_status,
)
from reports.data import (
    DIRECTIONS,
    HELD,
    AwardItem,
    ContestItem,
    CuratorItem,
    EpisodeItem,
    EventItem,
    ExhibitionItem,
    Guest,
    KindItem,
    LibraryRef,
    Listing,
    SiteItem,
    StopItem,
    kind_directions,
)
from reports.queries import Period, contest_q, episode_q, event_q, kemerovo, load_rows, stop_q

PLANNED = Status.PLANNED.value
RESULT_ORDER = {result: i for i, result in enumerate(Entry.AWARDED)}


def _labels(choices) -> dict[str, str]:
    """Translated once: a lazy label per row would cost a gettext call per cell."""
    return {key: str(label) for key, label in choices.choices}


class Names:
    """The libraries and agreements an activity refers to by id, as names and as LibraryRef."""

    def __init__(self, libraries: dict[int, Library], agreements: dict[int, Agreement]):
        self.libraries = libraries
        self.agreements = agreements
        self._refs: dict[int, LibraryRef] = {}

    def library(self, pk: int | None) -> str:
        lib = self.libraries.get(pk)
        return lib.short_name if lib is not None else ""

    def ref(self, pk: int | None) -> LibraryRef | None:
        if pk not in self._refs:
            lib = self.libraries.get(pk)
            if lib is None:
                return None
            country = str(lib.get_country_display())
            self._refs[pk] = LibraryRef(pk, lib.short_name, lib.name, lib.city, lib.region, country, lib.is_host)
        return self._refs[pk]

    def partners(self, ids) -> list[LibraryRef]:
        """The libraries other than the host, each once, in the order given."""
        refs = []
        for pk in ids:
            ref = self.ref(pk)
            if ref is not None and not ref.is_host and ref not in refs:
                refs.append(ref)
        return refs

    def credited(self, agreement_ids) -> list[str]:
        chosen = sorted((self.agreements[pk] for pk in agreement_ids if pk in self.agreements), key=_signed)
        return [str(a) for a in chosen]


def _signed(agreement: Agreement):
    return agreement.signed_on, agreement.pk


# --------------------------------------------------------------------------------------------
# What only the text needs (seven queries)
# --------------------------------------------------------------------------------------------


@dataclass
class Extras:
    events: dict[int, tuple] = field(default_factory=dict)  # pk → description, results, rescheduled_to, notes
    guests: dict[int, list[Guest]] = field(default_factory=lambda: defaultdict(list))
    exhibitions: dict[int, tuple] = field(default_factory=dict)  # + counterpart id and title, notes
    contests: dict[int, tuple] = field(default_factory=dict)  # theme, description, is_online, rescheduled_to, notes
    curators: dict[int, list[tuple[int, str]]] = field(default_factory=lambda: defaultdict(list))
    awards: dict[int, list[AwardItem]] = field(default_factory=lambda: defaultdict(list))
    episodes: dict[int, tuple] = field(default_factory=dict)  # tradition, description, rescheduled_to, project, notes

    @classmethod
    def load(cls, p: Period) -> Extras:
        extras = cls()
        events = Event.objects.filter(event_q(p)).order_by()
        extras.events = {
            pk: rest for pk, *rest in events.values_list("pk", "description", "results", "rescheduled_to", "notes")
        }
        for event_id, *person in (
            Event.guests.through.objects.filter(event__in=events.values("pk"))
            .order_by("person__full_name", "pk")
            .values_list("event_id", "person__full_name", "person__occupation", "person__place")
        ):
            extras.guests[event_id].append(Guest(*person))
        extras.exhibitions = _exhibition_extras(p)
        extras.contests = {
            pk: rest
            for pk, *rest in Contest.objects.filter(contest_q(p))
            .order_by()
            .values_list("pk", "theme", "description", "is_online", "rescheduled_to", "notes")
        }
        for contest_id, library_id, region in (
            Curator.objects.filter(contest_q(p, "contest__"))
            .order_by("region", "pk")
            .values_list("contest_id", "library_id", "region")
        ):
            extras.curators[contest_id].append((library_id, region))
        extras.awards = _awards(p)
        extras.episodes = {
            pk: rest
            for pk, *rest in Episode.objects.filter(episode_q(p))
            .order_by()
            .values_list(
                "pk", "tradition", "description", "rescheduled_to", "project_id", "project__description",
                "project__organiser_id", "notes",
            )
        }  # fmt: skip
        return extras


def _exhibition_extras(p: Period) -> dict[int, tuple]:
    """Exhibitions with a stop in the period: description, results, rescheduled_to, the exchange's other half."""
    rows = (
        Exhibition.objects.filter(pk__in=ExhibitionStop.objects.filter(stop_q(p)).values("exhibition_id"))
        .order_by()
        .values_list(
            "pk", "description", "results", "rescheduled_to", "counterpart_id", "counterpart__title",
            "counterpart_of__id", "counterpart_of__title", "notes",
        )
    )  # fmt: skip
    return {
        pk: (description, results, moved, there or back, there_title or back_title or "", notes)
        for pk, description, results, moved, there, there_title, back, back_title, notes in rows
    }


def _awards(p: Period) -> dict[int, list[AwardItem]]:
    """Results by the entrant's name: Entry.objects.public() holds only those whose entrants agreed to it."""
    labels = _labels(Entry.Result)
    awards: dict[int, list[AwardItem]] = defaultdict(list)
    for contest_id, name, locality, result, place, work, nomination in (
        Entry.objects.public()
        .awarded()
        .filter(contest_q(p, "contest__"))
        .order_by("entrant_name", "pk")
        .values_list("contest_id", "entrant_name", "locality", "result", "place", "work_title", "nomination__name")
    ):
        awards[contest_id].append(AwardItem(name, locality, result, labels[result], place, work, nomination or ""))
    for items in awards.values():
        items.sort(key=lambda a: (RESULT_ORDER.get(a.result, 99), a.place or 99))
    return awards


# --------------------------------------------------------------------------------------------
# Items, one kind at a time
# --------------------------------------------------------------------------------------------


class Shaper:
    """Turns the facts of one period into items."""

    def __init__(self, p: Period, today: datetime.date, facts: Facts, names: Names, extras: Extras):
        self.p, self.today, self.facts, self.names, self.extras = p, today, facts, names, extras
        self.tz = kemerovo()
        self.kinds, self.formats, self.scopes = _labels(Event.Kind), _labels(Event.Format), _labels(Scope)
        self.targets, self.venues = _labels(Event.TargetGroup), _labels(Event.Venue)
        self.exhibition_kinds = _labels(Exhibition.Kind)

    def common(self, a, status: str, partner_ids: list[int], moved, description: str) -> dict:
        partners = self.names.partners(partner_ids)
        agreements = self.names.credited(a.credit_in(self.p))
        return {
            "partners": [ref.name for ref in partners],
            "partner_libraries": partners,
            "agreement": "; ".join(agreements),
            "agreements": agreements,
            "status": status,
            "status_label": status_label(status),
            "rescheduled_to": moved,
            "description": description,
            "is_draft": not a.is_published,
        }

    def event(self, a: EventFact, status: str) -> EventItem:
        row = a.row
        description, results, moved, notes = self.extras.events.get(row.id, ("", "", None, ""))
        sites = sorted(a.sites, key=lambda s: (s.library_id != row.organiser_id, self.names.library(s.library_id)))
        return EventItem(
            id=row.id,
            title=row.title,
            starts_on=a.day,
            starts_at=timezone.localtime(row.starts_at, self.tz),
            kind=row.kind,
            kind_label=self.kinds.get(row.kind, row.kind),
            format=row.format,
            format_label=self.formats.get(row.format, row.format),
            scope=row.scope,
            scope_label=self.scopes.get(row.scope, row.scope),
            target_group_label=self.targets.get(row.target_group, row.target_group),
            venue_label=self.venues.get(a.nk_venue, a.nk_venue),
            organiser=self.names.library(row.organiser_id),
            organiser_library=self.names.ref(row.organiser_id),
            sites=[SiteItem(self.names.ref(s.library_id), s.role, s.participants_count, s.confirmed) for s in sites],
            participants=row.attendance,
            guests=list(self.extras.guests.get(row.id, [])),
            results=results,
            notes=notes,
            **self.common(a, status, [row.organiser_id, *(s.library_id for s in sites)], moved, description),
        )

    def stop(self, s) -> StopItem:
        venue = self.names.ref(s.venue_id)
        return StopItem(
            venue=venue.name if venue else "",
            starts_on=s.starts_on,
            ends_on=s.ends_on,
            visitors=s.visitors,
            excursions=s.excursions,
            library=venue,
            status=stop_status(s, self.today),
            confirmed=s.confirmed,
        )

    def exhibition(self, a: ExhibitionFact, status: str) -> ExhibitionItem:
        first, p = a.first, self.p
        description, results, moved, counterpart, counterpart_title, notes = self.extras.exhibitions.get(
            a.id, ("", "", None, None, "", "")
        )
        in_year = a.stops_in(p)
        opened = [s for s in a.held_stops_in(p) if p.has(s.starts_on)]
        partner_ids = [first.provider_id, *(s.venue_id for s in a.held_stops_in(p))]
        return ExhibitionItem(
            id=a.id,
            title=first.title,
            kind=first.kind,
            kind_label=self.exhibition_kinds.get(first.kind, first.kind),
            provider=self.names.library(first.provider_id),
            provider_library=self.names.ref(first.provider_id),
            first_day=a.first_day_in(p),
            last_day=min(max(s.ends_on for s in in_year), p.last_day),
            stops=[self.stop(s) for s in in_year],
            route=[self.stop(s) for s in sorted(a.stops, key=lambda s: s.starts_on)],
            visitors=known_sum(s.visitors for s in opened),
            excursions=known_sum(s.excursions for s in opened),
            counterpart_id=counterpart,
            counterpart_title=counterpart_title,
            results=results,
            notes=notes,
            **self.common(a, status, partner_ids, moved, description),
        )

    def contest(self, a: ContestFact, status: str) -> ContestItem:
        row = a.row
        theme, description, is_online, moved, notes = self.extras.contests.get(row.id, ("", "", False, None, ""))
        known = self.names.libraries
        curators = [(lib, region) for lib, region in self.extras.curators.get(row.id, []) if lib in known]
        return ContestItem(
            id=row.id,
            title=row.title,
            organiser=self.names.library(row.organiser_id),
            organiser_library=self.names.ref(row.organiser_id),
            scope=row.scope,
            scope_label=self.scopes.get(row.scope, row.scope),
            theme=theme,
            is_online=is_online,
            submissions_from=row.submissions_from,
            submissions_until=row.submissions_until,
            results_on=row.results_on,
            first_day=a.first_day_in(self.p),
            curators=[
                CuratorItem(self.names.ref(lib), region) for lib, region in curators if lib in self.names.libraries
            ],
            entries=row.entries,
            from_our_region=row.from_our_region,
            winners=row.winners,
            laureates=row.laureates,
            finalists=row.finalists,
            prize_winners=row.prize_winners,
            diplomas=row.diplomas,
            awards=list(self.extras.awards.get(row.id, [])),
            notes=notes,
            **self.common(a, status, [row.organiser_id, *(lib for lib, _region in curators)], moved, description),
        )

    def episode(self, a: EpisodeFact, status: str) -> EpisodeItem:
        row = a.row
        extra = self.extras.episodes.get(row.id, ("", "", None, 0, "", None, ""))
        tradition, description, moved, project_id, project_description, project_organiser, notes = extra
        return EpisodeItem(
            id=row.id,
            project=row.project,
            project_id=project_id,
            project_description=project_description,
            project_organiser=self.names.ref(project_organiser),
            number=row.number,
            title=row.title,
            tradition=tradition,
            library=self.names.library(row.library_id),
            maker=self.names.ref(row.library_id),
            published_on=row.published_on,
            notes=notes,
            **self.common(a, status, [row.library_id], moved, description),
        )

    def kind(self, a: KindFact, status: str) -> KindItem:
        row = a.row
        return KindItem(
            id=row.id,
            key=a.key,
            title=row.title,
            first_day=a.first_day_in(self.p),
            last_day=min(row.last_day, self.p.last_day),
            participants=row.participants,
            url=row.url,
            **self.common(a, status, list(row.parties), None, ""),
        )

    def item(self, a, status: str):
        if isinstance(a, KindFact):
            return self.kind(a, status)
        if isinstance(a, EventFact):
            return self.event(a, status)
        if isinstance(a, ExhibitionFact):
            return self.exhibition(a, status)
        if isinstance(a, ContestFact):
            return self.contest(a, status)
        return self.episode(a, status)


# --------------------------------------------------------------------------------------------
# The listings
# --------------------------------------------------------------------------------------------


def _order(item) -> tuple:
    """Date order: an event by its start, an exhibition or contest by its first day in the year."""
    if isinstance(item, EventItem):
        return item.starts_at, item.id
    if isinstance(item, EpisodeItem):
        return item.published_on, item.project, item.number
    return item.first_day, item.title, item.id


def _own_facts(p: Period, libraries: dict[int, Library], agreements: dict[int, Agreement], today) -> Facts:
    """The facts of the period, for a caller that has not loaded them (build_report passes its own)."""
    host_id = next((pk for pk, lib in libraries.items() if lib.is_host), None)
    rows = load_rows(p)
    facts = facts_from(rows, host_id, today)
    credit_all(facts.all(), rows, by_partner(agreements.values()), host_id)
    return facts


def listings(
    period: Period,
    libraries: dict[int, Library],
    agreements: dict[int, Agreement],
    facts: Facts | None = None,
    today: datetime.date | None = None,
) -> dict[str, Listing]:
    """The activities of each direction (by direction key) in the period, by where they stand on `today`."""
    today = today or timezone.localdate(timezone=kemerovo())
    if facts is None:
        facts = _own_facts(period, libraries, agreements, today)
    shaper = Shaper(period, today, facts, Names(libraries, agreements), Extras.load(period))
    result = {d.key: Listing() for d in (*DIRECTIONS, *kind_directions())}
    for activity in facts.all():
        if not activity.in_period(period):
            continue
        status = activity.status_in(period, today)
        listing = result[activity.direction]
        if status == HELD:
            chosen = listing.held
        elif status == PLANNED:
            chosen = listing.planned
        elif status == AWAITING_CONFIRMATION:
            chosen = listing.awaiting
        else:
            chosen = listing.not_held
        chosen.append(shaper.item(activity, status))
    for listing in result.values():
        for items in (listing.held, listing.planned, listing.awaiting, listing.not_held):
            items.sort(key=_order)
    return result
