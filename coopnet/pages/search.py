"""Site search across published events, exhibitions, contests, projects, episodes and partner libraries.

Each section searches a model's public rule (`objects.public()`, `Library.objects.partners()`) and nothing else.

PostgreSQL: full-text search with the `russian` configuration (stemming: «телемосты» finds «телемост»),
ranked. The events' document (title A; kind label, description, location B) has a GIN index on its very
expression (events/migrations/0013_event_search_index.py; tests/search/test_postgres_index.py fails if they part):
change one, change the other by a migration.
SQLite: every word contained in some field, ignoring case in every alphabet (coopnet.textsearch).
Either way each section costs one query (the first hits with the count of all), so the page's query count is fixed.
"""

from dataclasses import dataclass, field

from django import forms
from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector
from django.db import connection
from django.db.models import Case, CharField, Count, Q, Value, When, Window
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from agreements.models import Library
from contests.models import Contest
from coopnet.templatetags.coopnet import choice_labels, format_ru, url_builder
from coopnet.textsearch import QUERY_MAX_LENGTH, contains_text
from events.models import Episode, Event, Project
from exhibitions.models import Exhibition

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
class Hit:
    title: str
    url: str
    meta: str = ""
    snippet: str = ""
    age_rating: str = ""


@dataclass
class Section:
    key: str
    title: str
    forms: str  # ru_plural forms for the count
    fields: list[str]
    hits: list[Hit] = field(default_factory=list)
    count: int = 0


def _snippet(text: str) -> str:
    return Truncator(text or "").words(30)


def event_kind_label():
    """The event's kind as words, so «телемост» finds telebridges whatever their titles say."""
    return Case(
        *[When(kind=value, then=Value(str(label))) for value, label in Event.Kind.choices],
        default=Value(""),
        output_field=CharField(),
    )


def sections():
    """What is searched: each section's public queryset and the text fields it is searched by."""
    return [
        (
            Section(
                "events",
                _("Мероприятия"),
                "мероприятие,мероприятия,мероприятий",
                ["title", "kind_label", "description", "location"],
            ),
            Event.objects.public().annotate(kind_label=event_kind_label()),
            ["-starts_at"],
        ),
        (
            Section("exhibitions", _("Выставки"), "выставка,выставки,выставок", ["title", "description"]),
            Exhibition.objects.public(),
            ["title"],
        ),
        (
            Section(
                "contests",
                _("Конкурсы"),
                "конкурс,конкурса,конкурсов",
                ["title", "theme", "description", "nomination_names"],
            ),
            Contest.objects.public().with_nomination_names(),
            ["-submissions_until", "title"],
        ),
        (
            Section("projects", _("Проекты"), "проект,проекта,проектов", ["title", "description"]),
            Project.objects.public(),
            ["title"],
        ),
        (
            Section(
                "episodes", _("Выпуски проектов"), "выпуск,выпуска,выпусков", ["title", "tradition", "description"]
            ),
            Episode.objects.public(),
            ["project__title", "number"],
        ),
        (
            Section(
                "partners",
                _("Библиотеки-партнёры"),
                "библиотека,библиотеки,библиотек",
                ["short_name", "name", "named_after", "city", "region"],
            ),
            # The rule itself, not the list kept between changes (`events.filters.listed`): it runs only on the
            # libraries the words match, and a change that reached the database without a signal shows at once.
            Library.objects.partners(),
            ["short_name"],
        ),
    ]


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


class _Labels:
    """What every hit of a kind repeats — choice labels, address patterns — made once per search, not per hit."""

    def __init__(self):
        self.event_kinds = choice_labels(Event.Kind.choices)
        self.exhibition_kinds = choice_labels(Exhibition.Kind.choices)
        self.event_url = url_builder("events:detail")
        self.project_url = url_builder("events:project")


def _hit(key: str, obj, labels: _Labels) -> Hit:
    if key == "events":
        return Hit(
            title=obj.title,
            url=labels.event_url(obj.slug),
            meta=f"{labels.event_kinds.get(obj.kind, obj.kind)} · "
            f"{format_ru(timezone.localtime(obj.starts_at), 'j E Y, H:i')}"
            f" · {obj.organiser.short_name}" + (f" · {obj.get_status_display()}" if obj.is_called_off else ""),
            snippet=_snippet(obj.description),
            age_rating=obj.age_rating,
        )
    if key == "exhibitions":
        return Hit(
            title=obj.title,
            url=obj.get_absolute_url(),
            meta=f"{labels.exhibition_kinds.get(obj.kind, obj.kind)} · {obj.provider.short_name}",
            snippet=_snippet(obj.description),
            age_rating=obj.age_rating,
        )
    if key == "contests":
        dates = ""
        if obj.submissions_until:
            dates = " · " + str(_("приём работ до %(date)s") % {"date": format_ru(obj.submissions_until, "j E Y")})
        return Hit(
            title=obj.title,
            url=obj.get_absolute_url(),
            meta=f"{obj.organiser.short_name}{dates}",
            snippet=_snippet(obj.theme or obj.description),
            age_rating=obj.age_rating,
        )
    if key == "projects":
        return Hit(
            title=obj.title,
            url=obj.get_absolute_url(),
            meta=obj.organiser.short_name,
            snippet=_snippet(obj.description),
            age_rating=obj.age_rating,
        )
    if key == "episodes":
        return Hit(
            title=str(
                _("«%(project)s», выпуск № %(number)s: %(title)s")
                % {"project": obj.project.title, "number": obj.number, "title": obj.title}
            ),
            url=labels.project_url(obj.project.slug),
            meta=" · ".join(part for part in [obj.tradition, obj.library.short_name] if part),
            snippet=_snippet(obj.description),
            age_rating=obj.project.age_rating,
        )
    return Hit(
        title=obj.short_name,
        url=obj.get_absolute_url(),
        meta=f"{obj.city} · {obj.region} · {obj.get_country_display()}",
        snippet=obj.name,
    )


def run(q: str) -> list[Section]:
    found = []
    labels = _Labels()
    for section, queryset, order in sections():
        matches = find(queryset, section.fields, q, order)
        # The page of hits and how many there are in all, in one query (a window over every match).
        rows = list(matches.annotate(found_in_all=Window(Count("pk")))[:SECTION_LIMIT])
        section.count = rows[0].found_in_all if rows else 0
        section.hits = [_hit(section.key, obj, labels) for obj in rows]
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
