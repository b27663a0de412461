"""Where the activities of the year stand: held, planned (still ahead), awaiting confirmation, cancelled, postponed.

Only held ones are counted anywhere else in the report. The others are counted here, and each one not held is
named, so a manager sees the gaps in the data (a planned activity whose date has passed) before sending figures on.
"""

from __future__ import annotations

import datetime

from django.utils.translation import gettext as _

from agreements.models import Library
from core.models import STATUS_ORDER, Status, status_label
from reports.activities import AWAITING, HELD, PLANNED, ExhibitionFact, Facts, stop_status
from reports.data import TABLE_ORDER, Direction, StatusItem, StatusRow, StatusSection
from reports.queries import Period

_ITEM_ORDER = {status: i for i, status in enumerate(STATUS_ORDER)}


def _stop_detail(a: ExhibitionFact, p: Period, today: datetime.date, libraries: dict[int, Library]) -> str:
    """An exhibition's stops in the period awaiting confirmation, by venue and dates."""
    waiting = [s for s in a.stops_in(p) if stop_status(s, today) == AWAITING]
    return "; ".join(
        _("площадка «%(venue)s», %(first)s–%(last)s ждёт подтверждения")
        % {
            "venue": libraries[s.venue_id].short_name if s.venue_id in libraries else "",
            "first": s.starts_on.strftime("%d.%m.%Y"),
            "last": s.ends_on.strftime("%d.%m.%Y"),
        }
        for s in waiting
    )


def status_section(
    facts: Facts, p: Period, today: datetime.date, libraries: dict[int, Library], extra: list[Direction] = ()
) -> StatusSection:
    """`extra`: the kinds' own directions the report shows (those with an activity in the period)."""
    order = (*TABLE_ORDER, *extra)
    counts = {d.key: dict.fromkeys(STATUS_ORDER, 0) for d in order}
    items = []
    for a in facts.all():
        if not a.in_period(p):
            continue
        status = a.status_in(p, today)
        counts[a.direction][status] += 1
        detail = _stop_detail(a, p, today, libraries) if isinstance(a, ExhibitionFact) else ""
        if status != HELD or detail:
            shown = AWAITING if detail and status == HELD else status
            items.append(StatusItem(a.direction, a.title, a.first_day_in(p), shown, status_label(shown), detail))
    items.sort(key=lambda i: (_ITEM_ORDER[i.status], i.day, i.title))
    rows = [
        StatusRow(
            key=d.key,
            label=str(d.short),
            held=counts[d.key][HELD],
            planned=counts[d.key][PLANNED],
            awaiting=counts[d.key][AWAITING],
            cancelled=counts[d.key][Status.CANCELLED.value],
            postponed=counts[d.key][Status.POSTPONED.value],
        )
        for d in order
    ]
    return StatusSection(rows=rows, items=items)
