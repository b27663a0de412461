"""Staff groups: Методисты enter the data, Руководители read it (and, later, the reports)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

DOMAIN_MODELS = {
    "agreements": ["library", "contact", "direction", "agreement"],
    "events": ["event", "participation", "person", "project", "episode"],
    "exhibitions": ["exhibition", "exhibitionstop"],
    "contests": ["contest", "curator", "entry"],
}
# Rows edited as inlines of their owner: a methodologist must be able to remove a mistaken one.
INLINE_MODELS = {"contact", "participation", "episode", "exhibitionstop", "curator", "entry"}

METHODOLOGISTS = "Методисты"
MANAGERS = "Руководители"


def create_groups(apps, schema_editor):
    # Permissions are normally created after migrate; make sure they exist now.
    for app_label in DOMAIN_MODELS:
        app_config = apps.get_app_config(app_label)
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    methodologists, _ = Group.objects.get_or_create(name=METHODOLOGISTS)
    managers, _ = Group.objects.get_or_create(name=MANAGERS)

    for app_label, models in DOMAIN_MODELS.items():
        for model in models:
            actions = ["add", "change", "view"] + (["delete"] if model in INLINE_MODELS else [])
            for action in actions:
                perm = Permission.objects.get(content_type__app_label=app_label, codename=f"{action}_{model}")
                methodologists.permissions.add(perm)
            managers.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=f"view_{model}")
            )


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[METHODOLOGISTS, MANAGERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0002_directions"),
        ("events", "0001_initial"),
        ("exhibitions", "0001_initial"),
        ("contests", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(create_groups, remove_groups)]
