from django.apps import AppConfig


class ExhibitionsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "exhibitions"

    def ready(self):
        from agreements.models import register_joint_activity

        from .models import Exhibition

        register_joint_activity(Exhibition)
