from django.contrib import admin

from adminkit.filters import StatusFilter
from adminkit.grammar import FEMININE, MASCULINE, declare_nouns, noun
from adminkit.related import RelatedLinksMixin
from adminkit.site import CoopnetModelAdmin

from .models import Marathon, MarathonSite


class MarathonSiteInline(RelatedLinksMixin, admin.TabularInline):
    model = MarathonSite
    extra = 0


@admin.register(Marathon)
class MarathonAdmin(CoopnetModelAdmin):
    list_display = ["title", "starts_on", "status"]
    list_filter = [StatusFilter, "is_published"]
    search_fields = ["title"]
    inlines = [MarathonSiteInline]


@admin.register(MarathonSite)
class MarathonSiteAdmin(CoopnetModelAdmin):
    list_display = ["marathon", "library", "participants_count"]
    list_filter = ["marathon__status"]
    list_select_related = ["marathon", "library"]


declare_nouns(
    {
        "marathon.marathon": noun(
            "читательский марафон",
            "читательский марафон",
            "читательский марафон",
            "читательских марафона",
            "читательских марафонов",
            MASCULINE,
        ),
        "marathon.marathonsite": noun(
            "площадка марафона",
            "площадку марафона",
            "площадка марафона",
            "площадки марафона",
            "площадок марафона",
            FEMININE,
        ),
    }
)
