"""Public pages served again from the shared cache, and answered `304 Not Modified` when the reader has them.

What is cached: a GET or HEAD of a public page by a reader who is not logged in, answered 200, that sets no
cookie and holds no CSRF token. The key is the site's version, the minute, the whole address (scheme, host, path
and query: absolute links in the sitemap, feeds and calendars follow the host asked) and the reader's low-vision
settings (the page differs by them). Nothing is cached for logged-in staff, the admin, the
report or staff files.

When it changes: every save or delete of a domain record (signals, `ops.apps`) and every form staff send
(any successful POST by a logged-in user: admin actions that update in bulk, imports, restores) moves the site's
version on, so a change shows at once. Pages also say what is upcoming and what is past, which changes with time
alone; the minute in the key bounds how long a page can lag behind the clock.

The ETag is a digest of the key, so a reader's browser revalidates for nothing (304) within the same minute and
version. The store is Django's cache: Redis shared by every process when REDIS_URL is set, else local memory.
While Redis is unavailable (ops/cache.py) nothing is kept and every page is rendered; a change saved meanwhile
moves the version on once Redis answers again.
"""

from __future__ import annotations

import hashlib
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import http_date, quote_etag

from core import lowvision
from ops.cache import is_available

VERSION_KEY = "pagecache:version"
CHANGED_KEY = "pagecache:changed-at"
STAFF_PREFIXES = ("/admin/", "/reports/", "/staff/", "/partner/", "/healthz")
HEADERS_KEPT = ("Content-Type", "Content-Language", "Content-Disposition", "Link", "X-Robots-Tag")
TIMEOUT = 120  # seconds a page stays in the store; the minute in the key renews it anyway


# A change this process could not record because the shared cache was unavailable (ops.cache): recorded as soon as
# it answers again, so pages kept through the outage do not outlive it.
_change_pending = False


def changed() -> None:
    """Something readers may see has changed: every cached page is stale from now on."""
    global _change_pending
    if not cache.add(VERSION_KEY, 1, timeout=None):
        try:
            cache.incr(VERSION_KEY)
        except ValueError:
            cache.set(VERSION_KEY, 1, timeout=None)
    cache.set(CHANGED_KEY, int(time.time()), timeout=None)
    _change_pending = not is_available(cache)


def _record_pending_change() -> None:
    if _change_pending and is_available(cache):
        changed()


def version() -> int:
    """The site's version: it moves on whenever something readers may see changes (`changed()`)."""
    return cache.get(VERSION_KEY, 0)


def _version() -> tuple[int, int]:
    values = cache.get_many([VERSION_KEY, CHANGED_KEY])
    return values.get(VERSION_KEY, 0), values.get(CHANGED_KEY, 0)


def _is_reader(request) -> bool:
    """Not logged in, without asking the database when there is no session at all."""
    if settings.SESSION_COOKIE_NAME not in request.COOKIES:
        return True
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def cacheable_request(request) -> bool:
    return (
        request.method in ("GET", "HEAD")
        and getattr(settings, "PAGE_CACHE", True)
        and not request.path.startswith(STAFF_PREFIXES)
        and _is_reader(request)
    )


def _key(request, version: int, minute: int) -> str:
    settings_seen = sorted(lowvision.read(request.COOKIES).items())
    # The scheme and host too: the sitemap, feeds, calendars and robots.txt link absolutely to the host asked
    # (one of ALLOWED_HOSTS), so each host's page is its own.
    raw = f"{version}|{minute}|{request.scheme}://{request.get_host()}{request.get_full_path()}|{settings_seen}"
    return hashlib.blake2b(raw.encode(), digest_size=16).hexdigest()


def _storable(request, response) -> bool:
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        and "private" not in response.get("Cache-Control", "")
        and "no-store" not in response.get("Cache-Control", "")
    )


def _staff_sent_a_form(request, response) -> bool:
    """A successful POST (or PUT, DELETE) by someone logged in: what readers see may have changed."""
    user = getattr(request, "user", None)
    sent = request.method not in ("GET", "HEAD", "OPTIONS") and response.status_code < 400
    return sent and user is not None and user.is_authenticated


class PageCacheMiddleware:
    """Serve a reader's page from the cache, or render it and keep it; answer 304 when the ETag matches."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        _record_pending_change()
        if not cacheable_request(request):
            response = self.get_response(request)
            if _staff_sent_a_form(request, response):
                changed()
            return response
        version, changed_at = _version()
        minute = int(time.time()) // 60
        key = _key(request, version, minute)
        etag = quote_etag(key)
        if etag in request.headers.get("If-None-Match", ""):
            return self._mark(HttpResponseNotModified(), etag, changed_at)
        stored = cache.get(f"pagecache:page:{key}")
        if stored is not None:
            content, headers = stored
            response = HttpResponse(content)
            for name, value in headers:
                response[name] = value
            response["X-Page-Cache"] = "hit"
            return self._mark(response, etag, changed_at)
        response = self.get_response(request)
        if _storable(request, response):
            headers = [(name, response[name]) for name in HEADERS_KEPT if name in response]
            cache.set(f"pagecache:page:{key}", (response.content, headers), TIMEOUT)
            response["X-Page-Cache"] = "miss"
            self._mark(response, etag, changed_at)
        return response

    @staticmethod
    def _mark(response, etag: str, changed_at: int):
        response["ETag"] = etag
        if changed_at:
            response["Last-Modified"] = http_date(changed_at)
        # Readers' browsers check back each time (cheap: a 304); nothing shared stores a page for long.
        response["Cache-Control"] = "public, max-age=0, must-revalidate"
        patch_vary_headers(response, ["Cookie"])
        return response
