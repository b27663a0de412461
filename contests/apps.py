from django.apps import AppConfig


class ContestsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "contests"

    def ready(self):
        from agreements.models import register_joint_activity

        from .models import Contest

        register_joint_activity(Contest)
