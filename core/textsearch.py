"""Text matching shared by the event filter and the site search. Imports no app.

SQLite's LIKE and LOWER fold only ASCII, so on SQLite a case-insensitive match goes through REGEXP,
which Django implements with Python's `re` (Unicode-aware, so «Телемост» matches «телемост»).
"""

import re

from django.db import connections
from django.db.models import Q

QUERY_MAX_LENGTH = 200


def contains_text(queryset, fields: list[str], text: str) -> Q:
    """A condition true when any of `fields` contains `text`, ignoring case in every alphabet."""
    if connections[queryset.db].vendor == "sqlite":
        pattern = re.escape(text)
        return Q(*[Q(**{f"{name}__iregex": pattern}) for name in fields], _connector=Q.OR)
    return Q(*[Q(**{f"{name}__icontains": text}) for name in fields], _connector=Q.OR)
