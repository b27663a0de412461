"""Rate limits for the costly or abusable views (text search, calendar feeds, password reset, partners' proposals):
a fixed window per client, counted in the shared cache.

Every process of the site counts in the same cache (Redis in production), so the limit holds however many
processes serve. Over the limit a client gets 429 with a Russian page and `Retry-After`.

While the shared cache is unavailable (ops.cache), each process counts in its own memory instead: the limits still
hold per process, so a client may get up to the limit times the number of processes (WEB_WORKERS) through in a
window. When Redis answers again the shared counters take over by themselves.

The client is the address the request came from; behind proxies (`TRUSTED_PROXIES`, set by DJANGO_TRUSTED_PROXIES)
it is read from X-Forwarded-For, counted from the right: each trusted proxy appends the address it was reached
from, so the entry `TRUSTED_PROXIES` places from the right end is the last one no client could have written.
Addresses a client puts in the header itself are further left and are never taken. django-axes asks the same
function (AXES_CLIENT_IP_CALLABLE), so lockouts and rate limits agree on who the client is.
"""

import functools
import ipaddress
import math
import time
from collections.abc import Callable, Iterable

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.http import HttpResponse
from django.template.loader import render_to_string

from ops.cache import is_available

# This process's own counters, used while the shared cache is unavailable.
local_counters = LocMemCache("coopnet-ratelimit", {"OPTIONS": {"MAX_ENTRIES": 10_000}})


def client_address(request) -> str:
    """The client's address: REMOTE_ADDR, or behind `TRUSTED_PROXIES` proxies the X-Forwarded-For entry that many
    places from the right (the leftmost when there are fewer entries)."""
    proxies = getattr(settings, "TRUSTED_PROXIES", 0)
    if proxies:
        hops = [hop.strip() for hop in request.headers.get("X-Forwarded-For", "").split(",") if hop.strip()]
        if hops:
            candidate = hops[-proxies] if len(hops) >= proxies else hops[0]
            if _is_address(candidate):
                return candidate
    return request.META.get("REMOTE_ADDR", "")[:64]


def _is_address(text: str) -> bool:
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True


def too_many(retry_after: int) -> HttpResponse:
    minutes = math.ceil(retry_after / 60)
    context = {"retry_after": retry_after, "minutes": minutes if retry_after >= 60 else 0}
    response = HttpResponse(render_to_string("429.html", context), status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _count(counters, key: str, timeout: int) -> int:
    counters.add(key, 0, timeout=timeout)
    try:
        return counters.incr(key)
    except ValueError:  # expired between add and incr
        counters.set(key, 1, timeout=timeout)
        return 1


def over_limit(scope: str, address: str, limit: int, window: int = 60) -> int:
    """0 if this request is within `limit` per `window` seconds for the address, else seconds until the next window."""
    now = int(time.time())
    start = now - now % window
    key = f"ratelimit:{scope}:{address}:{start}"
    count = None
    if is_available(cache):
        count = _count(cache, key, window + 5)
        if not is_available(cache):  # it failed during this very call: the count above means nothing
            count = None
    if count is None:
        count = _count(local_counters, key, window + 5)
    return 0 if count <= limit else start + window - now


def searches_text(request) -> bool:
    """A request with words to look for (`q`): the costly part of a list's filters."""
    return bool(request.GET.get("q", "").strip())


def rate_limited(
    scope: str,
    *,
    window: int = 60,
    methods: Iterable[str] | None = None,
    applies: Callable | None = None,
):
    """Limit a view to `settings.RATE_LIMITS[scope]` requests per `window` seconds per client (0 or absent: no
    limit). Only requests of `methods` count, when given, and only those `applies(request)` says yes to."""
    methods = frozenset(methods) if methods is not None else None

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            limit = settings.RATE_LIMITS.get(scope, 0)
            counted = (methods is None or request.method in methods) and (applies is None or applies(request))
            if limit and counted:
                wait = over_limit(scope, client_address(request), limit, window)
                if wait:
                    return too_many(wait)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
