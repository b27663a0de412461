from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.actions import PublishActionsMixin, StatusColumnMixin
from adminkit.filters import StatusFilter
from adminkit.grammar import FEMININE, MASCULINE, declare_nouns, noun
from adminkit.partner_side import PartnerSideInlineMixin
from adminkit.related import RelatedLinksMixin
from adminkit.site import CoopnetModelAdmin
from agreements.admin import CreditAdminMixin

from .forms import ContestEntryForm, EntryForm
from .models import Contest, Curator, Entry, Nomination

# An entry in short rows of two fields, so the inline fits a 1366 px screen and each error shows beside its field.
ENTRY_FIELDSETS = [
    (
        None,
        {
            "fields": [
                ("entrant_name", "age"),
                ("locality", "school"),
                ("work_title", "nomination"),
                ("result", "place"),
                ("curator", "public_consent"),
            ]
        },
    ),
]


class CuratorInline(RelatedLinksMixin, PartnerSideInlineMixin, admin.TabularInline):
    model = Curator
    extra = 1
    autocomplete_fields = ["library"]
    fields = ["library", "region", "partner_side"]


class NominationInline(RelatedLinksMixin, admin.TabularInline):
    """Nominations are part of their contest: whoever may edit the contest may edit them."""

    model = Nomination
    extra = 1
    new_rows_max = 30  # added per save (adminkit.formsets)
    fields = ["name", "position"]

    def _may_edit(self, request) -> bool:
        return request.user.has_perm("contests.change_contest") or request.user.has_perm("contests.add_contest")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("contests.view_contest") or self._may_edit(request)

    def has_add_permission(self, request, obj=None):
        return self._may_edit(request)

    def has_change_permission(self, request, obj=None):
        return self._may_edit(request)

    def has_delete_permission(self, request, obj=None):
        return self._may_edit(request)


class EntryInline(RelatedLinksMixin, admin.StackedInline):
    """Stacked and collapsed: a contest may have dozens of entries, each in a few rows."""

    model = Entry
    extra = 1
    new_rows_max = 20  # added per save (adminkit.formsets): each entry is a stacked form of a dozen fields
    classes = ["collapse"]
    fieldsets = ENTRY_FIELDSETS

    def get_formset(self, request, obj=None, **kwargs):
        kwargs["form"] = ContestEntryForm.for_contest(obj)
        return super().get_formset(request, obj, **kwargs)

    def get_queryset(self, request):
        # Each entry's heading names it with its contest.
        return super().get_queryset(request).select_related("contest")


@admin.register(Contest)
class ContestAdmin(CreditAdminMixin, StatusColumnMixin, PublishActionsMixin, CoopnetModelAdmin):
    # Columns chosen to fit a 1366 px screen beside the filters; the level and the age rating are filters.
    list_display = ["title", "organiser", "submissions_until", "results_on", "status_today", "is_published"]
    list_filter = [StatusFilter, "is_published", "scope", "is_online", "age_rating", "organiser"]
    search_fields = ["title", "theme", "description", "organiser__short_name"]
    date_hierarchy = "submissions_until"
    autocomplete_fields = ["organiser", "agreements_added", "agreements_excluded"]
    list_select_related = ["organiser"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [NominationInline, CuratorInline, EntryInline]


@admin.register(Entry)
class EntryAdmin(CoopnetModelAdmin):
    form = EntryForm
    # Columns chosen to fit a 1366 px screen beside the filters; the locality is searched.
    list_display = ["entrant_name", "contest", "age", "curator", "nomination", "result", "public_consent"]
    list_filter = ["result", "public_consent", "contest"]
    search_fields = ["entrant_name", "work_title", "locality", "school", "contest__title", "nomination__name"]
    autocomplete_fields = ["contest"]
    list_select_related = ["contest", "curator", "nomination"]
    fieldsets = [(None, {"fields": ["contest"]}), *ENTRY_FIELDSETS]


@admin.register(Curator)
class CuratorAdmin(CoopnetModelAdmin):
    list_display = ["library", "contest", "region"]
    search_fields = ["library__short_name", "contest__title", "region"]
    autocomplete_fields = ["contest", "library"]
    list_select_related = ["contest", "library"]


# The admin's Russian for this app's models (adminkit.grammar): cases, counting forms, gender.
declare_nouns(
    {
        "contests.contest": noun(_("конкурс"), _("конкурс"), _("конкурс"), _("конкурса"), _("конкурсов"), MASCULINE),
        "contests.curator": noun(
            _("региональный куратор"),
            _("регионального куратора"),
            _("региональный куратор"),
            _("региональных куратора"),
            _("региональных кураторов"),
            MASCULINE,
            True,
        ),
        "contests.entry": noun(
            _("работа участника"),
            _("работу участника"),
            _("работа участника"),
            _("работы участников"),
            _("работ участников"),
            FEMININE,
        ),
        "contests.nomination": noun(
            _("номинация"), _("номинацию"), _("номинация"), _("номинации"), _("номинаций"), FEMININE
        ),
    }
)
