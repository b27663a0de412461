from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from agreements.admin import CreditAdminMixin
from coopnet.admin_actions import PublishActionsMixin, StatusColumnMixin

from .models import Episode, Event, Participation, Person, Project


class ParticipationInline(admin.TabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["library"]
    fields = ["library", "role", "participants_count", "notes"]


@admin.register(Event)
class EventAdmin(CreditAdminMixin, StatusColumnMixin, PublishActionsMixin, admin.ModelAdmin):
    list_display = [
        "title",
        "kind",
        "format",
        "starts_at",
        "organiser",
        "age_rating",
        "status_today",
        "is_published",
    ]
    list_filter = [
        "status",
        "is_published",
        "kind",
        "format",
        "scope",
        "audience",
        "age_rating",
        "target_group",
        "venue",
        "organiser",
    ]
    search_fields = ["title", "description", "organiser__short_name", "guests__full_name"]
    date_hierarchy = "starts_at"
    autocomplete_fields = ["organiser", "guests", "agreements_added", "agreements_excluded"]
    list_select_related = ["organiser"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [ParticipationInline]
    readonly_fields = ["attendance_summary"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "format", "scope", "is_published"]}),
        (_("Статус"), {"fields": [("status", "rescheduled_to")]}),
        (
            _("Когда и где"),
            {
                "fields": [("starts_at", "ends_at"), "location", "online_url", "recording_url"],
                "description": _(
                    "Время указывается по Кемерову (часовой пояс нашей библиотеки). "
                    "На сайте оно показывается и по местному времени каждой площадки."
                ),
            },
        ),
        (_("Кто"), {"fields": ["organiser", "guests"]}),
        (
            _("Соглашения"),
            {
                "fields": CreditAdminMixin.CREDIT_FIELDS,
                "description": _(
                    "Мероприятие засчитывается соглашению каждой библиотеки-партнёра, участвовавшей в нём "
                    "(организатор и строки участия ниже), действующему на дату мероприятия."
                ),
            },
        ),
        (_("Для кого"), {"fields": ["audience", "age_rating", ("target_group", "venue")]}),
        (
            _("Участники"),
            {
                "fields": ["attendance_summary", "online_viewers", "participants_count"],
                "description": _(
                    "Участников на каждой площадке указывайте в строках библиотек ниже; итог складывается из них "
                    "и онлайн-зрителей вне площадок."
                ),
            },
        ),
        (_("Описание"), {"fields": ["description", "results", "cover", "cover_alt", "notes"]}),
    ]

    @admin.display(description=_("итого участников"))
    def attendance_summary(self, obj):
        if obj.pk is None:
            return _("нет данных")
        total = obj.attendance
        shown = _("нет данных") if total is None else total
        return f"{shown} — {obj.attendance_source}"


@admin.register(Participation)
class ParticipationAdmin(admin.ModelAdmin):
    list_display = ["event", "library", "role", "participants_count"]
    list_filter = ["role", "library"]
    search_fields = ["event__title", "library__short_name"]
    autocomplete_fields = ["event", "library"]
    list_select_related = ["event", "library"]


@admin.register(Person)
class PersonAdmin(admin.ModelAdmin):
    list_display = ["full_name", "occupation", "place"]
    search_fields = ["full_name", "occupation", "place"]
    prepopulated_fields = {"slug": ["full_name"]}


class EpisodeInline(admin.TabularInline):
    model = Episode
    extra = 1
    autocomplete_fields = ["library"]
    fields = [
        "number",
        "title",
        "tradition",
        "library",
        "video_url",
        "published_on",
        "status",
        "notes",
        "is_published",
    ]


@admin.register(Project)
class ProjectAdmin(PublishActionsMixin, admin.ModelAdmin):
    list_display = ["title", "organiser", "started_on", "is_published"]
    list_filter = ["is_published", "organiser"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["organiser"]
    list_select_related = ["organiser"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [EpisodeInline]


@admin.register(Episode)
class EpisodeAdmin(CreditAdminMixin, StatusColumnMixin, PublishActionsMixin, admin.ModelAdmin):
    list_display = ["__str__", "tradition", "library", "published_on", "status_today", "is_published"]
    list_filter = ["status", "is_published", "project", "library"]
    search_fields = ["title", "tradition", "description", "project__title"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["project", "library", "agreements_added", "agreements_excluded"]
    list_select_related = ["project", "library"]
