"""sitemap.xml: every public page a search engine should find. Drafts and non-public rows never appear."""

from django.contrib.sitemaps import Sitemap
from django.urls import NoReverseMatch, reverse

from agreements.models import Agreement, Library
from contests.models import Contest
from events.models import Event, Project
from exhibitions.models import Exhibition


class StaticSitemap(Sitemap):
    changefreq = "daily"
    priority = 0.8
    names = [
        "site:home",
        "events:list",
        "events:telebridges",
        "exhibitions:list",
        "contests:list",
        "agreements:partner_list",
        "agreements:list",
    ]

    def items(self):
        # A section that is not wired yet is left out rather than breaking the whole sitemap.
        found = []
        for name in self.names:
            try:
                reverse(name)
            except NoReverseMatch:
                continue
            found.append(name)
        return found

    def location(self, item):
        return reverse(item)


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Event.objects.filter(is_published=True).only("slug", "updated_at").order_by("-starts_at", "pk")

    def lastmod(self, item):
        return item.updated_at


class ProjectSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Project.objects.filter(is_published=True).only("slug").order_by("title", "pk")


class ExhibitionSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Exhibition.objects.filter(is_published=True).order_by("title", "pk")

    def lastmod(self, item):
        return item.updated_at


class ContestSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Contest.objects.filter(is_published=True).order_by("title", "pk")

    def lastmod(self, item):
        return item.updated_at


class PartnerSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Library.objects.filter(is_host=False).order_by("short_name", "pk")

    def lastmod(self, item):
        return item.updated_at


class AgreementSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Agreement.objects.public().order_by("-signed_on", "pk")

    def lastmod(self, item):
        return item.updated_at


def build_sitemaps() -> dict:
    sitemaps = {"static": StaticSitemap, "events": EventSitemap, "projects": ProjectSitemap}
    # Pages of the other sections join as soon as their models can say where they live.
    optional = {
        "exhibitions": (Exhibition, ExhibitionSitemap),
        "contests": (Contest, ContestSitemap),
        "partners": (Library, PartnerSitemap),
        "agreements": (Agreement, AgreementSitemap),
    }
    for key, (model, sitemap) in optional.items():
        if hasattr(model, "get_absolute_url"):
            sitemaps[key] = sitemap
    return sitemaps


SITEMAPS = build_sitemaps()
