from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ExhibitionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exhibitions"
    verbose_name = _("Выставки")

    def ready(self):
        from agreements.models import register_joint_activity

        from .models import Exhibition

        register_joint_activity(Exhibition, credit_prefetch=["stops"])
