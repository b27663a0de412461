from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The shared base; its one model says how the site addresses each user (`core.models.Profile`)."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "core"
    verbose_name = _("Пользователи: обращение")
