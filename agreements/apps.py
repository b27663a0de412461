from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgreementsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agreements"
    verbose_name = _("Партнёры и соглашения")
    shown_to_readers = True  # a save makes cached public pages stale (ops.apps)
    keeps_history = True  # every model has versions (the history app)
