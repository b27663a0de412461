"""Is the site able to serve: `/healthz` for probes, and a Russian 503 page whenever the database is down.

`/healthz` answers a small JSON object naming each part the site depends on:

    {"status": "ok", "database": "ok", "migrations": "ok", "cache": "ok", "media": "ok"}

- 503 with `"status": "unavailable"` when the site cannot serve: the database does not answer, or migrations
  the code needs are not applied (`"migrations": "pending"`);
- 200 with `"status": "degraded"` when it serves without a part: the shared cache (`"cache": "unavailable"`: pages
  are rendered from the database, ops/cache.py) or the uploads' directories (`"media": "not writable"`: covers and
  scans cannot be saved);
- 200 with `"status": "ok"` otherwise.

It is exempt from the HTTPS redirect (settings.SECURE_REDIRECT_EXEMPT), so a probe aimed at gunicorn itself over
plain HTTP gets the answer, not a 301.

Every other page answers the Russian 503 page (one line of text for a client that does not ask for HTML) when the
database cannot be reached, wherever the failure is noticed: in a view (`DatabaseUnavailableMiddleware`) or in a
middleware before it, such as the session's (`server_error`, the site's handler500).
"""

import logging
import sys
import tempfile
import uuid
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, storages
from django.db import Error, InterfaceError, OperationalError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpResponse, HttpResponseServerError, JsonResponse
from django.template import loader
from django.template.loader import render_to_string
from django.views.decorators.cache import never_cache

from ops.storage import FileNotSaved

logger = logging.getLogger("ops.health")

# What a lost or refused connection raises: an error in the SQL itself (ProgrammingError, IntegrityError) is not one.
UNREACHABLE = (OperationalError, InterfaceError)

# Once every migration is seen applied, it stays so for as long as this process runs the same code.
_migrations_applied = False


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
def healthz(request) -> JsonResponse:
    """Each part's state, 503 when the site cannot serve (see the module's text)."""
    checks = {"database": "ok" if _database_answers() else "unavailable"}
    checks["migrations"] = _migrations_state() if checks["database"] == "ok" else "unknown"
    checks["cache"] = "ok" if _cache_answers() else "unavailable"
    checks["media"] = "ok" if _media_writable() else "not writable"
    if checks["database"] != "ok" or checks["migrations"] != "ok":
        status, code = "unavailable", 503
    elif checks["cache"] != "ok" or checks["media"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    failing = ", ".join(f"{part} {state}" for part, state in checks.items() if state != "ok")
    if failing:
        logger.warning("health check: %s", failing)
    response = JsonResponse({"status": status, **checks}, status=code)
    if code == 503:
        response["Retry-After"] = "30"
    return response


def not_saved(request) -> HttpResponse:
    """507: a file could not be written (the disk is full or failing); nothing was saved."""
    response = HttpResponse(render_to_string("507.html"), status=507)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request) -> HttpResponse:
    """The site's handler500: the Russian 503 page when what failed is the database's connection (raised in a
    middleware, where DatabaseUnavailableMiddleware does not see it), else the 500 page."""
    error = sys.exc_info()[1]
    if isinstance(error, UNREACHABLE) and not _database_answers():
        return unavailable(request)
    return HttpResponseServerError(loader.get_template("500.html").render())


class DatabaseUnavailableMiddleware:
    """Any view that fails because the database cannot be reached answers 503, not 500.

    Only connection failures (OperationalError: refused, timed out, server gone; InterfaceError: the connection
    was closed under it) are taken, and only when the database does not answer a plain query either: a
    programming error still answers 500 and is logged as one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if isinstance(exception, FileNotSaved):
            logger.error("a file could not be saved: %s", exception)
            return not_saved(request)
        if isinstance(exception, UNREACHABLE) and not _database_answers():
            # The broken connection is closed and replaced at the end of the request, as after any error.
            logger.error("the database is unavailable: %s", exception)
            return unavailable(request)
        return None


def _database_answers() -> bool:
    """One round trip to the database: the health check and the 503 answers ask the same question."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return True
    except Error:
        return False


def _migrations_state() -> str:
    """ "ok" when every migration of the code is applied, "pending" when one is not."""
    global _migrations_applied
    if _migrations_applied:
        return "ok"
    try:
        executor = MigrationExecutor(connection)
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
    except Error:
        return "unknown"
    if plan:
        return "pending"
    _migrations_applied = True
    return "ok"


def _cache_answers() -> bool:
    """A value written to the cache reads back: false while the shared cache is unavailable."""
    key, token = f"healthz:{uuid.uuid4().hex}", uuid.uuid4().hex
    cache.set(key, token, timeout=10)
    answered = cache.get(key) == token
    cache.delete(key)
    return answered


def _media_writable() -> bool:
    """A file can be created in each uploads' directory (covers, scans)."""
    for alias in settings.STORAGES:
        if alias == "staticfiles":
            continue
        storage = storages[alias]
        if not isinstance(storage, FileSystemStorage):
            continue
        try:
            location = Path(storage.location)
            location.mkdir(parents=True, exist_ok=True)
            with tempfile.NamedTemporaryFile(dir=location, prefix=".healthz-") as probe:
                probe.write(b"ok")
                probe.flush()
        except OSError:
            return False
    return True
