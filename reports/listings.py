"""Every activity of the year, for the narrative and the sheets: a fixed number of queries per kind of activity."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db.models import Count, Q
from django.utils import timezone

from agreements.models import Agreement, Library
from contests.models import Contest, Curator, Entry
from coopnet.vocabulary import Scope
from events.models import Episode, Event, Participation
from exhibitions.models import Exhibition, ExhibitionStop
from reports.data import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    TELEBRIDGE,
    ContestItem,
    EpisodeItem,
    EventItem,
    ExhibitionItem,
    StopItem,
)
from reports.queries import Period, contest_q, episode_q, event_q, kemerovo, stop_q


def _labels(choices) -> dict[str, str]:
    """Translated once: a lazy label per row would cost a gettext call per cell."""
    return {key: str(label) for key, label in choices.choices}


class Names:
    """Names of the libraries and agreements an activity refers to by id."""

    def __init__(self, libraries: dict[int, Library], agreements: dict[int, Agreement]):
        self.libraries = libraries
        self.agreements = agreements

    def library(self, pk: int | None) -> str:
        lib = self.libraries.get(pk)
        return lib.short_name if lib is not None else ""

    def partners(self, ids) -> list[str]:
        """The libraries other than the host, each once, in the order given."""
        names = []
        for pk in ids:
            lib = self.libraries.get(pk)
            if lib is not None and not lib.is_host and lib.short_name not in names:
                names.append(lib.short_name)
        return names

    def agreement(self, pk: int | None) -> str:
        a = self.agreements.get(pk)
        return str(a) if a is not None else ""


def listings(period: Period, libraries: dict[int, Library], agreements: dict[int, Agreement]) -> dict[str, list]:
    """The activities of each direction (by direction key), in the order the report lists them."""
    names = Names(libraries, agreements)
    events, telebridges = event_items(period, names)
    return {
        DIRECTION_EVENTS: events,
        DIRECTION_TELEBRIDGES: telebridges,
        DIRECTION_EXHIBITIONS: exhibition_items(period, names),
        DIRECTION_CONTESTS: contest_items(period, names),
        DIRECTION_PROJECTS: episode_items(period, names),
    }


# --------------------------------------------------------------------------------------------
# Events (two queries)
# --------------------------------------------------------------------------------------------


def _event_sites(period: Period) -> dict[int, list[int]]:
    sites: dict[int, list[int]] = defaultdict(list)
    for event_id, lib_id in (
        Participation.objects.filter(event_q(period, "event__"))
        .order_by("event_id", "pk")
        .values_list("event_id", "library_id")
    ):
        sites[event_id].append(lib_id)
    return sites


def event_items(period: Period, names: Names) -> tuple[list[EventItem], list[EventItem]]:
    """The events of the year, then the telebridges, by start."""
    tz = kemerovo()
    sites = _event_sites(period)
    kinds, formats, scopes = _labels(Event.Kind), _labels(Event.Format), _labels(Scope)
    targets, venues = _labels(Event.TargetGroup), _labels(Event.Venue)
    events, telebridges = [], []
    for e in (
        Event.objects.filter(event_q(period))
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
            kind_label=kinds.get(kind, kind),
            format_label=formats.get(fmt, fmt),
            scope_label=scopes.get(scope, scope),
            target_group_label=targets.get(target, target),
            venue_label=venues.get(venue, venue),
            organiser=names.library(org),
            partners=names.partners([org, *sites.get(pk, []), agr_partner]),
            agreement=names.agreement(agr),
            participants=count,
            is_draft=not published,
        )
        (telebridges if kind == TELEBRIDGE else events).append(item)
    return events, telebridges


# --------------------------------------------------------------------------------------------
# Exhibitions (two queries)
# --------------------------------------------------------------------------------------------


def _stops(period: Period, names: Names) -> tuple[dict[int, list[StopItem]], dict[int, list[int]]]:
    """Every stop of the exhibitions shown in the year (those of other years too), and their venues' ids."""
    stops: dict[int, list[StopItem]] = defaultdict(list)
    venues: dict[int, list[int]] = defaultdict(list)
    for ex_id, venue, starts_on, ends_on, visitors, excursions in (
        ExhibitionStop.objects.filter(exhibition__in=Exhibition.objects.filter(stop_q(period, "stops__")))
        .order_by("exhibition_id", "starts_on", "pk")
        .values_list("exhibition_id", "venue_id", "starts_on", "ends_on", "visitors", "excursions")
    ):
        stops[ex_id].append(StopItem(names.library(venue), starts_on, ends_on, visitors, excursions))
        venues[ex_id].append(venue)
    return stops, venues


