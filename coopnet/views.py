"""Site-wide public pages: home, low-vision settings, robots.txt."""

from django.db.models import Prefetch, Q
from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from agreements.models import Library
from contests.models import Contest
from coopnet import lowvision
from events.models import Event
from events.views import with_sites
from exhibitions.models import Exhibition, ExhibitionStop

HOME_TELEBRIDGES = 4
HOME_EVENTS = 6
HOME_EXHIBITIONS = 6
HOME_CONTESTS = 6


@require_safe
def home(request):
    now = timezone.now()
    today = timezone.localdate()
    upcoming = with_sites(Event.objects.public().upcoming(now))
    exhibitions = (
        Exhibition.objects.public()
        .filter(stops__starts_on__lte=today, stops__ends_on__gte=today)
        .distinct()
        .prefetch_related(
            Prefetch(
                "stops",
                queryset=ExhibitionStop.objects.filter(starts_on__lte=today, ends_on__gte=today)
                .select_related("venue")
                .order_by("ends_on"),
                to_attr="current_stops",
            )
        )
        .order_by("title")[:HOME_EXHIBITIONS]
    )
    contests = (
        Contest.objects.public()
        .filter(Q(submissions_from__isnull=True) | Q(submissions_from__lte=today), submissions_until__gte=today)
        .order_by("submissions_until", "title")[:HOME_CONTESTS]
    )
    context = {
        "telebridges": list(upcoming.telebridges()[:HOME_TELEBRIDGES]),
        "events": list(upcoming.exclude(kind=Event.Kind.TELEBRIDGE)[:HOME_EVENTS]),
        "exhibitions": list(exhibitions),
        "contests": list(contests),
        "partner_count": Library.objects.filter(is_host=False).count(),
    }
    return render(request, "home.html", context)


def safe_next(request, default: str) -> str:
    """The page to go back to: only a path on this site, never another host."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default


@require_safe
def accessibility(request):
    back = safe_next(request, "")
    return render(request, "accessibility.html", {"back": back, "preset": lowvision.PRESET})


def _set_cookie(response, setting, value):
    response.set_cookie(
        lowvision.COOKIE_PREFIX + setting, value, max_age=lowvision.COOKIE_MAX_AGE, samesite="Lax", httponly=True
    )


def accessibility_set(request):
    """Remember the chosen settings (plain links or a form) and go back to the page the reader came from."""
    if request.method not in {"GET", "POST"}:
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    data = request.POST if request.method == "POST" else request.GET
    chosen, errors = {}, []
    for setting in lowvision.SETTINGS:
        value = data.get(setting)
        if value is None:
            continue
        if value in lowvision.allowed(setting):
            chosen[setting] = value
        else:
            errors.append(lowvision.LABELS[setting])
    if errors or not chosen:
        message = (
            _("Такого значения нет: %(settings)s. Выберите один из вариантов на странице настроек.")
            % {"settings": ", ".join(str(label) for label in errors)}
            if errors
            else _("Не выбрано ни одной настройки.")
        )
        response = render(request, "accessibility_error.html", {"message": message}, status=400)
        return response
    response = HttpResponseRedirect(safe_next(request, reverse("site:accessibility")))
    for setting, value in chosen.items():
        _set_cookie(response, setting, value)
    return response


def accessibility_reset(request):
    """Back to the regular version: forget every low-vision cookie."""
    if request.method not in {"GET", "POST"}:
        return HttpResponse(status=405, headers={"Allow": "GET, POST"})
    response = HttpResponseRedirect(safe_next(request, reverse("site:accessibility")))
    for setting in lowvision.SETTINGS:
        response.delete_cookie(lowvision.COOKIE_PREFIX + setting, samesite="Lax")
    return response


@require_safe
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /staff/",
        "Disallow: /reports/",
        "Disallow: /accessibility/set/",
        "Disallow: /accessibility/reset/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('site:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
