from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ImportsConfig(AppConfig):
    name = "imports"
    verbose_name = _("Импорт реестров")

    def ready(self):
        from imports.specs import register_all

        register_all()
