"""Operations: the cache that outlives Redis, page cache, health, logs, rate limits, backups, covers, safe file storage.

A save or delete of a record readers see makes every cached public page stale. Which records those are, each
app says of itself (`shown_to_readers = True` on its AppConfig), so this module names no app.
"""

from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save


def shown_to_readers(model) -> bool:
    return getattr(model._meta.app_config, "shown_to_readers", False)


def _record_changed(sender, **kwargs):
    if shown_to_readers(sender):
        from ops import pagecache

        pagecache.changed()


class OpsConfig(AppConfig):
    name = "ops"
    verbose_name = "coopnet"

    def ready(self):
        from django.core import checks

        from ops.checks import site_url_is_served

        checks.register(site_url_is_served)
        for signal in (post_save, post_delete, m2m_changed):
            signal.connect(_record_changed, dispatch_uid=f"coopnet-pagecache-{signal!r}")
