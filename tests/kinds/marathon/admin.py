from django.contrib import admin

from .models import Marathon, MarathonSite


class MarathonSiteInline(admin.TabularInline):
    model = MarathonSite
    extra = 0


@admin.register(Marathon)
class MarathonAdmin(admin.ModelAdmin):
    list_display = ["title", "starts_on", "status"]
    search_fields = ["title"]
    inlines = [MarathonSiteInline]
