"""Public pages about events: lists with filters, one event, a project, calendar downloads."""

import datetime
import json
from urllib.parse import urlencode

from django.core.paginator import InvalidPage, Paginator
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import public_agreements_credited_by
from core.models import Status
from core.templatetags.coopnet import format_ru
from events.calendar import build_calendar
from events.filters import EventFilter
from events.models import Episode, Event, Participation, Project

PAGE_SIZE = 20
# What an event card shows (core.templatetags.coopnet.event_cards), and nothing more: the description and the
# libraries' other columns are most of a row's size and of the time to build it.
CARD_FIELDS = (
    "title",
    "slug",
    "kind",
    "format",
    "starts_at",
    "ends_at",
    "age_rating",
    "status",
    "rescheduled_to",
    "organiser__slug",
    "organiser__short_name",
    "organiser__is_host",
)
# A calendar subscription carries what a subscriber's calendar needs: everything upcoming and the recent past
# (so a cancellation of last week still reaches it), never the whole history.
CALENDAR_PAST_DAYS = 90


class TelebridgeFilter(EventFilter):
    """The telebridge page is already narrowed to upcoming telebridges: no kind or period to choose."""

    kind = None
    when = None

    class Meta(EventFilter.Meta):
        fields = [name for name in EventFilter.Meta.fields if name not in {"kind", "when"}]


def as_cards(queryset):
    """Events loaded for cards: their own card columns, the organiser's, and every site's city, by city."""
    sites = (
        Participation.objects.select_related("library")
        .only("event_id", "library__city", "library__short_name")
        .order_by("library__city", "library__short_name")
    )
    return queryset.only(*CARD_FIELDS).prefetch_related(Prefetch("participations", queryset=sites))


def paginate(request, queryset):
    paginator = Paginator(queryset, PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page") or 1)
    except InvalidPage:
        raise Http404(_("Такой страницы нет.")) from None


def filtered_events(request, filterset_class, queryset):
    """(filterset, queryset, valid): invalid parameters select nothing, so the page shows only the errors."""
    filterset = filterset_class(request.GET or None, queryset=queryset, request=request)
    if not filterset.is_bound:
        return filterset, queryset, True
    if not filterset.is_valid():
        return filterset, queryset.none(), False
    return filterset, filterset.qs, True


def _event_list(request, *, filterset_class, queryset, template_name, context, calendar_params=()):
    filterset, events, valid = filtered_events(request, filterset_class, queryset)
    page = paginate(request, as_cards(events).ordered_for_readers())
    params = dict(calendar_params)
    if valid and filterset.is_bound:
        params.update({key: value for key, value in request.GET.items() if key in filterset.filters and value})
    calendar_query = urlencode(params)
    context = {
        **context,
        "filter": filterset,
        "form": filterset.form,
        "page_obj": page,
        "events": page.object_list,
        "calendar_query": calendar_query,
    }
    return render(request, template_name, context, status=200 if valid else 400)


def event_list(request):
    return _event_list(
        request,
        filterset_class=EventFilter,
        queryset=Event.objects.public(),
        template_name="events/event_list.html",
        context={"page_title": _("Мероприятия"), "count_forms": _("мероприятие,мероприятия,мероприятий")},
    )


def telebridge_list(request):
    queryset = Event.objects.public().telebridges().upcoming()
    return _event_list(
        request,
        filterset_class=TelebridgeFilter,
        queryset=queryset,
        template_name="events/telebridge_list.html",
        context={"page_title": _("Телемосты"), "count_forms": _("телемост,телемоста,телемостов")},
        calendar_params={"kind": Event.Kind.TELEBRIDGE, "when": "upcoming"},
    )


def site_times(event):
    """The start in each participating site's own zone, organiser first, one entry per zone name.

    Returns dicts with the cities sharing a zone, the local time, and the local date when it is not
    the same calendar day as in Kemerovo.
    """
    libraries = [event.organiser] + [p.library for p in event.participations.all()]
    home_date = timezone.localtime(event.starts_at).date()
    zones = {}
    for library in libraries:
        entry = zones.get(library.timezone)
        if entry is None:
            local = event.starts_at.astimezone(library.tz)
            entry = zones[library.timezone] = {
                "cities": [],
                "zone": library.timezone,
                "local": local,
                "time": format_ru(local, "H:i"),
                "date": format_ru(local, "j E") if local.date() != home_date else "",
                "offset": local.utcoffset(),
                "is_organiser": library.pk == event.organiser_id,
            }
        city = library.city or library.short_name
        if city not in entry["cities"]:
            entry["cities"].append(city)
    entries = list(zones.values())
    first, rest = entries[0], sorted(entries[1:], key=lambda e: (e["offset"], e["cities"][0]))
    return [first, *rest]


ATTENDANCE_MODES = {
    Event.Format.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.CORRESPONDENCE: "https://schema.org/OnlineEventAttendanceMode",
    Event.Format.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
    Event.Format.HYBRID: "https://schema.org/MixedEventAttendanceMode",
}


def _place(event):
    library = event.organiser
    return {
        "@type": "Place",
        "name": library.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": event.location or library.address,
            "addressLocality": library.city,
            "addressRegion": library.region,
            "addressCountry": library.country,
        },
    }


SCHEMA_STATUS = {Status.CANCELLED: "EventCancelled", Status.POSTPONED: "EventPostponed"}


