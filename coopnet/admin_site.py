"""The admin site of coopnet: Django's, with behaviour every model's admin shares added in one place.

`CoopnetAdminSite.register()` gives every ModelAdmin the mixins of `MODEL_ADMIN_MIXINS` (correct Russian,
history, safe concurrent editing…), so an app's admin.py declares only what is its own. The site is Django's
default site (`coopnet.admin_config.CoopnetAdminConfig`), so `@admin.register` and `admin.site` reach it.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from coopnet.admin_grammar import RussianAdminMixin

# Applied to every registered ModelAdmin, first listed = first in the method resolution order.
MODEL_ADMIN_MIXINS: list[type] = []
MODEL_ADMIN_MIXINS.append(RussianAdminMixin)  # titles, buttons, messages, counts in the model's case and gender


class CoopnetAdminSite(admin.AdminSite):
    site_header = _("coopnet — сотрудничество библиотек")
    site_title = _("coopnet")
    index_title = _("Партнёры, соглашения и совместная работа")

    def register(self, model_or_iterable, admin_class=None, **options):
        base = admin_class or admin.ModelAdmin
        mixins = [m for m in MODEL_ADMIN_MIXINS if not issubclass(base, m)]
        if mixins:
            base = type(base.__name__, (*mixins, base), {"__module__": base.__module__})
        return super().register(model_or_iterable, base, **options)
