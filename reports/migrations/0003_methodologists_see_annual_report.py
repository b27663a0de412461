"""Give the annual report's permission to the methodologists' group («Методисты») too: they compile the report.

As with the managers (0002), the permission decides, not the group's name: renaming the group keeps its access.
"""

import importlib

from django.db import migrations

# The permission row, made the way the managers' migration makes it (permissions exist only after migrate).
report_permission = importlib.import_module("reports.migrations.0002_managers_see_annual_report").report_permission

METHODOLOGISTS = "Методисты"
APP_LABEL = "reports"
CODENAME = "view_annual_report"


def grant_to_methodologists(apps, schema_editor):
    methodologists, _ = apps.get_model("auth", "Group").objects.get_or_create(name=METHODOLOGISTS)
    methodologists.permissions.add(report_permission(apps))


def revoke_from_methodologists(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=METHODOLOGISTS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label=APP_LABEL, codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [("reports", "0002_managers_see_annual_report")]
    operations = [migrations.RunPython(grant_to_methodologists, revoke_from_methodologists)]
