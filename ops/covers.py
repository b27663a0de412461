"""Covers of events and exhibitions, served only while their record is public.

A cover lives under MEDIA_ROOT with a random name. It is served here, not by the web server, so that a draft's
cover cannot be fetched by anyone outside the staff, and a replaced or removed cover (kept on disk for the
records' history) is served to no one: the address answers only when a current record shows that very file.
"""

import mimetypes

from django.apps import apps
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.views.decorators.http import require_GET

from core.models import Illustrated


def _illustrated_models():
    return [model for model in apps.get_models() if issubclass(model, Illustrated)]


def _owner_visible_to(path: str, user) -> tuple[bool, bool] | None:
    """(found, public) for the record whose cover is this file, or None."""
    for model in _illustrated_models():
        if model.objects.public().filter(cover=path).exists():
            return True, True
        if user.is_staff and model.objects.filter(cover=path).exists():
            return True, False
    return None


@require_GET
def serve_cover(request, path: str):
    if ".." in path.split("/") or not path:
        raise Http404
    owner = _owner_visible_to(path, request.user)
    if owner is None or not default_storage.exists(path):
        raise Http404
    _found, public = owner
    content_type = mimetypes.guess_type(path)[0] or "application/octet-stream"
    response = FileResponse(default_storage.open(path, "rb"), content_type=content_type)
    response["X-Content-Type-Options"] = "nosniff"
    # A name is never reused: a public cover may be kept by browsers and proxies for a year.
    response["Cache-Control"] = "public, max-age=31536000, immutable" if public else "private, no-store"
    return response
