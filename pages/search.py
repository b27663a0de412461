"""Site search across every registered kind of activity (`core.kinds`: events, exhibitions, contests, projects,
episodes…) and the partner libraries.

PostgreSQL: full-text search with the `russian` configuration (stemming: «телемосты» finds «телемост»),
ranked. The events' document (title A; kind label, description, location B; `events.kinds`) has a GIN index on its
very expression (events/migrations/0013_event_search_index.py; tests/search/test_postgres_index.py fails if they
part): change one, change the other by a migration.
SQLite: every word contained in some field, ignoring case in every alphabet (core.textsearch).
Each section searches a model's public rule (`objects.public()`, `Library.objects.partners()`) and nothing
else. Either way each section costs one query (the first hits with the count of all), so the page's query count
is fixed.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Count, Q, Window
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from agreements.models import Library
from core import kinds
from core.kinds import Hit, SearchSection
from core.textsearch import QUERY_MAX_LENGTH, contains_text

SECTION_LIMIT = 20
CONFIG = "russian"


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Что найти"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        error_messages={
            "max_length": _("Слишком длинный запрос: не больше %(limit_value)d символов (сейчас %(show_value)d)."),
        },
        widget=forms.TextInput(attrs={"type": "search", "maxlength": QUERY_MAX_LENGTH, "autocomplete": "off"}),
    )


@dataclass
class Section:
    key: str
    title: str
    forms: str  # ru_plural forms for the count
    fields: list[str]
    hits: list[Hit] = field(default_factory=list)
    count: int = 0


def _library_hits():
    def hit(library):
        return Hit(
            title=library.short_name,
            url=library.get_absolute_url(),
            meta=f"{library.city} · {library.region} · {library.get_country_display()}",
            snippet=library.name,
        )

    return hit


def sections() -> list[SearchSection]:
    """What is searched: each registered kind's sections (`core.kinds`), then the partner libraries."""
    libraries = SearchSection(
        "partners",
        _("Библиотеки-партнёры"),
        "библиотека,библиотеки,библиотек",
        ["short_name", "name", "named_after", "city", "region"],
        # The rule itself, not the list kept between changes (`events.filters.listed`): it runs only on the
        # libraries the words match, and a change that reached the database without a signal shows at once.
        lambda: Library.objects.partners(),
        ["short_name"],
        _library_hits,
    )
    return [*kinds.search_sections(), libraries]


def _postgres_filter(queryset, fields, q: str, order):
    # The first field is the title: weighted higher, so title matches rank first.
    vector = SearchVector(fields[0], config=CONFIG, weight="A")
    if fields[1:]:
        vector += SearchVector(*fields[1:], config=CONFIG, weight="B")
    query = SearchQuery(q, config=CONFIG, search_type="websearch")
    return (
        queryset.annotate(search_vector=vector, rank=SearchRank(vector, query))
        .filter(search_vector=query)
        .order_by("-rank", *order)
    )


def _word_filter(queryset, fields, q: str, order):
    condition = Q()
    for word in q.split():
        condition &= contains_text(queryset, fields, word)
    return queryset.filter(condition).order_by(*order)


def find(queryset, fields, q: str, order):
    if connection.vendor == "postgresql":
        return _postgres_filter(queryset, fields, q, order)
    return _word_filter(queryset, fields, q, order)


def run(q: str) -> list[Section]:
    found = []
    for spec in sections():
        matches = find(spec.queryset(), spec.fields, q, spec.order)
        # The page of hits and how many there are in all, in one query (a window over every match).
        rows = list(matches.annotate(found_in_all=Window(Count("pk")))[:SECTION_LIMIT])
        hit = spec.hits()
        section = Section(spec.key, spec.title, spec.forms, spec.fields)
        section.count = rows[0].found_in_all if rows else 0
        section.hits = [hit(obj) for obj in rows]
        found.append(section)
    return found


def search(request):
    form = SearchForm(request.GET or None)
    q, results, status = "", [], 200
    if form.is_bound:
        if form.is_valid():
            q = " ".join(form.cleaned_data["q"].split())
            if q:
                results = run(q)
        else:
            status = 400
    context = {
        "form": form,
        "q": q,
        "sections": [section for section in results if section.count],
        "total": sum(section.count for section in results),
        "searched": bool(q),
        "limit": SECTION_LIMIT,
    }
    return render(request, "search.html", context, status=status)
