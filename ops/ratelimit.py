"""Rate limits for the costly public views (search, calendar feeds): a fixed window per client in the shared cache.

Every process of the site counts in the same cache (Redis in production), so the limit holds however many
processes serve. Over the limit a client gets 429 with a Russian page and `Retry-After`."""

import functools
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template.loader import render_to_string


def client_address(request) -> str:
    """The client's address; behind a trusted proxy (DJANGO_BEHIND_PROXY) the first hop of X-Forwarded-For."""
    if getattr(settings, "BEHIND_PROXY", False):
        forwarded = request.headers.get("X-Forwarded-For", "")
        if forwarded:
            return forwarded.split(",")[0].strip()[:64]
    return request.META.get("REMOTE_ADDR", "")[:64]


def too_many(retry_after: int) -> HttpResponse:
    response = HttpResponse(render_to_string("429.html", {"retry_after": retry_after}), status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def over_limit(scope: str, address: str, limit: int, window: int = 60) -> int:
    """0 if this request is within `limit` per `window` seconds for the address, else seconds until the next window."""
    now = int(time.time())
    start = now - now % window
    key = f"ratelimit:{scope}:{address}:{start}"
    cache.add(key, 0, timeout=window + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=window + 5)
        count = 1
    return 0 if count <= limit else start + window - now


def rate_limited(scope: str):
    """Limit a view to `settings.RATE_LIMITS[scope]` requests per minute per client (0 or absent: no limit)."""

    def decorator(view):
        @functools.wraps(view)
        def wrapper(request, *args, **kwargs):
            limit = settings.RATE_LIMITS.get(scope, 0)
            if limit:
                wait = over_limit(scope, client_address(request), limit)
                if wait:
                    return too_many(wait)
            return view(request, *args, **kwargs)

        return wrapper

    return decorator
