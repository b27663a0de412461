from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.actions import PublishActionsMixin, StatusColumnMixin
from adminkit.filters import StatusFilter
from adminkit.grammar import FEMININE, declare_nouns, noun
from adminkit.partner_side import PartnerSideInlineMixin
from adminkit.related import RelatedLinksMixin
from adminkit.site import CoopnetModelAdmin
from agreements.admin import CreditAdminMixin

from .forms import StopForm, StopFormSet
from .models import Exhibition, ExhibitionStop


class StopInline(RelatedLinksMixin, PartnerSideInlineMixin, admin.StackedInline):
    """A stop in short rows, so the route fits a 1366 px screen and each error shows beside its field."""

    model = ExhibitionStop
    form = StopForm
    formset = StopFormSet
    extra = 1
    new_rows_max = 20  # added per save (adminkit.formsets): each stop is a stacked form
    autocomplete_fields = ["venue"]
    fieldsets = [
        (
            None,
            {
                "fields": [
                    "venue",
                    ("starts_on", "ends_on"),
                    ("status", "rescheduled_to"),
                    ("visitors", "excursions"),
                    "notes",
                    "partner_side",
                ]
            },
        ),
    ]


@admin.register(Exhibition)
class ExhibitionAdmin(CreditAdminMixin, StatusColumnMixin, PublishActionsMixin, CoopnetModelAdmin):
    # Columns chosen to fit a 1366 px screen beside the filters; the age rating is a filter, the exchange's other
    # half is on the exhibition's page.
    list_display = ["title", "kind", "provider", "items_count", "status_today", "is_published"]
    list_filter = [StatusFilter, "is_published", "kind", "age_rating", "provider"]
    search_fields = ["title", "description", "provider__short_name"]
    autocomplete_fields = ["provider", "counterpart", "agreements_added", "agreements_excluded"]
    list_select_related = ["provider", "counterpart"]

    def get_queryset(self, request):
        # The status column asks whether every stop has closed.
        return super().get_queryset(request).prefetch_related("stops")

    prepopulated_fields = {"slug": ["title"]}
    inlines = [StopInline]


@admin.register(ExhibitionStop)
class ExhibitionStopAdmin(StatusColumnMixin, CoopnetModelAdmin):
    list_display = ["exhibition", "venue", "starts_on", "ends_on", "status_today", "visitors", "excursions"]
    list_filter = [StatusFilter, "venue"]
    search_fields = ["exhibition__title", "venue__short_name"]
    date_hierarchy = "starts_on"
    autocomplete_fields = ["exhibition", "venue"]
    list_select_related = ["exhibition", "venue"]


# The admin's Russian for this app's models (adminkit.grammar): cases, counting forms, gender.
declare_nouns(
    {
        "exhibitions.exhibition": noun(
            _("выставка"), _("выставку"), _("выставка"), _("выставки"), _("выставок"), FEMININE
        ),
        "exhibitions.exhibitionstop": noun(
            _("площадка выставки"),
            _("площадку выставки"),
            _("площадка выставки"),
            _("площадки выставок"),
            _("площадок выставок"),
            FEMININE,
        ),
    }
)
