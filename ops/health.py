"""Is the site able to serve: `/healthz` for probes and people, and a Russian 503 page when the database is down.

Both answer without touching anything but the database, so they work when everything else does not."""

import logging

from django.db import DatabaseError, OperationalError, connection
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from ops.storage import FileNotSaved

logger = logging.getLogger("ops.health")


def unavailable(request) -> HttpResponse:
    """503: a page for people, one line for probes and scripts (which do not ask for HTML)."""
    wants_html = "text/html" in request.headers.get("Accept", "")
    if wants_html:
        response = HttpResponse(render_to_string("503.html"), status=503)
    else:
        response = HttpResponse("database unavailable\n", status=503, content_type="text/plain; charset=utf-8")
    response["Retry-After"] = "30"
    response["Cache-Control"] = "no-store"
    return response


@never_cache
def healthz(request) -> HttpResponse:
    """200 after a round trip to the database, 503 when it cannot be reached."""
    if not _database_answers():
        logger.warning("health check: the database is unavailable")
        return unavailable(request)
    return HttpResponse("ok\n", content_type="text/plain; charset=utf-8")


def not_saved(request) -> HttpResponse:
    """507: a file could not be written (the disk is full or failing); nothing was saved."""
    response = HttpResponse(render_to_string("507.html"), status=507)
    response["Cache-Control"] = "no-store"
    return response


class DatabaseUnavailableMiddleware:
    """Any request that fails because the database cannot be reached answers 503, not 500.

    Only connection failures (OperationalError: refused, timed out, server gone) are taken; a programming error
    still answers 500 and is logged as one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, FileNotSaved):
            logger.error("a file could not be saved: %s", exception)
            return not_saved(request)
        if isinstance(exception, OperationalError) and not _database_answers():
            # The broken connection is closed and replaced at the end of the request, as after any error.
            logger.error("the database is unavailable: %s", exception)
            return unavailable(request)
        return None


def _database_answers() -> bool:
    """One round trip to the database: the health check and the 503 middleware ask the same question."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except DatabaseError:
        return False
