"""Methodologists keep marathons as they keep every kind of activity; managers look at them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

METHODOLOGISTS = "Методисты"
MANAGERS = "Руководители"


def grant(apps, schema_editor):
    app_config = apps.get_app_config("marathon")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    marathon = Permission.objects.filter(content_type__app_label="marathon")
    methodologists, _ = Group.objects.get_or_create(name=METHODOLOGISTS)
    methodologists.permissions.add(*marathon)
    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    managers.permissions.add(*marathon.filter(codename__startswith="view_"))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[METHODOLOGISTS, MANAGERS]):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="marathon"))


class Migration(migrations.Migration):
    dependencies = [
        ("marathon", "0001_initial"),
        ("agreements", "0003_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
