"""An agreement's life as a list of dated items, for its admin page: signing, each term and prolongation, each
supplementary agreement, the termination, and the held activities credited to it.

Plain data, so a test can read it. The activities come from the registry of joint activity models and the one
credit rule (`credited_activities`), never from an activity app imported here.
"""

import copy
import datetime
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .models import Agreement, Term, credited_activities


class ItemKind:
    SIGNED = "signed"
    TERM = "term"
    AMENDMENT = "amendment"
    NOTICE = "notice"
    NOTICE_DEADLINE = "notice_deadline"
    TERMINATION = "termination"
    ACTIVITY = "activity"


# Items of one day are told in this order: the signing before its first term, an activity after a change.
_ORDER = [
    ItemKind.SIGNED,
    ItemKind.TERM,
    ItemKind.AMENDMENT,
    ItemKind.NOTICE,
    ItemKind.TERMINATION,
    ItemKind.NOTICE_DEADLINE,
]


@dataclass(frozen=True)
class TimelineItem:
    day: datetime.date | None
    kind: str
    title: str
    details: str = ""
    url: str = ""
    status: str = ""
    end: datetime.date | None = None

    @property
    def sort_key(self) -> tuple:
        order = _ORDER.index(self.kind) if self.kind in _ORDER else len(_ORDER)
        return (self.day is None, self.day or datetime.date.min, order)


def _ru(day: datetime.date | None) -> str:
    return day.strftime("%d.%m.%Y") if day else ""


def _until(end: datetime.date | None) -> str:
    if end is None:
        return _("бессрочно")
    if end == datetime.date.max:
        return _("без срока окончания")
    return _("до %(end)s") % {"end": _ru(end)}


def _term_item(term: Term) -> TimelineItem:
    details = _until(term.end)
    if term.cut_short:
        details += "; " + _("прекращён расторжением")
    return TimelineItem(term.start, ItemKind.TERM, capfirst(term.get_kind_display()), details, end=term.end)


def _terms(agreement: Agreement, today: datetime.date, amendments) -> list[Term]:
    """The terms as they ran: up to the first amendment that changed the end, those of the end the agreement was
    signed with (its original term is kept); after it, the prolongations of the end the amendments set. The
    amendments themselves are told once, by their own items, each with the end it replaced."""
    terms = agreement.terms(today, amendments=amendments)
    changes = agreement.end_changes(amendments)
    if not terms or terms[0].kind != Term.Kind.AMENDED or not changes:
        return terms
    first_change = changes[0][0]
    signed = copy.copy(agreement)
    signed.valid_until = changes[0][1]
    before = signed.terms(min(today, first_change.signed_on), amendments=[])
    return before + terms[1:]


def _amendment_item(amendment, replaced: datetime.date | None = None, changes_end: bool = False) -> TimelineItem:
    changes = []
    if amendment.new_valid_until:
        new_end = _("новый срок — до %(date)s") % {"date": _ru(amendment.new_valid_until)}
        if changes_end:
            was = _("прежний — %(until)s") % {"until": _until(replaced)}
            new_end = f"{new_end} ({was})"
        changes.append(new_end)
    added = [direction.name for direction in amendment.directions_added.all()]
    removed = [direction.name for direction in amendment.directions_removed.all()]
    if added:
        said = _("добавлено направление: %(names)s") if len(added) == 1 else _("добавлены направления: %(names)s")
        changes.append(said % {"names": ", ".join(added)})
    if removed:
        said = _("исключено направление: %(names)s") if len(removed) == 1 else _("исключены направления: %(names)s")
        changes.append(said % {"names": ", ".join(removed)})
    if amendment.summary:
        changes.append(amendment.summary)
    return TimelineItem(amendment.signed_on, ItemKind.AMENDMENT, str(amendment), "; ".join(changes))


def _termination_items(agreement: Agreement) -> list[TimelineItem]:
    if agreement.status != Agreement.Status.TERMINATED:
        return []
    items = []
    if agreement.termination_notice_on:
        items.append(TimelineItem(agreement.termination_notice_on, ItemKind.NOTICE, _("Уведомление о расторжении")))
    details = []
    if agreement.termination_initiator:
        details.append(
            _("инициатор: %(who)s") % {"who": Agreement.TerminationInitiator(agreement.termination_initiator).label}
        )
    if agreement.termination_reason:
        details.append(agreement.termination_reason)
    items.append(TimelineItem(agreement.terminated_on, ItemKind.TERMINATION, _("Расторжение"), "; ".join(details)))
    return items


def activity_day(activity, partner_id: int) -> datetime.date | None:
    """The day the partner took part (the day the credit rule used), or the activity's first day."""
    parties = [(library_id, day) for library_id, day in activity.credit_parties() if day is not None]
    own = [day for library_id, day in parties if library_id == partner_id]
    return min(own or [day for _library_id, day in parties], default=None)


def _activity_item(activity, partner_id: int, today: datetime.date) -> TimelineItem:
    opts = activity._meta
    kind = str(opts.verbose_name)
    if hasattr(activity, "get_kind_display"):
        kind = f"{kind} ({activity.get_kind_display()})"
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[activity.pk])
    except NoReverseMatch:
        url = ""
    return TimelineItem(
        activity_day(activity, partner_id),
        ItemKind.ACTIVITY,
        getattr(activity, "title", None) or str(activity),
        capfirst(kind),
        url=url,
        status=activity.status_label_on(today),
    )


def agreement_timeline(agreement: Agreement, today: datetime.date | None = None) -> list[TimelineItem]:
    """The agreement's life up to a day (default today), oldest first, in a fixed number of queries."""
    today = today or timezone.localdate()
    amendments = list(agreement.amendments.prefetch_related("directions_added", "directions_removed"))
    draft = agreement.status == Agreement.Status.DRAFT
    signing = _("Подписание (проект: ещё не подписано)") if draft else _("Подписание")
    items = [TimelineItem(agreement.signed_on, ItemKind.SIGNED, signing, agreement.signed_at)]
    items += [_term_item(term) for term in _terms(agreement, today, amendments)]
    replaced = dict(agreement.end_changes(amendments))
    items += [_amendment_item(a, replaced.get(a), a in replaced) for a in amendments]
    items += _termination_items(agreement)
    deadline = agreement.notice_deadline(today)
    if deadline is not None:
        items.append(
            TimelineItem(
                deadline,
                ItemKind.NOTICE_DEADLINE,
                _("Последний день, чтобы заявить об отказе от пролонгации"),
                _("иначе соглашение продлится до %(end)s") % {"end": _ru(agreement.next_term_end(today))},
            )
        )
    activities = credited_activities([agreement], within=lambda model: model.objects.held())[agreement.pk]
    items += [_activity_item(activity, agreement.partner_id, today) for activity in activities]
    items.sort(key=lambda item: item.sort_key)
    return items
