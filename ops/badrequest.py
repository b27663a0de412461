"""Requests whose address carries control characters are refused before any view sees them.

No page of the site has a control character in its path or its query string: a NUL byte (`/media/%00`,
`?status=%00`, `term=%00`), a line break or an escape there is a crafted request. Left through, it reaches the
database as a lookup value, and PostgreSQL refuses a NUL in any string ("A string literal cannot contain NUL"):
a 500 on every view that filters by what it was given. Here it is a 400 with the site's Russian page instead,
for every view at once. Form fields are left to the forms: Django's `CharField` refuses a NUL with a message.
"""

from __future__ import annotations

import logging
import re
from urllib.parse import unquote_plus

from django.shortcuts import render

logger = logging.getLogger("ops.badrequest")

# C0 (line breaks included: none belongs in an address), DEL and C1. A query string may hold a tab: a value
# copied from a spreadsheet into a search box keeps it, and it harms nothing.
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")
CONTROL_IN_QUERY = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f]")


def has_control_characters(request) -> bool:
    """The decoded path, or the query string once its %-escapes and «+» are decoded, holds a control character.

    The server hands the query string over as bytes read as Latin-1 (PEP 3333): UTF-8 typed without %-escapes
    («?q=сказки» from a script) is read back as UTF-8 first, or its bytes 0x80–0x9F would look like C1 controls."""
    if CONTROL.search(request.path_info):
        return True
    query = request.META.get("QUERY_STRING", "")
    if not query:
        return False
    text = query.encode("latin-1", errors="replace").decode("utf-8", errors="replace")
    return CONTROL_IN_QUERY.search(unquote_plus(text, errors="replace")) is not None


class ControlCharactersMiddleware:
    """400 with the Russian «Неверный запрос» page for an address holding a control character."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control_characters(request):
            logger.warning("refused: a control character in the address")
            response = render(request, "400.html", status=400)
            response["Cache-Control"] = "no-store"
            return response
        return self.get_response(request)