def exhibition_items(period: Period, names: Names) -> list[ExhibitionItem]:
    """Exhibitions with a stop open in the year, by their first day in it; visitors of the stops opened in it."""
    stops, venues = _stops(period, names)
    kinds = _labels(Exhibition.Kind)
    exhibitions = []
    for pk, title, kind, provider, agr, agr_partner, published in (
        Exhibition.objects.filter(stop_q(period, "stops__"))
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
                kind_label=kinds.get(kind, kind),
                provider=names.library(provider),
                partners=names.partners([provider, *venues[pk], agr_partner]),
                agreement=names.agreement(agr),
                first_day=max(min(s.starts_on for s in in_year), period.first_day),
                last_day=min(max(s.ends_on for s in in_year), period.last_day),
                stops=in_year,
                visitors=sum(s.visitors or 0 for s in opened),
                excursions=sum(s.excursions or 0 for s in opened),
                is_draft=not published,
            )
        )
    exhibitions.sort(key=lambda x: (x.first_day, x.title))
    return exhibitions


# --------------------------------------------------------------------------------------------
# Contests (two queries)
# --------------------------------------------------------------------------------------------


def _curators(period: Period) -> dict[int, list[int]]:
    curators: dict[int, list[int]] = defaultdict(list)
    for contest_id, lib_id in (
        Curator.objects.filter(contest_q(period, "contest__")).order_by("pk").values_list("contest_id", "library_id")
    ):
        curators[contest_id].append(lib_id)
    return curators


def _contest_rows(period: Period):
    """Contests of the year with their entries counted (numbers only, no participants' names)."""
    return (
        Contest.objects.filter(contest_q(period))
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
    )


def contest_items(period: Period, names: Names) -> list[ContestItem]:
    """Contests running or announcing results in the year, by their first day in it."""
    curators = _curators(period)
    scopes = _labels(Scope)
    contests = []
    for row in _contest_rows(period):
        pk, title, org, agr, agr_partner, scope, s_from, s_until, results, *counts, published = row
        n, ours, winners, laureates, finalists = counts
        contests.append(
            ContestItem(
                id=pk,
                title=title,
                organiser=names.library(org),
                partners=names.partners([org, *curators[pk], agr_partner]),
                agreement=names.agreement(agr),
                scope_label=scopes.get(scope, scope),
                submissions_from=s_from,
                submissions_until=s_until,
                results_on=results,
                first_day=_contest_first_day(s_from, s_until, results, period),
                entries=n,
                from_our_region=ours,
                winners=winners,
                laureates=laureates,
                finalists=finalists,
                is_draft=not published,
            )
        )
    contests.sort(key=lambda x: (x.first_day, x.title))
    return contests


def _contest_first_day(s_from, s_until, results, period: Period) -> datetime.date:
    """The first day of the year on which a contest is running (taking entries) or announces results."""
    opens, closes = s_from or s_until, s_until or s_from
    if opens is not None and opens <= period.last_day and closes >= period.first_day:
        return max(opens, period.first_day)
    if results is not None and period.first_day <= results <= period.last_day:
        return results
    return period.first_day


# --------------------------------------------------------------------------------------------
# Project episodes (one query)
# --------------------------------------------------------------------------------------------


def episode_items(period: Period, names: Names) -> list[EpisodeItem]:
    """Episodes published in the year, by publication day."""
    return [
        EpisodeItem(
            id=pk,
            project=project,
            number=number,
            title=title,
            tradition=tradition,
            library=names.library(lib),
            partners=names.partners([lib, agr_partner]),
            agreement=names.agreement(agr),
            published_on=published_on,
            is_draft=not published,
        )
        for pk, project, number, title, tradition, lib, agr, agr_partner, published_on, published in (
            Episode.objects.filter(episode_q(period))
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
