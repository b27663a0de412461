"""What was done with a partner, or under an agreement: every answer built from the apps' public querysets."""

import datetime
from dataclasses import dataclass

from django.db.models import Count, F, Min, Value
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from agreements.models import credited_activities
from contests.models import Contest
from coopnet.templatetags.coopnet import choice_labels, url_builder
from events.models import Episode, Event
from exhibitions.models import Exhibition, ExhibitionStop

# Each kind of joint activity: the attribute its count goes to.
ACTIVITY_COUNTS = {
    "events_count": Event,
    "exhibitions_count": Exhibition,
    "contests_count": Contest,
    "episodes_count": Episode,
}


def _grouped_counts(name, model):
    """(name, library, count) rows of one kind, by who takes part (`taking_part()`, as `with_library()`): activities
    by their own library, and those a library took part in through a row without being the activity's own library
    (so each activity counts once)."""
    public = model.objects.public()
    part = public.taking_part()
    rows = [
        public.order_by()
        .filter(**{f"{part.own}__isnull": False})
        .values(library_ref=F(f"{part.own}_id"))
        .annotate(count=Count("pk"))
        .annotate(kind=Value(name))
        .values_list("kind", "library_ref", "count")
    ]
    if part.through is not None:
        rows.append(
            part.through.objects.order_by()
            .filter(**{f"{part.activity}__in": public.values("pk")})
            .exclude(**{f"{part.library}_id": F(f"{part.activity}__{part.own}_id")})
            .values(library_ref=F(f"{part.library}_id"))
            .annotate(count=Count(part.activity, distinct=part.repeats))
            .annotate(kind=Value(name))
            .values_list("kind", "library_ref", "count")
        )
    return rows


def activity_counts() -> dict[int, dict[str, int]]:
    """Each library's published joint activities of each kind, the rows `with_library()` selects, in one query:
    one GROUP BY per kind and role, joined by UNION ALL (a count per library would repeat the whole search for
    each library). Libraries without any are missing."""
    parts = [part for name, model in ACTIVITY_COUNTS.items() for part in _grouped_counts(name, model)]
    counts: dict[int, dict[str, int]] = {}
    for name, library_id, count in parts[0].union(*parts[1:], all=True):
        by_kind = counts.setdefault(library_id, dict.fromkeys(ACTIVITY_COUNTS, 0))
        by_kind[name] += count
    return counts


def with_activity_counts(libraries) -> list:
    """The libraries, each with its published joint activities of each kind (`events_count`, …), two queries."""
    counts = activity_counts()
    libraries = list(libraries)
    for library in libraries:
        for name, count in counts.get(library.pk, dict.fromkeys(ACTIVITY_COUNTS, 0)).items():
            setattr(library, name, count)
    return libraries


def activity_total(library) -> int:
    return sum(getattr(library, name) for name in ACTIVITY_COUNTS)


STATUS = ("status", "rescheduled_to")


@dataclass
class TimelineItem:
    kind: str
    role: str
    title: str
    url: str
    date: datetime.date | None
    end: datetime.date | None = None
    age_rating: str = ""
    status: str = ""
    rescheduled_to: datetime.date | None = None


def _event_items(library) -> list[TimelineItem]:
    events = (
        Event.objects.public()
        .with_library(library)
        .select_related(None)
        .only("title", "slug", "starts_at", "ends_at", "age_rating", "kind", "organiser", *STATUS)
    )
    kinds, address = choice_labels(Event.Kind.choices), url_builder("events:detail")
    kind, organiser, participant = _("мероприятие"), _("организатор"), _("участник")
    return [
        TimelineItem(
            kind=kind,
            role=organiser if event.organiser_id == library.pk else participant,
            title=f"{capfirst(kinds.get(event.kind, event.kind))}: {event.title}",
            url=address(event.slug),
            date=timezone.localdate(event.starts_at),
            age_rating=event.age_rating,
            status=event.status,
            rescheduled_to=event.rescheduled_to,
        )
        for event in events
    ]


