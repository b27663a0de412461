from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from agreements.models import public_agreement_prefetch

from .filters import ExhibitionFilter
from .models import Exhibition, ExhibitionStop


def exhibition_list(request):
    today = timezone.localdate()
    filterset = ExhibitionFilter(request.GET or None, queryset=Exhibition.objects.public().with_dates(today))
    exhibitions = list(filterset.qs)
    # An exhibition without stops yet is being prepared: it counts as upcoming.
    current = [e for e in exhibitions if e.last_day is None or e.last_day >= today]
    past = [e for e in exhibitions if e.last_day is not None and e.last_day < today]
    current.sort(key=lambda e: (e.first_day is None, e.first_day or today, e.title))
    past.sort(key=lambda e: (e.last_day, e.title), reverse=True)
    context = {
        "filter": filterset,
        "current": current,
        "past": past,
        "total": len(exhibitions),
    }
    return render(request, "exhibitions/exhibition_list.html", context)


def exhibition_detail(request, slug: str):
    public = Exhibition.objects.public()
    exhibition = get_object_or_404(
        public.prefetch_related(
            public_agreement_prefetch(),
            Prefetch("counterpart", queryset=public.select_related("provider")),
            Prefetch("counterpart_of", queryset=public.select_related("provider")),
            Prefetch("stops", queryset=ExhibitionStop.objects.select_related("venue").order_by("starts_on")),
        ),
        slug=slug,
    )
    stops = list(exhibition.stops.all())
    today = timezone.localdate()
    for stop in stops:
        stop.is_current = stop.is_open_on(today)
    context = {
        "exhibition": exhibition,
        "stops": stops,
        "exchange_partner": exhibition.exchange_partner,
        "agreement": exhibition.agreement,
        "visitors_total": sum(stop.visitors or 0 for stop in stops),
        "excursions_total": sum(stop.excursions or 0 for stop in stops),
    }
    return render(request, "exhibitions/exhibition_detail.html", context)
