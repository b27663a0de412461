"""sitemap.xml: every public page a search engine should find. Drafts and non-public rows never appear.

The markup is Django's sitemap (`django.contrib.sitemaps`, its `sitemap.xml` template), written here from plain
rows: an address for each of thousands of events through `reverse()` and a template loop cost a hundred times more
than the query that finds them. One query per section, whatever the number of rows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape

from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from agreements.models import Agreement, Library
from core import kinds
from core.templatetags.coopnet import url_builder
from events.filters import listed_libraries

# Entries of one section on one page, as django.contrib.sitemaps.Sitemap.limit (the protocol's own limit).
LIMIT = 50_000
# The lists that are not a kind's own (each kind names its lists: `list_url_names`).
STATIC_NAMES = ["agreements:partner_list", "agreements:list"]
HEAD = (
    '<?xml version="1.0" encoding="UTF-8"?>\n'
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">\n'
)


@dataclass(frozen=True)
class Section:
    changefreq: str
    priority: str
    rows: Callable[[], Iterable[tuple]]  # (path, last modified or None)


def _detail_rows(viewname: str, queryset, marker: str = "slug-placeholder") -> Callable[[], Iterable[tuple]]:
    """Rows of (path, updated_at) from a queryset of (key, updated_at) values, or (key,) without a date."""

    def rows():
        address = url_builder(viewname, marker)
        for key, *rest in queryset()[:LIMIT]:
            yield address(key), rest[0] if rest else None

    return rows


def sections() -> list[Section]:
    """The home page and every public list, each registered kind's detail pages (`core.kinds`), the partners and
    the agreements."""
    static = ["site:home", *kinds.list_url_names(), *STATIC_NAMES]
    return [
        Section("daily", "0.8", lambda: ((reverse(name), None) for name in static)),
        *(
            Section(s.changefreq, s.priority, _detail_rows(s.viewname, s.rows, s.marker))
            for s in kinds.sitemap_sections()
        ),
        Section(
            "monthly",
            "0.5",
            _detail_rows(
                "agreements:partner_detail",
                lambda: (
                    Library.objects.filter(listed_libraries())
                    .order_by("short_name", "pk")
                    .values_list("slug", "updated_at")
                ),
            ),
        ),
        Section(
            "monthly",
            "0.4",
            _detail_rows(
                "agreements:detail",
                lambda: Agreement.objects.public().order_by("-signed_on", "pk").values_list("pk", "updated_at"),
                marker="9081726354",
            ),
        ),
    ]


@require_safe
def sitemap(request):
    """The sitemap of every section. Only the first page exists: the static section never fills a second one."""
    if request.GET.get("p", "1") != "1":
        raise Http404("No such sitemap page")
    origin = f"{request.scheme}://{request.get_host()}"
    zone = timezone.get_current_timezone()  # once: each lookup goes through a context-local
    parts = [HEAD]
    for section in sections():
        tail = f"<changefreq>{section.changefreq}</changefreq><priority>{section.priority}</priority></url>"
        for path, lastmod in section.rows():
            day = f"<lastmod>{lastmod.astimezone(zone):%Y-%m-%d}</lastmod>" if lastmod else ""
            parts.append(f"<url><loc>{escape(origin + path)}</loc>{day}{tail}")
    parts.append("\n</urlset>\n")
    response = HttpResponse("".join(parts), content_type="application/xml")
    response["X-Robots-Tag"] = "noindex, noodp, noarchive"
    return response
