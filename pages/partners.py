"""Partner libraries on a map, one partner with everything done together, and the public registry of agreements."""

from itertools import groupby

from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements import map as partner_map
from agreements.models import Agreement, Direction, Library
from core.templatetags.coopnet import ru_plural_form
from events.filters import listed_libraries

from .activity import partner_timeline, under_agreement, with_activity_counts


def _marker_label(library, count: int) -> str:
    things = ru_plural_form(count, _("совместное дело"), _("совместных дела"), _("совместных дел"))
    return _("%(name)s, %(city)s: %(count)s %(things)s") % {
        "name": library.short_name,
        "city": library.city,
        "count": count,
        "things": things,
    }


def _by_country(libraries) -> list[dict]:
    countries = []
    for country, in_country in groupby(libraries, key=lambda lib: lib.country):
        in_country = list(in_country)
        by_region = groupby(in_country, key=lambda lib: lib.region)
        regions = [{"name": region, "libraries": list(rows)} for region, rows in by_region]
        countries.append(
            {"code": country, "name": Library.Country(country).label, "regions": regions, "count": len(in_country)}
        )
    return countries


def _map(libraries, host) -> dict:
    outline = partner_map.outline()
    markers = partner_map.markers(libraries, host=host, label_for=_marker_label)
    return {
        "width": outline["fit"]["width"],
        "height": outline["fit"]["height"],
        "countries": outline["countries"],
        "markers": markers,
        "labels": partner_map.city_labels(markers),
        "host": host,
    }


def partner_list(request):
    libraries = with_activity_counts(
        Library.objects.filter(listed_libraries()).order_by("region", "city", "short_name")
    )
    # Countries in the order the model lists them: Russia first, then Kazakhstan and the others.
    country_order = {code: index for index, code in enumerate(Library.Country.values)}
    libraries.sort(key=lambda lib: country_order.get(lib.country, len(country_order)))
    host = Library.host()
    if host is not None:
        host.activity_count = 0
    context = {
        "countries": _by_country(libraries),
        "partner_count": len(libraries),
        "map": _map(libraries, host),
        "unmapped": [lib for lib in libraries if lib.latitude is None or lib.longitude is None],
    }
    return render(request, "agreements/partner_list.html", context)


def public_agreements():
    return (
        Agreement.objects.public()
        .select_related("partner")
        .prefetch_related(Prefetch("directions", queryset=Direction.objects.order_by("position", "name")))
    )


def _with_state_labels(agreements):
    today = timezone.localdate()
    for agreement in agreements:
        agreement.state_label = Agreement.State(agreement.state_on(today)).label
    return agreements


# The newest joint works a partner's page shows; `?all=1` shows every one (thousands for an active partner).
TIMELINE_SHOWN = 100


def partner_detail(request, slug: str):
    # The rule itself, not the cached list: for one library PostgreSQL checks its EXISTS for that row alone.
    library = get_object_or_404(Library.objects.partners(), slug=slug)
    timeline = partner_timeline(library)
    context = {
        "library": library,
        "agreements": _with_state_labels(list(public_agreements().filter(partner=library))),
        "timeline": timeline if request.GET.get("all") == "1" else timeline[:TIMELINE_SHOWN],
        "timeline_count": len(timeline),
    }
    return render(request, "agreements/partner_detail.html", context)


def agreement_list(request):
    agreements = _with_state_labels(list(public_agreements().order_by("-signed_on", "partner__short_name")))
    return render(request, "agreements/agreement_list.html", {"agreements": agreements})


def agreement_detail(request, pk: int):
    agreement = get_object_or_404(public_agreements(), pk=pk)
    _with_state_labels([agreement])
    blocks = under_agreement(agreement)
    amendments = list(agreement.amendments.all())
    context = {
        "agreement": agreement,
        "end_changes": [amendment for amendment, _replaced in agreement.end_changes(amendments)],
        "original_valid_until": agreement.original_valid_until(amendments),
        "blocks": [block for block in blocks if block.items],
        "activity_count": sum(len(block.items) for block in blocks),
    }
    return render(request, "agreements/agreement_detail.html", context)
