"""Generated guests and events, with the libraries taking part in each; the bulk of the data."""

from __future__ import annotations

import datetime
import time
from typing import TYPE_CHECKING

from core.vocabulary import AgeRating, Scope
from demo.generator.libraries import Partner
from demo.generator.pools import (
    AUDIENCE_AGE_RATINGS,
    AUDIENCE_TARGET_GROUPS,
    AUDIENCE_WEIGHTS,
    EVENT_KIND_WEIGHTS,
    FORMAT_WEIGHTS_2020,
    FORMAT_WEIGHTS_AFTER_2020,
    FORMAT_WEIGHTS_BEFORE_2020,
    PARTICIPANTS_PER_EVENT,
    PLACES,
    PREFIX,
    TOPICS,
    person_name,
    weighted,
)
from demo.generator.writing import BATCH_SIZE, insert_rows
from events.models import Event, Participation, Person

if TYPE_CHECKING:
    from demo.generator.core import Generator

EVENT_CHUNK = 5000  # events built, written and forgotten at a time, so memory stays flat
TELEBRIDGE_LIKE = {Event.Kind.TELEBRIDGE, Event.Kind.CREATIVE_MEETING, Event.Kind.PRESENTATION}
ROLES_OTHER = [Participation.Role.PARTICIPANT, Participation.Role.CO_ORGANISER]

# One library taking part in an event: (library, role, participants counted there).
Site = tuple[Partner, str, int | None]


def create_guests(gen: Generator) -> list[int]:
    occupations = ["писатель", "поэт", "иллюстратор", "детский писатель", "краевед"]
    rows = []
    for i in range(30):
        country, _region, city, *_rest = gen.rng.choice(PLACES)
        rows.append(
            Person(
                full_name=person_name(gen.rng),
                slug=f"{PREFIX}person-{i + 1:03d}",
                occupation=gen.rng.choice(occupations),
                place=f"{city}, {'Казахстан' if country == 'KZ' else 'Россия'}",
            )
        )
    Person.objects.bulk_create(rows, batch_size=BATCH_SIZE)
    return [row.pk for row in rows]


def create_events(gen: Generator) -> None:
    builder = EventBuilder(gen)
    for chunk_start in range(0, gen.n_events, EVENT_CHUNK):
        chunk_end = min(chunk_start + EVENT_CHUNK, gen.n_events)
        chunk_started = time.perf_counter()
        events, sites = [], []
        for i in range(chunk_start, chunk_end):
            event, event_sites = builder.build(i)
            events.append(event)
            sites.append(event_sites)
        built = time.perf_counter()
        written, linked, done = write_events(gen, events, sites)
        gen.log(
            f"events: {chunk_end}/{gen.n_events} (build {built - chunk_started:.1f} s, "
            f"write events {written - built:.1f} s, build links {linked - written:.1f} s, "
            f"write links {done - linked:.1f} s)"
        )


def write_events(gen: Generator, events: list[dict], sites: list[list[Site]]) -> tuple[float, float, float]:
    """Write one chunk of events with their sites and guests; when the events, links were built, all written."""
    rng = gen.rng
    event_ids = insert_rows(Event, events)
    written = time.perf_counter()

    participations, guest_links = [], []
    for event_id, event, event_sites in zip(event_ids, events, sites, strict=True):
        for site, role, count in event_sites:
            participations.append(
                {"event_id": event_id, "library_id": site.pk, "role": role, "participants_count": count}
            )
        if event["kind"] in TELEBRIDGE_LIKE and rng.random() < 0.6:
            for person_id in rng.sample(gen.guests, rng.randint(1, 2)):
                guest_links.append({"event_id": event_id, "person_id": person_id})
    linked = time.perf_counter()
    insert_rows(Participation, participations, ids=False)
    insert_rows(Event.guests.through, guest_links, ids=False)
    done = time.perf_counter()
    gen.counts["events"] += len(events)
    gen.counts["drafts"] += sum(1 for event in events if not event["is_published"])
    gen.counts["participations"] += len(participations)
    return written, linked, done


def walk_venue(fmt: str, i: int) -> str:
    """A 6-НК place the format allows (online and correspondence events are remote), varied along the walk."""
    if fmt in ("online", "correspondence"):
        return "remote"
    return ("in_library", "off_site")[i % 2]


