"""Versions of every domain record, kept by django-simple-history in this app's own tables.

The domain apps' models stay untouched: each app says `keeps_history = True` on its AppConfig, and `ready()`
registers each of its concrete models here, so a model an app adds later is tracked too (its historical table
then needs a migration of this app, which `makemigrations --check` asks for).
"""

from django.apps import AppConfig, apps
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _


def tracked_m2m_fields(model) -> list[str]:
    """Many-to-many fields stored in a table of their own (directions, guests, the credit overrides). A relation
    through a model of the app (an event's libraries through participations) has versions of its own."""
    return [field.name for field in model._meta.many_to_many if field.remote_field.through._meta.auto_created]


def domain_models():
    """The concrete models of the apps whose records staff keep: each says so itself (`keeps_history = True` on
    its AppConfig), so this app names none of them. Their versions live in this app's tables."""
    return [
        model
        for config in apps.get_app_configs()
        if getattr(config, "keeps_history", False)
        for model in config.get_models()
        if not model._meta.proxy and model._meta.managed
    ]


class HistoryConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "history"
    verbose_name = _("История изменений")

    def ready(self):
        import simple_history

        for model in domain_models():
            if hasattr(model._meta, "simple_history_manager_attribute"):
                continue
            simple_history.register(
                model,
                app=self.label,
                m2m_fields=tracked_m2m_fields(model),
                verbose_name=format_lazy(_("версия: {}"), model._meta.verbose_name),
                verbose_name_plural=format_lazy(_("версии: {}"), model._meta.verbose_name_plural),
            )
