from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exhibitions"
    verbose_name = _("Выставки")
    shown_to_readers = True  # a save makes cached public pages stale (ops.apps)
    keeps_history = True  # every model has versions (the history app)

    def ready(self):
        from core import kinds

        from .kinds import ExhibitionKind

        kinds.register(ExhibitionKind())
