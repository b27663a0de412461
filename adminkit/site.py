"""The admin site of coopnet: Django's, with behaviour every model's admin shares added in one place.

`CoopnetAdminSite.register()` gives every ModelAdmin the mixins of `MODEL_ADMIN_MIXINS` (correct Russian,
history, safe concurrent editing…), so an app's admin.py declares only what is its own. The site is Django's
default site (`adminkit.apps.CoopnetAdminConfig`), so `@admin.register` and `admin.site` reach it.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from adminkit.autocomplete import SafeAutocompleteAdminMixin
from adminkit.concurrency import ConcurrentEditAdminMixin
from adminkit.grammar import RussianAdminMixin
from adminkit.history import HistoryAdminMixin
from adminkit.partner_side import PartnerSideAdminMixin

# Applied to every registered ModelAdmin, first listed = first in the method resolution order.
MODEL_ADMIN_MIXINS: list[type] = []
MODEL_ADMIN_MIXINS.append(RussianAdminMixin)  # titles, buttons, messages, counts in the model's case and gender
MODEL_ADMIN_MIXINS.append(HistoryAdminMixin)  # versions, restoring one, a plain Russian delete page
MODEL_ADMIN_MIXINS.append(ConcurrentEditAdminMixin)  # a save over someone else's newer save is refused
MODEL_ADMIN_MIXINS.append(SafeAutocompleteAdminMixin)  # crafted ids in autocomplete fields: a form error, not a 500
MODEL_ADMIN_MIXINS.append(PartnerSideAdminMixin)  # figures saved here are the host staff's, not the partner's


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

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        mixins = [m for m in MODEL_ADMIN_MIXINS if not issubclass(base, m)]
        if mixins:
            base = type(base.__name__, (*mixins, base), {"__module__": base.__module__})
        return super().register(model_or_iterable, base, **options)
