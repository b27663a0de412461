"""What the import keeps in the database: which checked files were imported."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportedFile(models.Model):
    """A checked file whose rows were imported: confirming the same check again is refused («уже импортирован»).

    Written in the transaction that adds the rows (`tabular.admin`), so the mark and the rows are committed together
    or not at all: an import killed halfway leaves neither, and the file can be confirmed again. `digest` is the
    SHA-256 of the signed check the page sent back; marks older than a check may live are removed as new ones come.
    """

    digest = models.CharField(_("отпечаток проверки"), max_length=64, unique=True)
    model = models.CharField(_("реестр"), max_length=100)
    rows = models.PositiveIntegerField(_("добавлено записей"))
    imported_at = models.DateTimeField(_("импортирован"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("кто импортировал"), null=True, on_delete=models.SET_NULL
    )

    class Meta:
        verbose_name = _("импортированный файл")
        verbose_name_plural = _("импортированные файлы")

    def __str__(self) -> str:
        return f"{self.model}: {self.rows} ({self.imported_at:%d.%m.%Y %H:%M})"
