from django.contrib import admin
from django.db.models import Count
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

from adminkit.grammar import FEMININE, NEUTER, declare_nouns, noun
from adminkit.related import RelatedLinksMixin
from adminkit.site import CoopnetModelAdmin
from core import gazetteer
from core.timezones import TimeZoneSelect
from core.timezones import label_of as timezone_label_of
from tabular.admin import ImportExportMixin

from .forms import AgreementAdminForm, AmendmentForm
from .map import outline as map_outline
from .models import (
    Agreement,
    Amendment,
    Contact,
    Direction,
    Library,
    agreements_credited_by,
    apply_amendment,
    credited_activities,
)
from .timeline import agreement_timeline


class ContactInline(RelatedLinksMixin, admin.StackedInline):
    """Stacked: in a table's row the notes' box made a library's page 2,232 px wide at 1,366 px."""

    model = Contact
    extra = 0
    fields = [("full_name", "position"), ("email", "phone"), "notes"]


@admin.register(Library)
class LibraryAdmin(ImportExportMixin, CoopnetModelAdmin):
    # Columns chosen to fit a 1366 px screen beside the filters; the region is a filter and is searched.
    list_display = ["short_name", "city", "country", "kind", "zone", "agreement_count", "is_host"]
    list_filter = ["country", "kind", "is_host", "region"]
    search_fields = ["name", "short_name", "named_after", "city", "region"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [ContactInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "named_after", "kind", "slug", "is_host"]}),
        (_("Где"), {"fields": ["country", "region", "city", "address", "timezone", ("latitude", "longitude")]}),
        (_("О библиотеке"), {"fields": ["website", "description", "notes"]}),
    ]

    def get_fieldsets(self, request, obj=None):
        """Someone who may only view the library reads its zone as a place and offset, not as the stored name."""
        fieldsets = super().get_fieldsets(request, obj)
        if obj is None or self.has_change_permission(request, obj):
            return fieldsets
        return [
            (title, {**options, "fields": [("zone" if name == "timezone" else name) for name in options["fields"]]})
            for title, options in fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        readonly = super().get_readonly_fields(request, obj)
        if obj is not None and not self.has_change_permission(request, obj):
            return [*readonly, "zone"]
        return readonly

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "timezone":
            # Russia, Kazakhstan and neighbours by city and UTC offset, then the rest of the world by Russian city
            # and country names; the offsets as of the moment the form is shown.
            kwargs["widget"] = TimeZoneSelect()
            kwargs["help_text"] = _(
                "Выберите город с тем же временем; смещение от UTC — на сегодня. Пояса остального мира — в конце "
                "списка, в группе «Другие часовые пояса»."
            )
        if db_field.name in {"latitude", "longitude"}:
            # Left empty, both are filled from the city's entry in the gazetteer when the form is saved; under
            # them, a map to click for the point.
            kwargs["widget"] = gazetteer.CityCoordinateInput(db_field.name, map_outline=map_outline())
            if db_field.name == "latitude":
                kwargs["help_text"] = gazetteer.HELP_TEXT
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        # A grouped query drops the model's default order: say it again, so lists and autocomplete pages are stable.
        counted = super().get_queryset(request).annotate(agreement_total=Count("agreements", distinct=True))
        return counted.order_by(*Library._meta.ordering)

    @admin.display(description=_("часовой пояс"), ordering="timezone")
    def zone(self, obj):
        return timezone_label_of(obj.timezone)

    @admin.display(description=_("соглашений"), ordering="agreement_total")
    def agreement_count(self, obj):
        return obj.agreement_total


@admin.register(Contact)
class ContactAdmin(CoopnetModelAdmin):
    list_display = ["full_name", "position", "library", "email", "phone"]
    list_filter = ["library__country", "library"]
    search_fields = ["full_name", "position", "email", "phone", "library__short_name"]
    autocomplete_fields = ["library"]
    list_select_related = ["library"]


@admin.register(Direction)
class DirectionAdmin(CoopnetModelAdmin):
    list_display = ["name", "position", "slug"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


class AmendmentInline(RelatedLinksMixin, admin.StackedInline):
    model = Amendment
    form = AmendmentForm
    extra = 0
    new_rows_max = 20  # added per save (adminkit.formsets): each is a form of its own, with a scan and directions
    autocomplete_fields = ["directions_added", "directions_removed"]
    fields = [("number", "signed_on"), "new_valid_until", "directions_added", "directions_removed", "summary", "scan"]


class StateTodayFilter(admin.SimpleListFilter):
    """By the derived state today: the SQL form of `Agreement.state_on()` (`in_state_on`, tested to agree)."""

    title = _("состояние на сегодня")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return Agreement.State.choices

    def queryset(self, request, queryset):
        if self.value() in Agreement.State.values:
            return queryset.in_state_on(self.value(), timezone.localdate())
        return queryset


def _admin_link(obj, text) -> str:
    opts = obj._meta
    try:
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    except NoReverseMatch:
        return text
    return format_html('<a href="{}">{}</a>', url, text)


def delete_refusals(agreements) -> list:
    """Why each of these agreements may not be deleted: the activities credited to it and its supplementary
    agreements, as nested list items for the delete page. Empty when nothing depends on any of them."""
    agreements = list(agreements)
    activities = credited_activities(agreements)
    amendments: dict[int, list[Amendment]] = {}
    for amendment in Amendment.objects.filter(agreement__in=agreements):
        amendments.setdefault(amendment.agreement_id, []).append(amendment)
    refusals = []
    for agreement in agreements:
        reasons = [
            format_html(
                "{}: {}",
                capfirst(activity._meta.verbose_name),
                _admin_link(activity, getattr(activity, "title", None) or str(activity)),
            )
            for activity in activities[agreement.pk]
        ]
        reasons += [str(amendment) for amendment in amendments.get(agreement.pk, [])]
        if reasons:
            refusals += [_admin_link(agreement, str(agreement)), reasons]
    return refusals


def refusing(action):
    """The bulk delete (Django's, said in Russian by adminkit.grammar); a confirmed delete that is refused answers
    409 with the explanation."""

    def delete_selected_or_refuse(modeladmin, request, queryset):
        response = action(modeladmin, request, queryset)
        if response is not None and request.POST.get("post"):
            response.status_code = 409
        return response

    delete_selected_or_refuse.__name__ = "delete_selected"
    return delete_selected_or_refuse


@admin.register(Agreement)
class AgreementAdmin(ImportExportMixin, CoopnetModelAdmin):
    form = AgreementAdminForm
    inlines = [AmendmentInline]
    list_display = ["__str__", "partner", "signed_on", "valid_until", "state_badge", "has_scan", "is_public"]
    list_filter = [StateTodayFilter, "is_public", "auto_prolongation", "directions", "partner__country"]
    search_fields = ["number", "title", "partner__name", "partner__short_name", "partner__city", "notes"]
    date_hierarchy = "signed_on"
    autocomplete_fields = ["host", "partner"]
    filter_horizontal = ["directions"]
    list_select_related = ["partner", "host"]
    readonly_fields = ["state_today", "term_today"]
    fieldsets = [
        (None, {"fields": ["host", "partner", "number", "title", "directions", "is_public"]}),
        (
            _("Подписание"),
            {
                "fields": [
                    "signed_on",
                    "signed_at",
                    ("host_signatory", "host_signatory_position"),
                    ("partner_signatory", "partner_signatory_position"),
                ]
            },
        ),
        (_("Ответственные"), {"fields": ["host_responsible", "partner_responsible"]}),
        (
            _("Срок действия"),
            {
                "fields": [
                    ("valid_from", "valid_until"),
                    ("auto_prolongation", "prolongation_years"),
                    "notice_days",
                    "status",
                    ("state_today", "term_today"),
                ]
            },
        ),
        (
            _("Расторжение"),
            {
                "fields": [("terminated_on", "termination_notice_on"), "termination_initiator", "termination_reason"],
                "description": _("Заполняется, только если статус — «расторгнуто»."),
            },
        ),
        (_("Документ"), {"fields": ["scan", "notes"]}),
    ]

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        host = Library.host()
        if host and "host" not in initial:
            initial["host"] = host.pk
        return initial

    def get_inlines(self, request, obj):
        """Supplementary agreements are added to an agreement once it is saved."""
        return self.inlines if obj is not None and obj.pk else []

    def save_related(self, request, form, formsets, change):
        """After the amendments are saved with their directions, the agreement takes on what they change."""
        super().save_related(request, form, formsets, change)
        for formset in formsets:
            if formset.model is Amendment:
                created = {amendment.pk for amendment in formset.new_objects}
                saved = [*formset.new_objects, *(obj for obj, _fields in formset.changed_objects)]
                for amendment in sorted(saved, key=lambda a: (a.signed_on, a.pk)):
                    amendment.agreement = form.instance
                    apply_amendment(amendment=amendment, created=amendment.pk in created)

    def render_change_form(self, request, context, add=False, change=False, form_url="", obj=None):
        if obj is not None and obj.pk:
            stored = Agreement.objects.select_related("partner").get(pk=obj.pk)
            context["agreement_timeline"] = agreement_timeline(stored)
        return super().render_change_form(request, context, add, change, form_url, obj)

    def get_deleted_objects(self, objs, request):
        """Refuse to delete an agreement that activities are credited to or that has supplementary agreements:
        the delete page lists them (the template says why); a mistaken draft with nothing on it can go."""
        deleted, counts, perms_needed, protected = super().get_deleted_objects(objs, request)
        refusals = delete_refusals(objs)
        if refusals:
            # The supplementary agreements are named under their agreement, not twice.
            amendment_prefix = f"{capfirst(Amendment._meta.verbose_name)}:"
            protected = [item for item in protected if not str(item).startswith(amendment_prefix)] + refusals
        return deleted, counts, perms_needed, protected

    def delete_view(self, request, object_id, extra_context=None):
        response = super().delete_view(request, object_id, extra_context)
        if request.method == "POST" and response.status_code == 200:
            response.status_code = 409  # refused: the page says what depends on the agreement
        return response

    def get_actions(self, request):
        actions = super().get_actions(request)
        if "delete_selected" in actions:
            func, name, description = actions["delete_selected"]
            actions["delete_selected"] = (refusing(func), name, description)
        return actions

    @admin.display(description=_("состояние на сегодня"))
    def state_badge(self, obj):
        return obj.get_state_display()

    @admin.display(description=_("состояние на сегодня"))
    def state_today(self, obj):
        """Derived from the dates and the status; never typed."""
        if obj is None or obj.pk is None or obj.signed_on is None:
            return _("определится после сохранения")
        return obj.get_state_display()

    @admin.display(description=_("текущий срок"))
    def term_today(self, obj):
        if obj is None or obj.pk is None or obj.signed_on is None:
            return "—"
        today = timezone.localdate()
        end = obj.current_term_end(today)
        if end is None:
            return _("бессрочно") if obj.is_in_force_on(today) and obj.valid_until is None else "—"
        text = _("до %(end)s") % {"end": end.strftime("%d.%m.%Y")}
        deadline = obj.notice_deadline(today)
        if deadline is not None:
            text += "; " + _("заявить об отказе от пролонгации — до %(date)s") % {"date": deadline.strftime("%d.%m.%Y")}
        return text

    @admin.display(description=_("скан"), boolean=True)
    def has_scan(self, obj):
        return bool(obj.scan)


class CreditAdminMixin:
    """For activity admins: which agreements the activity counts for, by the rule, with the staff overrides."""

    CREDIT_FIELDS = ["credit_summary", "agreements_added", "agreements_excluded"]

    def get_readonly_fields(self, request, obj=None):
        return [*super().get_readonly_fields(request, obj), "credit_summary"]

    @admin.display(description=_("засчитывается соглашениям"))
    def credit_summary(self, obj):
        if obj is None or obj.pk is None:
            return _("определится после сохранения: по библиотекам-участницам и датам")
        credited = Agreement.objects.filter(pk__in=agreements_credited_by(obj)).select_related("partner")
        return "; ".join(str(agreement) for agreement in credited) or _("ни одному (партнёры не участвовали)")


# The admin's Russian for this app's models (adminkit.grammar): cases, counting forms, gender.
declare_nouns(
    {
        "agreements.library": noun(
            _("библиотека"), _("библиотеку"), _("библиотека"), _("библиотеки"), _("библиотек"), FEMININE
        ),
        "agreements.contact": noun(
            _("контактное лицо"),
            _("контактное лицо"),
            _("контактное лицо"),
            _("контактных лица"),
            _("контактных лиц"),
            NEUTER,
            True,
        ),
        "agreements.direction": noun(
            _("направление сотрудничества"),
            _("направление сотрудничества"),
            _("направление сотрудничества"),
            _("направления сотрудничества"),
            _("направлений сотрудничества"),
            NEUTER,
        ),
        "agreements.agreement": noun(
            _("соглашение"), _("соглашение"), _("соглашение"), _("соглашения"), _("соглашений"), NEUTER
        ),
        "agreements.amendment": noun(
            _("дополнительное соглашение"),
            _("дополнительное соглашение"),
            _("дополнительное соглашение"),
            _("дополнительных соглашения"),
            _("дополнительных соглашений"),
            NEUTER,
        ),
    }
)
