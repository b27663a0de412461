from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "portal"
    verbose_name = _("Портал библиотек-партнёров")
    keeps_history = True  # every model has versions (the history app)

    def ready(self):
        from django.contrib import admin

        from portal.admin_proposals import ProposalAdmin
        from portal.models import Proposal

        if not admin.site.is_registered(Proposal):
            admin.site.register(Proposal, ProposalAdmin)