def _schedule(event):
    """schema.org eventStatus with the dates it implies.

    Cancelled and postponed with no new date keep the original dates. Rescheduled moves startDate to the
    new day and keeps the old start as previousStartDate; the new end is not known, so there is none.
    """
    start = timezone.localtime(event.starts_at).isoformat()
    if event.status == Status.POSTPONED and event.rescheduled_to:
        return {
            "eventStatus": "https://schema.org/EventRescheduled",
            "startDate": event.rescheduled_to.isoformat(),
            "previousStartDate": start,
        }
    return {
        "eventStatus": "https://schema.org/" + SCHEMA_STATUS.get(event.status, "EventScheduled"),
        "startDate": start,
        "endDate": timezone.localtime(event.ends_at).isoformat(),
    }


def event_json_ld(event, url):
    """schema.org Event as a JSON string that is safe inside a <script> element."""
    virtual = {"@type": "VirtualLocation", "url": event.online_url or url}
    if event.format == Event.Format.OFFLINE:
        location = _place(event)
    elif event.format == Event.Format.HYBRID:
        location = [_place(event), virtual]
    else:
        location = virtual
    data = {
        "@context": "https://schema.org",
        "@type": "Event",
        "name": event.title,
        "description": event.description,
        "url": url,
        **_schedule(event),
        "eventAttendanceMode": ATTENDANCE_MODES.get(event.format, ATTENDANCE_MODES[Event.Format.ONLINE]),
        "location": location,
        "organizer": {"@type": "Organization", "name": event.organiser.name, "url": event.organiser.website or None},
        "typicalAgeRange": event.age_rating,
        "inLanguage": "ru",
    }
    guests = list(event.guests.all())
    if guests:
        data["performer"] = [{"@type": "Person", "name": person.full_name} for person in guests]
    data["organizer"] = {key: value for key, value in data["organizer"].items() if value}
    text = json.dumps(data, ensure_ascii=False, indent=2)
    # "</script>" or "<!--" inside a title must not end the element early.
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def calendar_links(event, url):
    """'Add to calendar' links for Google and Yandex, which take the event in their URL."""
    utc = datetime.UTC
    details = f"{event.description[:1000]}\n\n{url}".strip()
    where = event.location or event.online_url or event.organiser.address or event.organiser.city
    google = "https://calendar.google.com/calendar/render?" + urlencode(
        {
            "action": "TEMPLATE",
            "text": event.title,
            "dates": "{}/{}".format(
                event.starts_at.astimezone(utc).strftime("%Y%m%dT%H%M%SZ"),
                event.ends_at.astimezone(utc).strftime("%Y%m%dT%H%M%SZ"),
            ),
            "details": details,
            "location": where,
            "ctz": timezone.get_default_timezone_name(),
        }
    )
    local_start, local_end = timezone.localtime(event.starts_at), timezone.localtime(event.ends_at)
    yandex = "https://calendar.yandex.ru/event?" + urlencode(
        {
            "name": event.title,
            "start": local_start.strftime("%Y%m%dT%H%M%S"),
            "end": local_end.strftime("%Y%m%dT%H%M%S"),
            "tz_id": timezone.get_default_timezone_name(),
            "description": details,
            "location": where,
        }
    )
    return {"google": google, "yandex": yandex}


def event_detail(request, slug):
    event = get_object_or_404(
        Event.objects.public().prefetch_related(
            Prefetch("participations", queryset=Participation.objects.select_related("library")),
            "guests",
            "agreements_added",
            "agreements_excluded",
        ),
        slug=slug,
    )
    url = request.build_absolute_uri(event.get_absolute_url())
    participations = sorted(
        (p for p in event.participations.all() if p.library_id != event.organiser_id),
        key=lambda p: (p.library.city, p.library.short_name),
    )
    context = {
        "event": event,
        "participations": participations,
        "guests": list(event.guests.all()),
        "agreements": public_agreements_credited_by(event),
        "site_times": site_times(event),
        "json_ld": event_json_ld(event, url),
        "absolute_url": url,
        "calendar_links": calendar_links(event, url),
        "is_past": event.has_ended(),
        "is_called_off": event.is_called_off,
    }
    return render(request, "events/event_detail.html", context)


def calendar_feed(request):
    """An iCalendar subscription honouring the /events/ filter parameters: the upcoming events and those of the
    last `CALENDAR_PAST_DAYS` days, so its size stays flat as the years go by."""
    filterset, events, valid = filtered_events(request, EventFilter, Event.objects.public())
    if not valid:
        errors = "; ".join(f"{name}: {' '.join(messages)}" for name, messages in filterset.errors.items())
        return HttpResponse(
            _("Неверные параметры календаря: %(errors)s") % {"errors": errors},
            status=400,
            content_type="text/plain; charset=utf-8",
        )
    since = timezone.now() - datetime.timedelta(days=CALENDAR_PAST_DAYS)
    events = events.filter(ends_at__gte=since).order_by("starts_at", "pk")
    name = _("Мероприятия библиотек-партнёров")
    if filterset.is_bound and filterset.form.cleaned_data.get("kind") == Event.Kind.TELEBRIDGE:
        name = _("Телемосты библиотек-партнёров")
    body = build_calendar(events, request, name=name)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="coopnet.ics"'
    return response


def event_ics(request, slug):
    event = get_object_or_404(Event.objects.public(), slug=slug)
    body = build_calendar([event], request, name=event.title)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


def project_detail(request, slug):
    project = get_object_or_404(Project.objects.public(), slug=slug)
    episodes = list(Episode.objects.public().filter(project=project).order_by("number"))
    return render(request, "events/project_detail.html", {"project": project, "episodes": episodes})
