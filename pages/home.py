"""The home page: what is coming up, on show and open for entries, and how many partners we have."""

from django.db.models import F, Prefetch
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_safe

from contests.models import Contest
from events.filters import listed
from events.models import Event
from events.views import as_cards
from exhibitions.models import Exhibition, ExhibitionStop

HOME_TELEBRIDGES = 4
HOME_EVENTS = 6
HOME_EXHIBITIONS = 6
HOME_CONTESTS = 6


@require_safe
def home(request):
    now = timezone.now()
    today = timezone.localdate()
    upcoming = as_cards(Event.objects.public().upcoming_bounded(now))
    exhibitions = (
        Exhibition.objects.public()
        .on_show(today)
        .prefetch_related(
            Prefetch(
                "stops",
                queryset=ExhibitionStop.objects.open_on(today).select_related("venue").order_by("ends_on"),
                to_attr="current_stops",
            )
        )
        .order_by("title")[:HOME_EXHIBITIONS]
    )
    contests = (
        Contest.objects.public()
        .open_on(today)
        .order_by(F("submissions_until").asc(nulls_last=True), "title")[:HOME_CONTESTS]
    )
    context = {
        "telebridges": list(upcoming.telebridges()[:HOME_TELEBRIDGES]),
        "events": list(upcoming.exclude(kind=Event.Kind.TELEBRIDGE)[:HOME_EVENTS]),
        "exhibitions": list(exhibitions),
        "contests": list(contests),
        "partner_count": len(listed()),
    }
    return render(request, "home.html", context)
