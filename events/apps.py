from django.apps import AppConfig


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"

    def ready(self):
        from agreements.models import register_joint_activity

        from .models import Episode, Event

        register_joint_activity(Event)
        register_joint_activity(Episode)
