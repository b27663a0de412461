import zoneinfo

from django import forms
from django.contrib import admin
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from .models import Agreement, Contact, Direction, Library, agreements_credited_by

TIMEZONE_CHOICES = [("", "---------")] + [(name, name) for name in sorted(zoneinfo.available_timezones())]


class ContactInline(admin.TabularInline):
    model = Contact
    extra = 0
    fields = ["full_name", "position", "email", "phone", "notes"]


@admin.register(Library)
class LibraryAdmin(admin.ModelAdmin):
    list_display = ["short_name", "city", "region", "country", "kind", "timezone", "agreement_count", "is_host"]
    list_filter = ["country", "kind", "is_host", "region"]
    search_fields = ["name", "short_name", "named_after", "city", "region"]
    prepopulated_fields = {"slug": ["short_name"]}
    inlines = [ContactInline]
    fieldsets = [
        (None, {"fields": ["name", "short_name", "named_after", "kind", "slug", "is_host"]}),
        (_("Где"), {"fields": ["country", "region", "city", "address", "timezone", ("latitude", "longitude")]}),
        (_("О библиотеке"), {"fields": ["website", "description"]}),
    ]

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "timezone":
            kwargs["widget"] = forms.Select(choices=TIMEZONE_CHOICES)
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(agreement_total=Count("agreements", distinct=True))

    @admin.display(description=_("соглашений"), ordering="agreement_total")
    def agreement_count(self, obj):
        return obj.agreement_total


@admin.register(Contact)
class ContactAdmin(admin.ModelAdmin):
    list_display = ["full_name", "position", "library", "email", "phone"]
    list_filter = ["library__country", "library"]
    search_fields = ["full_name", "position", "email", "phone", "library__short_name"]
    autocomplete_fields = ["library"]
    list_select_related = ["library"]


@admin.register(Direction)
class DirectionAdmin(admin.ModelAdmin):
    list_display = ["name", "position", "slug"]
    list_editable = ["position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = [
        "__str__",
        "partner",
        "signed_on",
        "valid_until",
        "state_badge",
        "status",
        "has_scan",
        "is_public",
    ]
    list_filter = ["status", "is_public", "auto_prolongation", "directions", "partner__country"]
    search_fields = ["number", "title", "partner__name", "partner__short_name", "partner__city", "notes"]
    date_hierarchy = "signed_on"
    autocomplete_fields = ["host", "partner"]
    filter_horizontal = ["directions"]
    list_select_related = ["partner", "host"]
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
        (
            _("Срок действия"),
            {
                "fields": [
                    ("valid_from", "valid_until"),
                    ("auto_prolongation", "prolongation_years"),
                    ("status", "terminated_on"),
                ]
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

    @admin.display(description=_("состояние"))
    def state_badge(self, obj):
        return obj.get_state_display()

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
