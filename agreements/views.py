import datetime
from dataclasses import dataclass
from itertools import groupby

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import IntegerField, Min, Prefetch, Q, Subquery
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from contests.models import Contest
from coopnet.templatetags.coopnet import ru_plural_form
from events.models import Episode, Event
from exhibitions.models import Exhibition, ExhibitionStop

from . import map as partner_map
from .models import Agreement, Direction, Library


@login_required
def scan_download(request, name: str):
    """Serve a signed agreement scan to staff who may view agreements; nobody else."""
    if not (request.user.is_staff and request.user.has_perm("agreements.view_agreement")):
        raise PermissionDenied
    agreement = get_object_or_404(Agreement, scan=name)
    try:
        handle = agreement.scan.open("rb")
    except FileNotFoundError:
        raise Http404("Файл скана не найден.") from None
    filename = f"soglashenie-{agreement.partner.slug}-{agreement.signed_on:%Y-%m-%d}.pdf"
    return FileResponse(handle, content_type="application/pdf", as_attachment=True, filename=filename)


# --- joint activity -------------------------------------------------------------------------------


class SubqueryCount(Subquery):
    """COUNT(*) of a correlated subquery's distinct rows, so one query counts for every library."""

    template = "(SELECT COUNT(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()


def published_events():
    return Event.objects.filter(is_published=True)


def published_exhibitions():
    return Exhibition.objects.filter(is_published=True)


def published_contests():
    return Contest.objects.filter(is_published=True)


def published_episodes():
    return Episode.objects.filter(is_published=True, project__is_published=True)


def events_with(library_ref):
    return published_events().filter(Q(organiser=library_ref) | Q(participations__library=library_ref))


def exhibitions_with(library_ref):
    return published_exhibitions().filter(Q(provider=library_ref) | Q(stops__venue=library_ref))


def contests_with(library_ref):
    return published_contests().filter(Q(organiser=library_ref) | Q(curators__library=library_ref))


def episodes_with(library_ref):
    return published_episodes().filter(library=library_ref)


def with_activity_counts(libraries):
    """Annotate each library with its published joint activities, counted in the same query."""
    from django.db.models import OuterRef

    ref = OuterRef("pk")
    counts = {
        "events_count": SubqueryCount(events_with(ref).order_by().values("pk").distinct()),
        "exhibitions_count": SubqueryCount(exhibitions_with(ref).order_by().values("pk").distinct()),
        "contests_count": SubqueryCount(contests_with(ref).order_by().values("pk").distinct()),
        "episodes_count": SubqueryCount(episodes_with(ref).order_by().values("pk")),
    }
    return libraries.annotate(**counts)


def partners():
    """Partner libraries (never the host), as every public page shows them."""
    return Library.objects.filter(is_host=False)


def _activity_total(library) -> int:
    return library.events_count + library.exhibitions_count + library.contests_count + library.episodes_count


# --- partner list ---------------------------------------------------------------------------------


def _marker_label(library, count: int) -> str:
    things = ru_plural_form(count, _("совместное дело"), _("совместных дела"), _("совместных дел"))
    return _("%(name)s, %(city)s: %(count)s %(things)s") % {
        "name": library.short_name,
        "city": library.city,
        "count": count,
        "things": things,
    }


def partner_list(request):
    libraries = list(with_activity_counts(partners()).order_by("region", "city", "short_name"))
    # Countries in the order the model lists them: Russia first, then Kazakhstan and the others.
    country_order = {code: index for index, code in enumerate(Library.Country.values)}
    libraries.sort(key=lambda lib: country_order.get(lib.country, len(country_order)))
    for library in libraries:
        library.activity_count = _activity_total(library)
    host = Library.objects.filter(is_host=True).first()
    if host is not None:
        host.activity_count = 0

    countries = []
    for country, in_country in groupby(libraries, key=lambda lib: lib.country):
        in_country = list(in_country)
        regions = [
            {"name": region, "libraries": list(rows)}
            for region, rows in groupby(in_country, key=lambda lib: lib.region)
        ]
        countries.append(
            {"code": country, "name": Library.Country(country).label, "regions": regions, "count": len(in_country)}
        )

    outline = partner_map.outline()
    markers = partner_map.markers(
        libraries,
        host=host,
        url_for=lambda lib: lib.get_absolute_url(),
        label_for=_marker_label,
    )
    context = {
        "countries": countries,
        "partner_count": len(libraries),
        "map": {
            "width": outline["fit"]["width"],
            "height": outline["fit"]["height"],
            "countries": outline["countries"],
            "markers": markers,
            "labels": partner_map.city_labels(markers),
            "host": host,
        },
        "unmapped": [lib for lib in libraries if lib.latitude is None or lib.longitude is None],
    }
    return render(request, "agreements/partner_list.html", context)


# --- one partner ----------------------------------------------------------------------------------


@dataclass
class TimelineItem:
    kind: str
    role: str
    title: str
    url: str
    date: datetime.date | None
    end: datetime.date | None = None
    age_rating: str = ""


def _safe_reverse(name: str, *args) -> str:
    """Link to another app's page; empty while that page does not exist yet."""
    from django.urls import NoReverseMatch

    try:
        return reverse(name, args=args)
    except NoReverseMatch:
        return ""


