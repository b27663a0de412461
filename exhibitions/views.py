from django.db.models import Count, Max, Min, Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from agreements.models import Agreement

from .filters import ExhibitionFilter
from .models import Exhibition, ExhibitionStop


def with_dates(exhibitions):
    """First and last day on show across all stops, and the number of stops."""
    return exhibitions.annotate(
        first_day=Min("stops__starts_on"), last_day=Max("stops__ends_on"), stops_count=Count("stops")
    )


def exhibition_list(request):
    filterset = ExhibitionFilter(request.GET or None, queryset=with_dates(Exhibition.objects.public()))
    exhibitions = list(filterset.qs)
    today = timezone.localdate()
    # An exhibition without stops yet is being prepared: it counts as upcoming.
    current = [e for e in exhibitions if e.last_day is None or e.last_day >= today]
    past = [e for e in exhibitions if e.last_day is not None and e.last_day < today]
    current.sort(key=lambda e: (e.first_day is None, e.first_day or today, e.title))
    past.sort(key=lambda e: (e.last_day, e.title), reverse=True)
    for exhibition in current:
        exhibition.is_on = exhibition.first_day is not None and exhibition.first_day <= today
    context = {
        "filter": filterset,
        "current": current,
        "past": past,
        "total": len(exhibitions),
    }
    return render(request, "exhibitions/exhibition_list.html", context)


def exhibition_detail(request, slug: str):
    exhibition = get_object_or_404(
        Exhibition.objects.public()
        .select_related("agreement", "agreement__partner", "counterpart__provider", "counterpart_of__provider")
        .prefetch_related(
            Prefetch("stops", queryset=ExhibitionStop.objects.select_related("venue").order_by("starts_on"))
        ),
        slug=slug,
    )
    stops = list(exhibition.stops.all())
    partner = exhibition.exchange_partner
    if partner is not None and not partner.is_published:
        partner = None
    agreement = exhibition.agreement
    if agreement is not None and not (agreement.is_public and agreement.status != Agreement.Status.DRAFT):
        agreement = None
    today = timezone.localdate()
    for stop in stops:
        stop.is_current = stop.starts_on <= today <= stop.ends_on
    context = {
        "exhibition": exhibition,
        "stops": stops,
        "exchange_partner": partner,
        "agreement": agreement,
        "visitors_total": sum(stop.visitors or 0 for stop in stops),
        "excursions_total": sum(stop.excursions or 0 for stop in stops),
    }
    return render(request, "exhibitions/exhibition_detail.html", context)
