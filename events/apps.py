from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EventsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "events"
    verbose_name = _("Мероприятия и проекты")
    shown_to_readers = True  # a save makes cached public pages stale (ops.apps)
    keeps_history = True  # every model has versions (the history app)

    def ready(self):
        from core import kinds

        from .kinds import EpisodeKind, EventKind

        kinds.register(EventKind())
        kinds.register(EpisodeKind())
