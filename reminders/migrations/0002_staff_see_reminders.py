"""Let both staff groups look up what the reminder emails said (view only: the command writes them)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Методисты", "Руководители"]


def grant(apps, schema_editor):
    app_config = apps.get_app_config("reminders")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    permission = Permission.objects.get(content_type__app_label="reminders", codename="view_reminder")
    for name in GROUPS:
        group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=name)
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GROUPS):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="reminders"))


class Migration(migrations.Migration):
    dependencies = [
        ("reminders", "0001_initial"),
        ("agreements", "0003_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
