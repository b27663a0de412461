from django.contrib import admin, messages
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from adminkit.actions import PublishActionsMixin, StatusColumnMixin
from adminkit.filters import StatusFilter
from adminkit.grammar import MASCULINE, NEUTER, declare_nouns, noun
from adminkit.partner_side import PartnerSideInlineMixin
from adminkit.related import RelatedLinksMixin
from adminkit.site import CoopnetModelAdmin
from agreements.admin import CreditAdminMixin
from tabular.admin import ImportExportMixin

from .admin_filters import EpisodeWhenFilter, EventAttendanceFilter, EventWhenFilter
from .models import Episode, Event, Participation, Person, Project, copy_event, ensure_organiser_participation


class ParticipationInline(RelatedLinksMixin, PartnerSideInlineMixin, admin.TabularInline):
    model = Participation
    extra = 1
    autocomplete_fields = ["library"]
    fields = ["library", "role", "participants_count", "notes", "partner_side"]


def _reasons(error: ValidationError) -> str:
    """«название: Это поле не может быть пустым.» — each message with the field it is about."""
    if not hasattr(error, "error_dict"):
        return " ".join(error.messages)
    parts = []
    for name, messages_ in error.message_dict.items():
        label = "" if name == NON_FIELD_ERRORS else f"{Event._meta.get_field(name).verbose_name}: "
        parts += [f"{label}{message}" for message in messages_]
    return " ".join(parts)


@admin.register(Event)
class EventAdmin(ImportExportMixin, CreditAdminMixin, StatusColumnMixin, PublishActionsMixin, CoopnetModelAdmin):
    # Columns chosen to fit a 1366 px screen beside the filters; the age rating is a filter.
    list_display = ["title", "kind", "format", "starts_at", "organiser", "status_today", "is_published"]
    list_filter = [
        EventWhenFilter,
        StatusFilter,
        EventAttendanceFilter,
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
    actions = [*PublishActionsMixin.actions, "copy_events"]
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

    def save_related(self, request, form, formsets, change):
        """The organiser is named once, in its field: its participation row follows (`Participation.clean()`
        refuses the role «организатор» for another library)."""
        super().save_related(request, form, formsets, change)
        ensure_organiser_participation(form.instance)

    def get_urls(self):
        copy = self.admin_site.admin_view(require_POST(self.copy_view))
        name = f"{self.opts.app_label}_{self.opts.model_name}_copy"
        return [path("<path:object_id>/copy/", copy, name=name), *super().get_urls()]

    def copy_view(self, request, object_id):
        """The «Создать копию» button of the change page: a draft copy, opened for editing."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        event = get_object_or_404(self.get_queryset(request), pk=object_id)
        copies = self._copies(request, [event])
        if not copies:
            return HttpResponseRedirect(reverse("admin:events_event_change", args=[event.pk]))
        return self._open_copy(request, copies[0])

    @admin.action(description=_("Создать копию (черновик)"), permissions=["add"])
    def copy_events(self, request, queryset):
        copies = self._copies(request, list(queryset.order_by("starts_at", "pk")))
        if len(copies) == 1:
            return self._open_copy(request, copies[0])
        if copies:
            self.message_user(
                request, _("Создано черновиков-копий: %(count)s.") % {"count": len(copies)}, messages.SUCCESS
            )
        return None

    def _copies(self, request, events):
        """Copies of all the events or, if one cannot be copied as it is (its stored data break a rule), of none."""
        try:
            with transaction.atomic():
                return [copy_event(event) for event in events]
        except ValidationError as error:
            self.message_user(
                request,
                _("Копия не создана: %(reasons)s Исправьте мероприятие и повторите.") % {"reasons": _reasons(error)},
                messages.ERROR,
            )
            return []

    def _open_copy(self, request, copy):
        self.message_user(
            request,
            _("Создана копия «%(title)s» — черновик со статусом «запланировано». Укажите даты и опубликуйте.")
            % {"title": copy.title},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:events_event_change", args=[copy.pk]))

    @admin.display(description=_("итого участников"))
    def attendance_summary(self, obj):
        if obj.pk is None:
            return _("нет данных")
        total = obj.attendance
        shown = _("нет данных") if total is None else total
        return f"{shown} — {obj.attendance_source}"


@admin.register(Participation)
class ParticipationAdmin(CoopnetModelAdmin):
    list_display = ["event", "library", "role", "participants_count"]
    list_filter = ["role", "library"]
    search_fields = ["event__title", "library__short_name"]
    autocomplete_fields = ["event", "library"]
    list_select_related = ["event", "library"]


@admin.register(Person)
class PersonAdmin(CoopnetModelAdmin):
    list_display = ["full_name", "occupation", "place"]
    search_fields = ["full_name", "occupation", "place"]
    prepopulated_fields = {"slug": ["full_name"]}


class EpisodeInline(RelatedLinksMixin, admin.StackedInline):
    """Stacked: nine fields in a table's row made the project's page three screens wide."""

    model = Episode
    extra = 1
    autocomplete_fields = ["library"]
    fields = [
        ("number", "published_on", "status"),
        "title",
        ("tradition", "library"),
        "video_url",
        "notes",
        "is_published",
    ]


@admin.register(Project)
class ProjectAdmin(PublishActionsMixin, CoopnetModelAdmin):
    list_display = ["title", "organiser", "started_on", "is_published"]
    list_filter = ["is_published", "organiser"]
    search_fields = ["title", "description"]
    autocomplete_fields = ["organiser"]
    list_select_related = ["organiser"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [EpisodeInline]


@admin.register(Episode)
class EpisodeAdmin(CreditAdminMixin, StatusColumnMixin, PublishActionsMixin, CoopnetModelAdmin):
    list_display = ["__str__", "tradition", "library", "published_on", "status_today", "is_published"]
    list_filter = [EpisodeWhenFilter, StatusFilter, "is_published", "project", "library"]
    search_fields = ["title", "tradition", "description", "project__title"]
    date_hierarchy = "published_on"
    autocomplete_fields = ["project", "library", "agreements_added", "agreements_excluded"]
    list_select_related = ["project", "library"]


# The admin's Russian for this app's models (adminkit.grammar): cases, counting forms, gender.
declare_nouns(
    {
        "events.event": noun(
            _("мероприятие"), _("мероприятие"), _("мероприятие"), _("мероприятия"), _("мероприятий"), NEUTER
        ),
        "events.participation": noun(
            _("участие библиотеки"),
            _("участие библиотеки"),
            _("участие библиотеки"),
            _("участия библиотек"),
            _("участий библиотек"),
            NEUTER,
        ),
        "events.person": noun(_("гость"), _("гостя"), _("гость"), _("гостя"), _("гостей"), MASCULINE, True),
        "events.project": noun(
            _("просветительский проект"),
            _("просветительский проект"),
            _("просветительский проект"),
            _("просветительских проекта"),
            _("просветительских проектов"),
            MASCULINE,
        ),
        "events.episode": noun(_("выпуск"), _("выпуск"), _("выпуск"), _("выпуска"), _("выпусков"), MASCULINE),
    }
)
