"""Site-wide pages that need no app: low-vision settings, robots.txt."""

from django.http import HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_safe

from core import lowvision


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


@require_http_methods(["GET", "POST"])
def accessibility_set(request):
    """Remember the chosen settings (plain links or a form) and go back to the page the reader came from."""
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


@require_http_methods(["GET", "POST"])
def accessibility_reset(request):
    """Back to the regular version: forget every low-vision cookie."""
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
        "Disallow: /partner/",
        "Disallow: /accessibility/set/",
        "Disallow: /accessibility/reset/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('site:sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")