def public_agreements():
    return (
        Agreement.objects.public()
        .select_related("partner")
        .prefetch_related(Prefetch("directions", queryset=Direction.objects.order_by("position", "name")))
    )


def partner_timeline(library) -> list[TimelineItem]:
    items: list[TimelineItem] = []
    events = (
        events_with(library)
        .distinct()
        .select_related("organiser")
        .only("title", "slug", "starts_at", "ends_at", "age_rating", "kind", "organiser")
    )
    for event in events:
        items.append(
            TimelineItem(
                kind=_("мероприятие"),
                role=_("организатор") if event.organiser_id == library.pk else _("участник"),
                title=f"{capfirst(event.get_kind_display())}: {event.title}",
                url=_safe_reverse("events:detail", event.slug),
                date=timezone.localdate(event.starts_at),
                age_rating=event.age_rating,
            )
        )
    provided = (
        published_exhibitions()
        .filter(provider=library)
        .annotate(first_day=Min("stops__starts_on"))
        .only("title", "slug", "age_rating", "created_at")
    )
    for exhibition in provided:
        items.append(
            TimelineItem(
                kind=_("выставка"),
                role=_("предоставила выставку"),
                title=exhibition.title,
                url=exhibition.get_absolute_url(),
                date=exhibition.first_day or timezone.localdate(exhibition.created_at),
                age_rating=exhibition.age_rating,
            )
        )
    stops = (
        ExhibitionStop.objects.filter(venue=library, exhibition__is_published=True)
        .select_related("exhibition")
        .only("starts_on", "ends_on", "exhibition__title", "exhibition__slug", "exhibition__age_rating")
    )
    for stop in stops:
        items.append(
            TimelineItem(
                kind=_("выставка"),
                role=_("принимала выставку"),
                title=stop.exhibition.title,
                url=stop.exhibition.get_absolute_url(),
                date=stop.starts_on,
                end=stop.ends_on,
                age_rating=stop.exhibition.age_rating,
            )
        )
    contests = (
        contests_with(library)
        .distinct()
        .only(
            "title",
            "slug",
            "organiser",
            "submissions_from",
            "submissions_until",
            "results_on",
            "age_rating",
            "created_at",
        )
    )
    for contest in contests:
        items.append(
            TimelineItem(
                kind=_("конкурс"),
                role=_("организатор") if contest.organiser_id == library.pk else _("региональный куратор"),
                title=contest.title,
                url=contest.get_absolute_url(),
                date=contest.submissions_from
                or contest.submissions_until
                or contest.results_on
                or timezone.localdate(contest.created_at),
                end=contest.results_on or contest.submissions_until,
                age_rating=contest.age_rating,
            )
        )
    episodes = (
        episodes_with(library)
        .select_related("project")
        .only("number", "title", "published_on", "project__title", "project__slug", "project__age_rating")
    )
    for episode in episodes:
        items.append(
            TimelineItem(
                kind=_("выпуск проекта"),
                role=_("подготовила выпуск"),
                title=_("«%(project)s», выпуск № %(number)s: %(title)s")
                % {"project": episode.project.title, "number": episode.number, "title": episode.title},
                url=_safe_reverse("events:project", episode.project.slug),
                date=episode.published_on,
                age_rating=episode.project.age_rating,
            )
        )
    items.sort(key=lambda item: item.date or datetime.date.min, reverse=True)
    return items


def partner_detail(request, slug: str):
    library = get_object_or_404(partners(), slug=slug)
    agreements = list(public_agreements().filter(partner=library))
    today = timezone.localdate()
    for agreement in agreements:
        agreement.state_label = Agreement.State(agreement.state_on(today)).label
    context = {
        "library": library,
        "agreements": agreements,
        "timeline": partner_timeline(library),
    }
    return render(request, "agreements/partner_detail.html", context)


# --- the public registry of agreements ------------------------------------------------------------


def agreement_list(request):
    agreements = list(public_agreements().order_by("-signed_on", "partner__short_name"))
    today = timezone.localdate()
    for agreement in agreements:
        agreement.state_label = Agreement.State(agreement.state_on(today)).label
    return render(request, "agreements/agreement_list.html", {"agreements": agreements})


def agreement_detail(request, pk: int):
    agreement = get_object_or_404(public_agreements(), pk=pk)
    agreement.state_label = Agreement.State(agreement.state_on(timezone.localdate())).label
    events = list(published_events().filter(agreement=agreement).select_related("organiser").order_by("-starts_at"))
    for event in events:
        event.url = _safe_reverse("events:detail", event.slug)
    exhibitions = list(
        published_exhibitions()
        .filter(agreement=agreement)
        .select_related("provider")
        .annotate(first_day=Min("stops__starts_on"))
        .order_by("-first_day", "title")
    )
    contests = list(
        published_contests().filter(agreement=agreement).select_related("organiser").order_by("-submissions_from")
    )
    episodes = list(
        published_episodes()
        .filter(agreement=agreement)
        .select_related("project", "library")
        .order_by("-published_on", "number")
    )
    for episode in episodes:
        episode.url = _safe_reverse("events:project", episode.project.slug)
    context = {
        "agreement": agreement,
        "events": events,
        "exhibitions": exhibitions,
        "contests": contests,
        "episodes": episodes,
        "activity_count": len(events) + len(exhibitions) + len(contests) + len(episodes),
    }
    return render(request, "agreements/agreement_detail.html", context)