def _exhibition_items(library) -> list[TimelineItem]:
    provided = (
        Exhibition.objects.public()
        .filter(provider=library)
        .annotate(first_day=Min("stops__starts_on"))
        .select_related(None)
        .only("title", "slug", "age_rating", "created_at", *STATUS)
    )
    items = [
        TimelineItem(
            kind=_("выставка"),
            role=_("предоставила выставку"),
            title=exhibition.title,
            url=exhibition.get_absolute_url(),
            date=exhibition.first_day or timezone.localdate(exhibition.created_at),
            age_rating=exhibition.age_rating,
            status=exhibition.status,
            rescheduled_to=exhibition.rescheduled_to,
        )
        for exhibition in provided
    ]
    stops = (
        ExhibitionStop.objects.public()
        .filter(venue=library)
        .select_related("exhibition")
        .only(
            "starts_on", "ends_on", "exhibition__title", "exhibition__slug", "exhibition__age_rating",
            *STATUS, *(f"exhibition__{name}" for name in STATUS),
        )
    )  # fmt: skip
    items += [
        TimelineItem(
            kind=_("выставка"),
            role=_("принимала выставку"),
            title=stop.exhibition.title,
            url=stop.exhibition.get_absolute_url(),
            date=stop.starts_on,
            end=stop.ends_on,
            age_rating=stop.exhibition.age_rating,
            # A stop stands as its exhibition when that was called off as a whole.
            status=stop.stands_as.status,
            rescheduled_to=stop.stands_as.rescheduled_to,
        )
        for stop in stops
    ]
    return items


def _contest_items(library) -> list[TimelineItem]:
    contests = (
        Contest.objects.public()
        .with_library(library)
        .only(
            "title", "slug", "organiser", "submissions_from", "submissions_until", "results_on", "age_rating",
            "created_at", *STATUS,
        )
    )  # fmt: skip
    return [
        TimelineItem(
            kind=_("конкурс"),
            role=_("организатор") if contest.organiser_id == library.pk else _("региональный куратор"),
            title=contest.title,
            url=contest.get_absolute_url(),
            date=contest.submissions_from
            or contest.submissions_until
            or contest.results_on
            or timezone.localdate(contest.created_at),
            end=contest.results_on or contest.submissions_until,
            age_rating=contest.age_rating,
            status=contest.status,
            rescheduled_to=contest.rescheduled_to,
        )
        for contest in contests
    ]


def _episode_items(library) -> list[TimelineItem]:
    episodes = (
        Episode.objects.public()
        .with_library(library)
        .select_related(None)
        .select_related("project")
        .only("number", "title", "published_on", "project__title", "project__slug", "project__age_rating", *STATUS)
    )
    return [
        TimelineItem(
            kind=_("выпуск проекта"),
            role=_("подготовила выпуск"),
            title=_("«%(project)s», выпуск № %(number)s: %(title)s")
            % {"project": episode.project.title, "number": episode.number, "title": episode.title},
            url=episode.project.get_absolute_url(),
            date=episode.published_on,
            age_rating=episode.project.age_rating,
            status=episode.status,
            rescheduled_to=episode.rescheduled_to,
        )
        for episode in episodes
    ]


def partner_timeline(library) -> list[TimelineItem]:
    """Everything published that a library did with us, newest first."""
    items = _event_items(library) + _exhibition_items(library) + _contest_items(library) + _episode_items(library)
    items.sort(key=lambda item: item.date or datetime.date.min, reverse=True)
    return items


@dataclass
class AgreementActivity:
    events: list
    exhibitions: list
    contests: list
    episodes: list

    @property
    def count(self) -> int:
        return len(self.events) + len(self.exhibitions) + len(self.contests) + len(self.episodes)


def under_agreement(agreement) -> AgreementActivity:
    """The published activities that serve an agreement, by the credit rule's one path
    (`agreements.models.credited_activities`): where its partner took part while it was in force, and where
    staff credited it by hand."""
    public = {
        Event: Event.objects.public().order_by("-starts_at"),
        Exhibition: Exhibition.objects.public()
        .annotate(first_day=Min("stops__starts_on"))
        .order_by("-first_day", "title"),
        Contest: Contest.objects.public().order_by("-submissions_from"),
        Episode: Episode.objects.public().order_by("-published_on", "number"),
    }
    served = credited_activities([agreement], within=public.get)[agreement.pk]
    return AgreementActivity(*([row for row in served if isinstance(row, model)] for model in public))
