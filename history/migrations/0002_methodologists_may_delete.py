"""Methodologists («Методисты») may delete any domain record, not only the rows of inlines (0003_groups).

A deleted record keeps its versions and can be restored from «Удалённые записи»; deletes that would break data
are refused by the models' protected relations. As elsewhere, the permission rows are made here explicitly:
they exist only after migrate otherwise.
"""

import importlib

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = importlib.import_module("agreements.migrations.0003_groups")

DOMAIN_APPS = ("agreements", "events", "exhibitions", "contests")


def delete_permissions(apps):
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    permissions = []
    for app_label in DOMAIN_APPS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        for model in app_config.get_models():
            content_type = ContentType.objects.get(app_label=app_label, model=model._meta.model_name)
            permissions.append(
                Permission.objects.get(content_type=content_type, codename=f"delete_{model._meta.model_name}")
            )
    return permissions


def grant_delete(apps, schema_editor):
    methodologists, _ = apps.get_model("auth", "Group").objects.get_or_create(name=GROUPS.METHODOLOGISTS)
    methodologists.permissions.add(*delete_permissions(apps))


def revoke_delete(apps, schema_editor):
    """Back to 0003_groups: delete only the rows edited as inlines."""
    Group = apps.get_model("auth", "Group")
    revoked = [p for p in delete_permissions(apps) if p.codename.removeprefix("delete_") not in GROUPS.INLINE_MODELS]
    for group in Group.objects.filter(name=GROUPS.METHODOLOGISTS):
        group.permissions.remove(*revoked)


class Migration(migrations.Migration):
    dependencies = [
        ("history", "0001_initial"),
        ("agreements", "0003_groups"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant_delete, revoke_delete)]
