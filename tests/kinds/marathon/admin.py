from django.contrib import admin

from adminkit.grammar import FEMININE, MASCULINE, declare_nouns, noun
from adminkit.site import CoopnetModelAdmin

from .models import Marathon, MarathonSite


class MarathonSiteInline(admin.TabularInline):
    model = MarathonSite
    extra = 0


@admin.register(Marathon)
class MarathonAdmin(CoopnetModelAdmin):
    list_display = ["title", "starts_on", "status"]
    search_fields = ["title"]
    inlines = [MarathonSiteInline]


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
