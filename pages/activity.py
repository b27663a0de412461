"""What was done with a partner, or under an agreement: every answer asked of the registered kinds (`core.kinds`)."""

import datetime

from django.db.models import Count, F, Value

from agreements.models import credited_activities
from core import kinds
from core.kinds import ListedBlock, TimelineItem


def _count_name(kind) -> str:
    return f"{kind.key}_count"


def _grouped_counts(kind):
    """(kind, library, count) rows of one kind, by who takes part (`taking_part()`, as `with_library()`): activities
    by their own library, and those a library took part in through a row without being the activity's own library
    (so each activity counts once)."""
    public = kind.model.objects.public()
    part = public.taking_part()
    rows = [
        public.order_by()
        .filter(**{f"{part.own}__isnull": False})
        .values(library_ref=F(f"{part.own}_id"))
        .annotate(count=Count("pk"))
        .annotate(kind=Value(kind.key))
        .values_list("kind", "library_ref", "count")
    ]
    if part.through is not None:
        rows.append(
            part.through.objects.order_by()
            .filter(**{f"{part.activity}__in": public.values("pk")})
            .exclude(**{f"{part.library}_id": F(f"{part.activity}__{part.own}_id")})
            .values(library_ref=F(f"{part.library}_id"))
            .annotate(count=Count(part.activity, distinct=part.repeats))
            .annotate(kind=Value(kind.key))
            .values_list("kind", "library_ref", "count")
        )
    return rows


def activity_counts() -> dict[int, dict[str, int]]:
    """Each library's published joint activities of each kind (by kind key), the rows `with_library()` selects, in
    one query: one GROUP BY per kind and role, joined by UNION ALL (a count per library would repeat the whole
    search for each library). Libraries without any are missing."""
    keys = [kind.key for kind in kinds.kinds()]
    parts = [part for kind in kinds.kinds() for part in _grouped_counts(kind)]
    counts: dict[int, dict[str, int]] = {}
    if not parts:
        return counts
    for key, library_id, count in parts[0].union(*parts[1:], all=True):
        by_kind = counts.setdefault(library_id, dict.fromkeys(keys, 0))
        by_kind[key] += count
    return counts


def with_activity_counts(libraries) -> list:
    """The libraries, each with its published joint activities of each kind (`events_count`, …, one attribute per
    registered kind) and their sum (`activity_count`), in two queries."""
    counts = activity_counts()
    empty = {kind.key: 0 for kind in kinds.kinds()}
    libraries = list(libraries)
    for library in libraries:
        by_kind = counts.get(library.pk, empty)
        for kind in kinds.kinds():
            setattr(library, _count_name(kind), by_kind.get(kind.key, 0))
        library.activity_count = sum(by_kind.values())
    return libraries


def partner_timeline(library) -> list[TimelineItem]:
    """Everything published that a library did with us, newest first."""
    items = [item for kind in kinds.kinds() for item in kind.timeline(library)]
    items.sort(key=lambda item: item.date or datetime.date.min, reverse=True)
    return items


def under_agreement(agreement) -> list[ListedBlock]:
    """The published activities that serve an agreement, kind by kind: where its partner took part while it was in
    force, and where staff credited it by hand (the one credit path, `agreements.models.credited_activities`)."""
    within = {kind.model: kind.agreement_queryset() for kind in kinds.kinds()}
    rows = credited_activities([agreement], within=within.get)[agreement.pk]
    blocks = []
    for kind in kinds.kinds():
        items = [kind.agreement_item(row) for row in rows if isinstance(row, kind.model)]
        blocks.append(ListedBlock(kind.title, items))
    return blocks
