from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ContestsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contests"
    verbose_name = _("Конкурсы")

    def ready(self):
        from agreements.models import register_joint_activity

        from .models import Contest

        register_joint_activity(Contest, credit_prefetch=["curators"])
