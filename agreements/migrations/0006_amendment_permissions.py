"""Supplementary agreements are entered on the agreement's page: methodologists add, change and remove them
(a mistaken one must be removable, as with the other inline rows), managers read them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

METHODOLOGISTS = "Методисты"
MANAGERS = "Руководители"


def grant_amendment_permissions(apps, schema_editor) -> None:
    app_config = apps.get_app_config("agreements")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    amendment = Permission.objects.filter(content_type__app_label="agreements", content_type__model="amendment")
    methodologists = Group.objects.filter(name=METHODOLOGISTS).first()
    managers = Group.objects.filter(name=MANAGERS).first()
    if methodologists is not None:
        methodologists.permissions.add(*amendment)
    if managers is not None:
        managers.permissions.add(*amendment.filter(codename="view_amendment"))


def revoke_amendment_permissions(apps, schema_editor) -> None:
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=[METHODOLOGISTS, MANAGERS]):
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="agreements", content_type__model="amendment")
        )


class Migration(migrations.Migration):
    dependencies = [
        ("agreements", "0005_agreement_life"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(grant_amendment_permissions, revoke_amendment_permissions)]
