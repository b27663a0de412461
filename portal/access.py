"""Who may see what in the partner portal: the one place.

A portal user is an active account with a `Membership` of a partner library (never the host). Every portal view
asks `partner_library(request)` and reads records only through the querysets below, all scoped to that library
(a library's own rows in activities are each kind's `taking_part().rows_of(library)`):
another library's record, a host's staff member, or a guessed id is a 404, never a 403, so a portal page says
nothing about what exists beyond the library's own rows.
"""

from __future__ import annotations

from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.db.models import Exists, OuterRef, Prefetch
from django.http import Http404
from django.utils.cache import add_never_cache_headers

from agreements.models import Agreement, Amendment, Library
from contests.models import Contest, Curator
from core import kinds
from core.models import AWAITING_CONFIRMATION, Status
from events.models import Event, Participation
from exhibitions.models import Exhibition, ExhibitionStop
from portal.models import Proposal


def library_of(user) -> Library | None:
    """The partner library a logged-in user's account belongs to, or None (staff, the host's own, inactive)."""
    if not getattr(user, "is_authenticated", False) or not user.is_active or user.is_staff:
        return None
    membership = getattr(user, "partner_membership", None)
    if membership is None or membership.library.is_host:
        return None
    return membership.library


def partner_required(view):
    """The view runs only for a partner's account, with `request.partner` set to its library. Anonymous users go
    to the portal's login; any other account gets the 404 page."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url="portal:login")
        library = library_of(request.user)
        if library is None:
            raise Http404("Портал — для сотрудников библиотек-партнёров.")
        request.partner = library
        response = view(request, *args, **kwargs)
        # A library's own records: never kept by a browser's or a proxy's cache.
        add_never_cache_headers(response)
        return response

    return wrapper


def agreements(library: Library):
    """The library's agreements with the host, signed ones only (a draft is the host's own work in progress)."""
    return (
        Agreement.objects.filter(partner=library)
        .exclude(status=Agreement.Status.DRAFT)
        .prefetch_related(Prefetch("amendments", queryset=Amendment.objects.order_by("signed_on", "pk")))
        .order_by("-signed_on", "-pk")
    )


def amendments(library: Library):
    return Amendment.objects.filter(agreement__in=agreements(library))


def _with_public_activity(rows, model, field: str):
    """Each row with `activity_is_public`: whether readers may see its activity, by the activity model's own rule
    (`objects.public()`), in the rows' own query."""
    return rows.annotate(activity_is_public=Exists(model.objects.public().filter(pk=OuterRef(field))))


def public_url(row, activity) -> str:
    """The activity's page on the site, for a row read through the querysets below; "" while readers may not see
    it."""
    return activity.get_absolute_url() if row.activity_is_public else ""


def participations(library: Library):
    """The library's own rows in events: as organiser, co-organiser, site or participant."""
    rows = (
        Event.objects.taking_part()
        .rows_of(library)
        .select_related("library", "event", "event__organiser")
        .prefetch_related(Prefetch("event__participations", queryset=Participation.objects.select_related("library")))
    )
    return _with_public_activity(rows, Event, "event")


def stops(library: Library):
    """Stops of travelling exhibitions at the library."""
    rows = Exhibition.objects.taking_part().rows_of(library).select_related("exhibition", "exhibition__provider")
    return _with_public_activity(rows, Exhibition, "exhibition")


def curatorships(library: Library):
    """Contests the library curates in its region."""
    rows = Contest.objects.taking_part().rows_of(library).select_related("contest", "contest__organiser")
    return _with_public_activity(rows, Contest, "contest")


# The kinds' rows with a page of the portal's own (events' sites, exhibitions' stops, contests' curators), read
# through the querysets above; a row of any other registered kind (`core.kinds`) has the portal's page for every
# kind (`portal.views.row_detail`), read through `side_rows`.
OWN_PAGES = (Participation, ExhibitionStop, Curator)


def other_sides():
    """(kind, its partner side) of every registered kind whose rows have no page of the portal's own."""
    return [(kind, side) for kind in kinds.kinds() for side in kind.partner_sides() if side.model not in OWN_PAGES]


def side_rows(side, library: Library):
    """A registered kind's rows of the library (`core.kinds.PartnerSideList`), for the kinds the portal has no page
    of its own for."""
    return side.rows().filter(**{side.library_field: library})


def proposals(library: Library):
    return Proposal.objects.filter(library=library).select_related("event", "exhibition", "contest", "author")


def undecided_proposals(library: Library) -> dict[tuple[str, int], Proposal]:
    """The library's proposals staff have not accepted, by the draft they became ("event", id), ("exhibition",
    id), ("contest", id): under review (its draft is shown as a proposal) or declined (no joint work). One query."""
    undecided = {}
    rows = Proposal.objects.filter(library=library).exclude(decision=Proposal.Decision.ACCEPTED)
    for proposal in rows.select_related("event", "exhibition", "contest"):
        if not proposal.undecided:
            continue  # published, or called off: what the draft says stands
        for name in ("event", "exhibition", "contest"):
            draft_id = getattr(proposal, f"{name}_id")
            if draft_id is not None:
                undecided[(name, draft_id)] = proposal
    return undecided


# What a partner may do with its own row, by where the activity stands on the day (`status_on`, the one rule).


def may_answer(activity, day) -> bool:
    """Confirming or declining is for what is still planned and not over: not held, cancelled or postponed."""
    return activity.status_on(day) == Status.PLANNED


def may_enter_figures(activity, day) -> bool:
    """Figures are for what has taken place: held, or past its date and awaiting the host's confirmation (the
    report counts them once the host marks it held). Never for what is cancelled, postponed or still ahead."""
    return activity.status_on(day) in (Status.HELD, AWAITING_CONFIRMATION)


def awaits_event_figures(row: Participation, day) -> bool:
    """The library's own count is still wanted: the event has taken place, the row has no count, and the event's
    attendance is not already known from a total staff typed alone (`total_attendance`: that total stands only
    while no site has a count, so the row is not nagged about; the form stays open to it)."""
    event = row.event
    if not may_enter_figures(event, day) or row.participants_count is not None:
        return False
    return not event.typed_total_stands
