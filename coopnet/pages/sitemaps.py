"""sitemap.xml: every public page a search engine should find. Drafts and non-public rows never appear."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

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
        return self.names

    def location(self, item):
        return reverse(item)


class EventSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.7

    def items(self):
        return Event.objects.public().select_related(None).only("slug", "updated_at").order_by("-starts_at", "pk")

    def lastmod(self, item):
        return item.updated_at


class ProjectSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Project.objects.public().select_related(None).only("slug").order_by("title", "pk")


class ExhibitionSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Exhibition.objects.public().order_by("title", "pk")

    def lastmod(self, item):
        return item.updated_at


class ContestSitemap(Sitemap):
    changefreq = "weekly"
    priority = 0.6

    def items(self):
        return Contest.objects.public().order_by("title", "pk")

    def lastmod(self, item):
        return item.updated_at


class PartnerSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.5

    def items(self):
        return Library.objects.partners().order_by("short_name", "pk")

    def lastmod(self, item):
        return item.updated_at


class AgreementSitemap(Sitemap):
    changefreq = "monthly"
    priority = 0.4

    def items(self):
        return Agreement.objects.public().order_by("-signed_on", "pk")

    def lastmod(self, item):
        return item.updated_at


SITEMAPS = {
    "static": StaticSitemap,
    "events": EventSitemap,
    "projects": ProjectSitemap,
    "exhibitions": ExhibitionSitemap,
    "contests": ContestSitemap,
    "partners": PartnerSitemap,
    "agreements": AgreementSitemap,
}
