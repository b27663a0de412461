from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

# The apps whose records readers see: a save or delete in them makes every cached public page stale.
PUBLIC_APPS = frozenset({"agreements", "events", "exhibitions", "contests"})


def _record_changed(sender, **kwargs):
    if sender._meta.app_label in PUBLIC_APPS:
        from coopnet import pagecache

        pagecache.changed()


class CoopnetConfig(AppConfig):
    name = "coopnet"
    verbose_name = "coopnet"

    def ready(self):
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_record_changed, dispatch_uid=f"coopnet-pagecache-{signal!r}")
