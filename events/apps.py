from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Мероприятия и проекты")

    def ready(self):
        from agreements.models import register_joint_activity

        from .models import Episode, Event

        register_joint_activity(Event, credit_prefetch=["participations"])
        register_joint_activity(Episode, credit_prefetch=[])
