"""The historical models themselves are made by `HistoryConfig.ready()` and land in this module.

`DeletedRecord` has no table: it gives the admin's index an entry «Удалённые записи», the list of deleted
records of every tracked model (`history.admin.DeletedRecordAdmin`).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _


class DeletedRecord(models.Model):
    class Meta:
        managed = False
        default_permissions = ()
        verbose_name = _("удалённая запись")
        verbose_name_plural = _("удалённые записи")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
