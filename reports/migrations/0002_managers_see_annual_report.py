"""Give the annual report's permission to the managers' group («Руководители»).

Access follows the permission, not the group's name: an administrator may rename the group, or grant
the permission to another group or to one person, in the admin.
"""

from django.db import migrations

MANAGERS = "Руководители"
APP_LABEL = "reports"
MODEL = "annualreportaccess"
CODENAME = "view_annual_report"
NAME = "Может смотреть и выгружать годовой отчёт"


def report_permission(apps):
    """The permission row; created here because permissions are normally made only after migrate."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(app_label=APP_LABEL, model=MODEL)
    permission, _ = Permission.objects.get_or_create(
        content_type=content_type, codename=CODENAME, defaults={"name": NAME}
    )
    return permission


def grant_to_managers(apps, schema_editor):
    managers, _ = apps.get_model("auth", "Group").objects.get_or_create(name=MANAGERS)
    managers.permissions.add(report_permission(apps))


def revoke_from_managers(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    for group in Group.objects.filter(name=MANAGERS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label=APP_LABEL, codename=CODENAME))


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("agreements", "0003_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant_to_managers, revoke_from_managers)]
