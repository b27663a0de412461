from django.contrib import admin

from agreements.admin import CreditAdminMixin
from coopnet.admin_actions import PublishActionsMixin, StatusColumnMixin

from .models import Contest, Curator, Entry


class CuratorInline(admin.TabularInline):
    model = Curator
    extra = 1
    autocomplete_fields = ["library"]


class EntryInline(admin.TabularInline):
    model = Entry
    extra = 1
    autocomplete_fields = ["curator"]
    fields = [
        "entrant_name",
        "age",
        "locality",
        "school",
        "curator",
        "work_title",
        "nomination",
        "result",
        "place",
        "public_consent",
    ]


@admin.register(Contest)
class ContestAdmin(CreditAdminMixin, StatusColumnMixin, PublishActionsMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "organiser",
        "scope",
        "submissions_until",
        "results_on",
        "age_rating",
        "status_today",
        "is_published",
    ]
    list_filter = ["status", "is_published", "scope", "is_online", "age_rating", "organiser"]
    search_fields = ["title", "theme", "description", "organiser__short_name"]
    date_hierarchy = "submissions_until"
    autocomplete_fields = ["organiser", "agreements_added", "agreements_excluded"]
    list_select_related = ["organiser"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [CuratorInline, EntryInline]


@admin.register(Entry)
class EntryAdmin(admin.ModelAdmin):
    list_display = ["entrant_name", "contest", "age", "locality", "curator", "nomination", "result", "public_consent"]
    list_filter = ["result", "public_consent", "contest"]
    search_fields = ["entrant_name", "work_title", "locality", "school", "contest__title"]
    autocomplete_fields = ["contest", "curator"]
    list_select_related = ["contest", "curator"]


@admin.register(Curator)
class CuratorAdmin(admin.ModelAdmin):
    list_display = ["library", "contest", "region"]
    search_fields = ["library__short_name", "contest__title", "region"]
    autocomplete_fields = ["contest", "library"]
    list_select_related = ["contest", "library"]
