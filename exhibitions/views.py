from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import public_agreements_credited_by

from .filters import ExhibitionFilter
from .models import Exhibition, ExhibitionStop


def known_total(values) -> dict:
    """The sum of the known figures and how many are unknown: unknown (None) is never counted as 0.

    The sum is None when no figure is known.
    """
    known = [value for value in values if value is not None]
    return {"sum": sum(known) if known else None, "unknown": len(values) - len(known)}


def _route(exhibition, today) -> list:
    """The stops, each marked: open now, and whether it should have figures by now.

    A stop called off (on its own, or with its whole exhibition: `ExhibitionStop.is_called_off`) did not take
    place; one not yet open has had no visitors. Neither has figures to miss, so totals are over the others.
    """
    stops = list(exhibition.stops.all())
    for stop in stops:
        took_place = not stop.is_called_off
        stop.is_current = stop.is_open_on(today)
        stop.has_figures = took_place and stop.starts_on <= today
    return stops


# The most recent past exhibitions the list shows; `?all=1` shows every one (the list grows by the year).
PAST_SHOWN = 50


def exhibition_list(request):
    today = timezone.localdate()
    filterset = ExhibitionFilter(request.GET or None, queryset=Exhibition.objects.public().with_dates(today))
    exhibitions = list(filterset.qs)
    # An exhibition without stops yet is being prepared: it counts as upcoming.
    current = [e for e in exhibitions if e.last_day is None or e.last_day >= today]
    past = [e for e in exhibitions if e.last_day is not None and e.last_day < today]
    current.sort(key=lambda e: (e.first_day is None, e.first_day or today, e.title))
    past.sort(key=lambda e: (e.last_day, e.title), reverse=True)
    past_shown = past if request.GET.get("all") == "1" else past[:PAST_SHOWN]
    context = {
        "filter": filterset,
        "current": current,
        "past": past_shown,
        "total": len(exhibitions),
        # One card loop for both lists; "now" is always shown (it says when there is nothing), "past" when any.
        "sections": [
            {"key": "current", "title": _("Сейчас и скоро"), "exhibitions": current, "always": True},
            {
                "key": "past",
                "title": _("Прошедшие"),
                "exhibitions": past_shown,
                "always": False,
                "hidden": len(past) - len(past_shown),
                "all_count": len(past),
            },
        ],
        # Said on every card: translated once for the page.
        "items_forms": "экспонат,экспоната,экспонатов",
        "stops_forms": "площадка,площадки,площадок",
        "being_prepared": _("Маршрут готовится"),
        "on_show": _("открыта сейчас"),
    }
    return render(request, "exhibitions/exhibition_list.html", context)


def exhibition_detail(request, slug: str):
    public = Exhibition.objects.public()
    exhibition = get_object_or_404(
        public.prefetch_related(
            Prefetch("counterpart", queryset=public.select_related("provider")),
            Prefetch("counterpart_of", queryset=public.select_related("provider")),
            Prefetch("stops", queryset=ExhibitionStop.objects.select_related("venue").order_by("starts_on")),
            "agreements_added",
            "agreements_excluded",
        ),
        slug=slug,
    )
    stops = _route(exhibition, timezone.localdate())
    counted = [stop for stop in stops if stop.has_figures]
    context = {
        "exhibition": exhibition,
        "stops": stops,
        "exchange_partner": exhibition.exchange_partner,
        "agreements": public_agreements_credited_by(exhibition),
        "visitors_total": known_total([stop.visitors for stop in counted]),
        "excursions_total": known_total([stop.excursions for stop in counted]),
    }
    return render(request, "exhibitions/exhibition_detail.html", context)
