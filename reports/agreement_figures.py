"""The agreements section: where each agreement stands in the year and what held activities served it.

"Served" is the credit rule (agreements.models.credited_agreements, applied in reports/activities.py): each
partner that took part credits its agreement in force on the day, so a telebridge with two partners counts for
both. Dormant: in force on the report date for 12 months or more, and no held activity served it in the
twelve months up to that date. An agreement in force for less than 12 months is "new", never dormant.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from agreements.models import Agreement
from core.dates import MIN_YEAR, add_years
from reports.activities import Facts, KindFact
from reports.data import CONTEST, EPISODE, EXHIBITION, AgreementRow, AgreementsSection
from reports.queries import Period

if TYPE_CHECKING:
    from reports.report import Year


@dataclass
class AgreementActivity:
    """The held activities that served one agreement: in the year by kind, drafts, the twelve-month window."""

    events: int = 0
    exhibitions: int = 0
    contests: int = 0
    episodes: int = 0
    others: int = 0  # of the kinds that bring their own direction
    drafts: int = 0
    window: int = 0  # held in the twelve months up to the report date
    last: datetime.date | None = None  # the last held one's day, up to the report date, of the loaded years

    @property
    def total(self) -> int:
        return self.events + self.exhibitions + self.contests + self.episodes + self.others


_KIND_FIELD = {EXHIBITION: "exhibitions", CONTEST: "contests", EPISODE: "episodes"}


def agreement_activity(facts: Facts, y: Year) -> dict[int, AgreementActivity]:
    """Per agreement id: what served it in the year and in the window, from the credit of each held activity."""
    result: dict[int, AgreementActivity] = defaultdict(AgreementActivity)
    up_to = Period.for_days(datetime.date(MIN_YEAR, 1, 1), y.as_of)
    for a in facts.all():
        if not a.credit:
            continue
        in_year, in_window = a.held_in(y.period, y.today), a.held_in(y.window, y.today)
        last = a.last_day_upto(y.as_of) if a.held_in(up_to, y.today) else None
        if not (in_year or in_window):
            # Held before the window (the year before the report's is loaded too): only its day counts.
            for agreement_id in a.credit if last is not None else ():
                activity = result[agreement_id]
                activity.last = last if activity.last is None else max(activity.last, last)
            continue
        name = "others" if isinstance(a, KindFact) else _KIND_FIELD.get(a.group, "events")
        year_credit = a.credit_in(y.period) if in_year else frozenset()
        window_credit = a.credit_in(y.window) if in_window else frozenset()
        for agreement_id in year_credit | window_credit:
            activity = result[agreement_id]
            if agreement_id in year_credit:
                setattr(activity, name, getattr(activity, name) + 1)
                activity.drafts += not a.is_published
            activity.window += agreement_id in window_credit
            if last is not None and (activity.last is None or last > activity.last):
                activity.last = last
    return result


class _Standing(NamedTuple):
    """Where an agreement stands in the report's year."""

    in_force: bool  # on the report date
    signed: bool  # in the year
    terminated: bool  # in the year
    expired: bool  # in the year
    ended_before: bool  # terminated or expired before the year

    def listed(self, activity: AgreementActivity) -> bool:
        """An agreement that ended before the year and did nothing in it is left out."""
        took_part = self.in_force or self.signed or self.terminated or self.expired or activity.total > 0
        return took_part or not self.ended_before


def _standing(a: Agreement, period: Period, in_force: bool) -> _Standing:
    terminated_on = a.terminated_on if a.status == Agreement.Status.TERMINATED else None
    terminated = terminated_on is not None and period.has(terminated_on)
    terminated_before = terminated_on is not None and terminated_on < period.first_day
    expires = None if a.auto_prolongation else a.valid_until
    expired = (
        expires is not None
        and period.has(expires)
        and not terminated_before
        and not (terminated and terminated_on <= expires)
    )
    expired_before = expires is not None and expires < period.first_day
    return _Standing(
        in_force=in_force,
        signed=period.has(a.signed_on),
        terminated=terminated,
        expired=expired,
        ended_before=terminated_before or expired_before,
    )


def _expiring_next_year(a: Agreement, y: Year, in_force: bool) -> bool:
    if not in_force or a.auto_prolongation:
        return False
    end = a.current_end(y.as_of)
    return end is not None and Period.for_year(y.year + 1).has(end)


def in_force_since(a: Agreement) -> datetime.date:
    return max(a.signed_on, a.valid_from or a.signed_on)


def _row(a: Agreement, y: Year, standing: _Standing, activity: AgreementActivity) -> AgreementRow:
    state = a.state_on(y.as_of)
    since = in_force_since(a)
    new = standing.in_force and since > add_years(y.as_of, -1)
    return AgreementRow(
        id=a.pk,
        label=str(a),
        partner=a.partner.short_name,
        partner_country=a.partner.get_country_display(),
        partner_region=a.partner.region,
        number=a.number,
        title=str(a.title),
        signed_on=a.signed_on,
        valid_from=a.valid_from,
        valid_until=a.valid_until,
        auto_prolongation=a.auto_prolongation,
        terminated_on=a.terminated_on,
        state=state,
        state_label=str(Agreement.State(state).label),
        in_force=standing.in_force,
        signed_in_year=standing.signed,
        terminated_in_year=standing.terminated,
        expired_in_year=standing.expired,
        expiring_next_year=_expiring_next_year(a, y, standing.in_force),
        events=activity.events,
        exhibitions=activity.exhibitions,
        contests=activity.contests,
        episodes=activity.episodes,
        others=activity.others,
        activities=activity.total,
        drafts=activity.drafts,
        activities_last_12_months=activity.window,
        last_activity_on=activity.last,
        in_force_since=since,
        new=new,
        dormant=standing.in_force and not new and activity.window == 0,
        partner_full_name=a.partner.name,
        notes=a.notes,
    )


def agreements_section(agreements: list[Agreement], facts: Facts, y: Year) -> AgreementsSection:
    served = agreement_activity(facts, y)
    rows = []
    for a in agreements:
        if a.signed_on > y.period.last_day:
            continue
        standing = _standing(a, y.period, a.is_in_force_on(y.as_of))
        activity = served.get(a.pk) or AgreementActivity()
        if standing.listed(activity):
            rows.append(_row(a, y, standing, activity))
    rows.sort(key=lambda r: (not r.in_force, r.partner, r.signed_on))
    return AgreementsSection(
        as_of=y.as_of,
        rows=rows,
        in_force=sum(r.in_force for r in rows),
        signed=sum(r.signed_in_year for r in rows),
        terminated=sum(r.terminated_in_year for r in rows),
        expired=sum(r.expired_in_year for r in rows),
        expiring_next_year=sum(r.expiring_next_year for r in rows),
        dormant=sum(r.dormant for r in rows),
        new=sum(r.new for r in rows),
        no_end_date=sum(r.in_force and r.valid_until is None for r in rows),
    )
