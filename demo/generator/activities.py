"""Generated exhibitions with their routes, contests with curators and entries, video projects with episodes."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from contests.models import Contest, Curator, Entry, Nomination
from core.vocabulary import AgeRating, Scope
from demo.generator.pools import (
    ENTRY_RESULT_WEIGHTS,
    EXHIBITION_KIND_WEIGHTS,
    PREFIX,
    TOPICS,
    TRADITIONS,
    person_name,
)
from demo.generator.writing import BATCH_SIZE
from events.models import Episode, Project
from exhibitions.models import Exhibition, ExhibitionStop

if TYPE_CHECKING:
    from demo.generator.core import Generator


def create_exhibitions(gen: Generator) -> None:
    rng = gen.rng
    count = max(1, gen.n_events // 100)
    kinds, kind_weights = list(EXHIBITION_KIND_WEIGHTS), list(EXHIBITION_KIND_WEIGHTS.values())
    exhibitions, routes, answers = [], [], []
    for i in range(count):
        day = gen.random_day()
        kind = kinds[i] if i < len(kinds) else rng.choices(kinds, weights=kind_weights)[0]
        provider = gen.some_partner(day) if rng.random() < 0.6 else gen.host
        if kind == "exchange" and provider is gen.host:
            provider = gen.some_partner(day)
        topic = rng.choice(TOPICS)
        exhibitions.append(
            Exhibition(
                title=f"Выставка «{topic}»",
                slug=f"{PREFIX}exhibition-{i + 1:05d}",
                kind=kind,
                provider_id=provider.pk,
                items_count=rng.randint(20, 300),
                age_rating=rng.choice(AgeRating.values),
                description=f"Выставка из фонда библиотеки ({provider.city}).",
                is_published=rng.random() >= 0.05,
            )
        )
        # A route of stops, one after another; an exchange goes to us, a travelling one tours.
        stops = rng.randint(3, 6) if kind == "travelling" else rng.randint(1, 2)
        route, start = [], day
        for n in range(stops):
            venue = gen.host if n == 0 or kind == "exchange" else rng.choice(gen.libraries)
            end = start + datetime.timedelta(days=rng.randint(14, 60))
            route.append((venue, start, end))
            start = end + datetime.timedelta(days=rng.randint(0, 14))
        routes.append(route)
        if kind == "exchange":
            answers.append((i, provider, day))
    Exhibition.objects.bulk_create(exhibitions, batch_size=BATCH_SIZE)

    # The other half of each exchange: what we sent the partner in return.
    counterparts = []
    for n, (i, partner, day) in enumerate(answers):
        counterparts.append(
            Exhibition(
                title=f"Выставка «{rng.choice(TOPICS)}» (ответная)",
                slug=f"{PREFIX}exhibition-answer-{n + 1:05d}",
                kind="exchange",
                provider_id=gen.host.pk,
                counterpart_id=exhibitions[i].pk,
                items_count=rng.randint(20, 200),
                age_rating="0+",
                is_published=rng.random() >= 0.05,
            )
        )
        routes.append([(partner, day, day + datetime.timedelta(days=rng.randint(20, 60)))])
    Exhibition.objects.bulk_create(counterparts, batch_size=BATCH_SIZE)

    stops = [
        ExhibitionStop(
            exhibition_id=exhibition.pk,
            venue_id=venue.pk,
            starts_on=start,
            ends_on=end,
            visitors=rng.randint(40, 2500) if rng.random() > 0.05 else None,
            excursions=rng.randint(0, 40) if rng.random() > 0.1 else None,
        )
        for exhibition, route in zip([*exhibitions, *counterparts], routes, strict=True)
        for venue, start, end in route
    ]
    ExhibitionStop.objects.bulk_create(stops, batch_size=BATCH_SIZE)
    gen.counts["exhibitions"] = len(exhibitions) + len(counterparts)
    gen.counts["stops"] = len(stops)
    gen.log(f"exhibitions: {gen.counts['exhibitions']}")


def create_contests(gen: Generator) -> None:
    rng = gen.rng
    count = max(1, gen.n_events // 500)
    age_ranges = [(6, 10), (7, 14), (10, 18), (12, 17), (14, 30), (7, 18)]
    nomination_sets = [
        "Рисунок\nСочинение\nВидеоролик",
        "Стихотворение\nЭссе",
        "Иллюстрация к книге\nКомикс",
        "Буктрейлер\nФотография\nПоделка",
    ]
    contests, plans = [], []
    for i in range(count):
        day = gen.random_day()
        organiser = gen.host if rng.random() < 0.6 else gen.some_partner(day)
        age_min, age_max = rng.choice(age_ranges)
        until = day + datetime.timedelta(days=rng.randint(30, 90))
        nominations = rng.choice(nomination_sets)
        theme = rng.choice(TOPICS)
        contests.append(
            Contest(
                title=f"Конкурс детского и молодёжного творчества «{theme}»",
                slug=f"{PREFIX}contest-{i + 1:05d}",
                organiser_id=organiser.pk,
                theme=theme,
                scope=rng.choice(Scope.values),
                is_online=rng.random() < (0.7 if day.year >= 2020 else 0.3),
                age_min=age_min,
                age_max=age_max,
                age_groups=f"{age_min}–{age_max} лет",
                submissions_from=day,
                submissions_until=until,
                results_on=until + datetime.timedelta(days=rng.randint(7, 30)),
                age_rating=rng.choice(["0+", "6+", "12+"]),
                is_published=rng.random() >= 0.05,
            )
        )
        curators = [gen.host, *gen.pick_partners(day, rng.randint(1, 4))]
        plans.append((curators, nominations.splitlines(), age_min, age_max))
    Contest.objects.bulk_create(contests, batch_size=BATCH_SIZE)
    nomination_rows = [
        Nomination(contest_id=contest.pk, name=name, position=position)
        for contest, (_curators, names, _min, _max) in zip(contests, plans, strict=True)
        for position, name in enumerate(names, start=1)
    ]
    Nomination.objects.bulk_create(nomination_rows, batch_size=BATCH_SIZE)
    nominations_of = {}
    for row in nomination_rows:
        nominations_of.setdefault(row.contest_id, []).append(row.pk)

    curator_rows, entries = [], []
    results, result_weights = list(ENTRY_RESULT_WEIGHTS), list(ENTRY_RESULT_WEIGHTS.values())
    for contest, (curators, _names, age_min, age_max) in zip(contests, plans, strict=True):
        for library in curators:
            curator_rows.append(Curator(contest_id=contest.pk, library_id=library.pk, region=library.region))
        for n in range(rng.randint(10, 60)):
            curator = rng.choice(curators)
            result = results[n] if n < len(results) else rng.choices(results, weights=result_weights)[0]
            entries.append(
                Entry(
                    contest_id=contest.pk,
                    entrant_name=person_name(rng),
                    age=rng.randint(age_min, age_max),
                    locality=curator.city,
                    school=f"Школа № {rng.randint(1, 120)}",
                    curator_id=curator.pk if rng.random() > 0.1 else None,
                    work_title=f"«{rng.choice(TOPICS)}»",
                    nomination_id=rng.choice(nominations_of[contest.pk]),
                    result=result,
                    place=_place(rng, result),
                    public_consent=rng.random() < 0.7,
                )
            )
    Curator.objects.bulk_create(curator_rows, batch_size=BATCH_SIZE)
    Entry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
    gen.counts["contests"] = len(contests)
    gen.counts["entries"] = len(entries)
    gen.log(f"contests: {len(contests)}")


def _place(rng, result: str) -> int | None:
    """Most winners are placed first; prize-winners second or third."""
    if result == "winner":
        return 1 if rng.random() < 0.9 else None
    return rng.randint(2, 3) if result == "prize_winner" else None


def create_projects(gen: Generator) -> None:
    rng = gen.rng
    count = max(1, gen.n_events // 20_000)
    projects, plans = [], []
    for i in range(count):
        started = gen.random_day()
        projects.append(
            Project(
                title=f"Видеопроект «{rng.choice(['Сказки народов', 'Голоса земляков', 'Читаем о родном крае'])}» "
                f"№ {i + 1}",
                slug=f"{PREFIX}project-{i + 1:03d}",
                organiser_id=gen.host.pk,
                started_on=started,
                description="Просветительский видеопроект с выпусками от библиотек-партнёров.",
                url=f"https://example.org/projects/{PREFIX}project-{i + 1:03d}",
                age_rating="0+",
                is_published=rng.random() >= 0.05,
            )
        )
        plans.append(started)
    Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)
    episodes = []
    for project, started in zip(projects, plans, strict=True):
        day = started
        for number in range(1, rng.randint(10, 40) + 1):
            day = min(day + datetime.timedelta(days=rng.randint(7, 45)), gen.last_day)
            library = gen.host if rng.random() < 0.6 else gen.some_partner(day)
            episodes.append(
                Episode(
                    project_id=project.pk,
                    number=number,
                    title=f"Выпуск {number}: {rng.choice(TOPICS)}",
                    tradition=rng.choice(TRADITIONS),
                    library_id=library.pk,
                    video_url=f"https://example.org/video/{project.slug}-{number}",
                    published_on=day,
                    is_published=rng.random() >= 0.05,
                )
            )
    Episode.objects.bulk_create(episodes, batch_size=BATCH_SIZE)
    gen.counts["projects"] = len(projects)
    gen.counts["episodes"] = len(episodes)
    gen.log(f"projects: {len(projects)}")
