"""The admin site of coopnet and the ModelAdmin every model's admin derives from.

`CoopnetModelAdmin` carries what every model's admin shares (correct Russian, history, safe concurrent editing…),
so an app's admin.py declares only what is its own: `class EventAdmin(…, CoopnetModelAdmin)`. The admins Django
and django-axes register themselves are registered again as such subclasses (`adminkit.thirdparty`), and a system
check (`adminkit.checks`) refuses a ModelAdmin that is not one. The site is Django's default site
(`adminkit.apps.CoopnetAdminConfig`), so `@admin.register` and `admin.site` reach it.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.actions import SelectedRowsMixin
from adminkit.autocomplete import SafeAutocompleteAdminMixin
from adminkit.concurrency import ConcurrentEditAdminMixin
from adminkit.formsets import BoundedInlinesAdminMixin
from adminkit.grammar import RussianAdminMixin
from adminkit.history import HistoryAdminMixin
from adminkit.partner_side import PartnerSideAdminMixin
from adminkit.related import RelatedLinksMixin

# What every model's admin shares, first listed = first in the method resolution order.
SHARED_MIXINS: tuple[type, ...] = (
    RussianAdminMixin,  # titles, buttons, messages, counts in the model's case and gender
    HistoryAdminMixin,  # versions, restoring one, a plain Russian delete page
    ConcurrentEditAdminMixin,  # a save over someone else's newer save is refused
    SafeAutocompleteAdminMixin,  # crafted ids in autocomplete fields: a form error, not a 500
    BoundedInlinesAdminMixin,  # at most so many inline rows per save, however many a request claims
    PartnerSideAdminMixin,  # figures saved here are the host staff's, not the partner's
    RelatedLinksMixin,  # no ✖ that deletes the chosen record itself; inline rows link to it only
    SelectedRowsMixin,  # actions on crafted or vanished ids: a message, not a 500
)


class CoopnetModelAdmin(*SHARED_MIXINS, admin.ModelAdmin):
    """The base of every ModelAdmin of coopnet."""


class CoopnetAdminSite(admin.AdminSite):
    site_header = _("coopnet — сотрудничество библиотек")
    site_title = _("coopnet")
    index_title = _("Партнёры, соглашения и совместная работа")
    # What the admin home shows above the apps: the staff package's dashboard reads every app, so it plugs itself
    # in from above (`staff.apps.StaffConfig.ready`); this base module names none of them.
    index_context = None

    def index(self, request, extra_context=None):
        context = self.index_context(request) if self.index_context is not None else {}
        return super().index(request, {**context, **(extra_context or {})})
