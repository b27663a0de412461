from django.apps import AppConfig


class MarathonConfig(AppConfig):
    """A kind of activity the tests add (tests/kinds/README.md): its own app and nothing outside this folder."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "tests.kinds.marathon"
    label = "marathon"
    verbose_name = "Читательские марафоны"
    shown_to_readers = True

    def ready(self):
        from core import kinds

        from .kinds import MarathonKind

        kinds.register(MarathonKind())