class EventBuilder:
    """Draws one event at a time; the order of the draws is what makes a seed reproducible."""

    def __init__(self, gen: Generator):
        self.gen = gen
        self.rng = gen.rng
        self.kinds = [str(kind) for kind in EVENT_KIND_WEIGHTS]
        self.kind_weights = list(EVENT_KIND_WEIGHTS.values())
        self.kind_labels = {kind: str(Event.Kind(kind).label) for kind in self.kinds}
        self.audiences, self.audience_weights = list(AUDIENCE_WEIGHTS), list(AUDIENCE_WEIGHTS.values())
        self.all_values = {  # the first rows walk through every choice so even tiny data sets have each value
            "kind": self.kinds,
            "format": Event.Format.values,
            "scope": Scope.values,
            "audience": Event.Audience.values,
            "age_rating": AgeRating.values,
            "target_group": Event.TargetGroup.values,
        }
        self.width = max(6, len(str(gen.n_events)))

    def build(self, i: int) -> tuple[dict, list[Site]]:
        """The i-th event as {attname: value}, and its sites."""
        rng = self.rng
        day = self.gen.random_day()
        kind = rng.choices(self.kinds, weights=self.kind_weights)[0]
        fmt, audience, age_rating, target_group, venue = self.draw_format_and_audience(day)
        organiser, others = self.draw_sites(day, kind)
        scope = (
            "international"
            if any(p.country == "KZ" for p in (organiser, *others))
            else "regional"
            if rng.random() < 0.08
            else "interregional"
        )
        day, starts_at = self.draw_start(day, organiser)
        minutes = self.draw_minutes(kind)
        values = {
            "kind": kind,
            "format": fmt,
            "scope": scope,
            "audience": audience,
            "age_rating": age_rating,
            "target_group": target_group,
            "venue": venue,
        }
        if i < 12:
            values = {field: choices[i % len(choices)] for field, choices in self.all_values.items()}
            values["venue"] = walk_venue(values["format"], i)
            kind = values["kind"]

        with_counts = rng.random() > 0.03
        big = 400 if values["format"] in ("online", "hybrid") else 120
        event_sites = [(organiser, Participation.Role.ORGANISER)] + [
            (other, Participation.Role.SITE if kind == Event.Kind.TELEBRIDGE else rng.choice(ROLES_OTHER))
            for other in others
        ]
        site_counts = [rng.randint(8, big) if with_counts else None for _s in event_sites]
        slug = f"{PREFIX}event-{i + 1:0{self.width}d}"
        online = values["format"] in ("online", "hybrid")
        event = dict(
            title=f"{self.kind_labels[kind].capitalize()} «{rng.choice(TOPICS)}»",
            slug=slug,
            organiser_id=organiser.pk,
            starts_at=starts_at,
            ends_at=starts_at + datetime.timedelta(minutes=minutes),
            description=f"Совместное мероприятие: {len(event_sites)} библиотек(и).",
            online_url=f"https://example.org/live/{slug}" if online else "",
            location="" if online else f"{organiser.city}",
            participants_count=sum(site_counts) if with_counts else None,
            is_published=rng.random() >= 0.05,
            **values,
        )
        return event, [(site, role, count) for (site, role), count in zip(event_sites, site_counts, strict=True)]

    def draw_format_and_audience(self, day: datetime.date) -> tuple[str, str, str, str, str]:
        """Format (online grew sharply from 2020 on), audience with its age mark and 6-НК group, venue."""
        rng = self.rng
        year = day.year
        format_weights = (
            FORMAT_WEIGHTS_BEFORE_2020
            if year < 2020
            else FORMAT_WEIGHTS_2020
            if year == 2020
            else FORMAT_WEIGHTS_AFTER_2020
        )
        fmt = weighted(rng, format_weights)
        audience = rng.choices(self.audiences, weights=self.audience_weights)[0]
        age_rating = rng.choice(AUDIENCE_AGE_RATINGS[audience])
        target_group = rng.choice(AUDIENCE_TARGET_GROUPS[audience])
        if fmt == "online":
            venue = "remote"
        elif fmt == "offline":
            venue = "in_library" if rng.random() < 0.8 else "off_site"
        elif fmt == "hybrid":
            venue = rng.choice(["in_library", "off_site"])
        else:
            venue = "remote"
        return fmt, audience, age_rating, target_group, venue

    def draw_sites(self, day: datetime.date, kind: str) -> tuple[Partner, list[Partner]]:
        """Who takes part: the organiser, often us, and partners active on that day."""
        rng, host = self.rng, self.gen.host
        size = rng.choices(*PARTICIPANTS_PER_EVENT)[0]
        if kind == Event.Kind.TELEBRIDGE:
            size = max(size, 2)
        if rng.random() < 0.55:
            return host, self.gen.pick_partners(day, size - 1)
        partners = self.gen.pick_partners(day, 1)
        organiser = partners[0] if partners else host
        if size == 1:
            return organiser, []
        others = ([host] if organiser is not host and rng.random() < 0.85 else []) + self.gen.pick_partners(
            day, size - 1, exclude=organiser
        )
        return organiser, others[: size - 1]

    def draw_start(self, day: datetime.date, organiser: Partner) -> tuple[datetime.date, datetime.datetime]:
        """The day (which may move to New Year's Eve) and the start in the organiser's own time zone."""
        rng = self.rng
        if rng.random() < 0.002:  # a New Year's Eve evening in the organiser's own time zone
            day, hour, minute = datetime.date(day.year, 12, 31), 23, 30
        else:
            hour, minute = rng.randint(9, 18), rng.choice((0, 0, 30))
        return day, datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=organiser.tz)

    def draw_minutes(self, kind: str) -> int:
        rng = self.rng
        if kind == Event.Kind.CONFERENCE:
            return rng.choice([240, 360, 480, 1440, 1800])
        if kind == Event.Kind.STRATEGIC_SESSION:
            return rng.randint(3, 6) * 60
        return rng.choice([45, 60, 90, 120, 180])
