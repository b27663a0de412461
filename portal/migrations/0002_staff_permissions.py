"""Methodologists keep the partners' portal accounts and answer their proposals; managers may look at both."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

METHODOLOGISTS = "Методисты"
MANAGERS = "Руководители"
MODELS = ("membership", "proposal")


def grant(apps, schema_editor):
    app_config = apps.get_app_config("portal")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    portal = Permission.objects.filter(content_type__app_label="portal")
    methodologists, _ = Group.objects.get_or_create(name=METHODOLOGISTS)
    methodologists.permissions.add(*portal.filter(content_type__model__in=MODELS))
    managers, _ = Group.objects.get_or_create(name=MANAGERS)
    managers.permissions.add(*portal.filter(codename__in=[f"view_{model}" for model in MODELS]))


def revoke(apps, schema_editor):
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[METHODOLOGISTS, MANAGERS]):
        group.permissions.remove(*group.permissions.filter(content_type__app_label="portal"))


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
        ("agreements", "0003_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]
    operations = [migrations.RunPython(grant, revoke)]
