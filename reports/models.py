"""The report has no tables of its own; this model only carries the permission that opens it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

VIEW_ANNUAL_REPORT = "reports.view_annual_report"


class AnnualReportAccess(models.Model):
    """No table: a hook for the `view_annual_report` permission, which an admin grants to a group or a user."""

    class Meta:
        managed = False
        default_permissions = ()
        permissions = [("view_annual_report", _("Может смотреть и выгружать годовой отчёт"))]
        verbose_name = _("годовой отчёт")
        verbose_name_plural = _("годовой отчёт")

    def __str__(self) -> str:
        return str(self._meta.verbose_name)
