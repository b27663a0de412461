"""Deletes that would break data are refused with a Russian page that says what depends on the record."""

import importlib

from django.apps import apps
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from agreements.models import Library
from history.apps import domain_models
from tests.factories import AgreementFactory, EventFactory, LibraryFactory

DELETE_MIGRATION = importlib.import_module("history.migrations.0002_methodologists_may_delete")


def test_library_with_agreements_and_activities_is_not_deleted(client, methodologist, host):
    library = LibraryFactory(short_name="Томская ОДЮБ")
    agreement = AgreementFactory(partner=library, number="7/С")
    event = EventFactory(organiser=library, title="Телемост «Путь к Солнцу»")
    url = reverse("admin:agreements_library_delete", args=[library.pk])
    client.force_login(methodologist)

    page = client.get(url).content.decode()
    assert "нельзя" in page.lower()
    assert "Удалите их или укажите в них другую запись" in page
    assert str(agreement) in page and str(event) in page

    response = client.post(url, {"post": "yes"})
    assert "Удалите их или укажите в них другую запись" in response.content.decode()
    assert Library.objects.filter(pk=library.pk).exists()


def test_delete_page_says_the_record_can_be_restored(client, methodologist, host):
    event = EventFactory(organiser=host, is_published=False)
    client.force_login(methodologist)
    page = client.get(reverse("admin:events_event_delete", args=[event.pk])).content.decode()
    assert "можно будет восстановить" in page and reverse("admin:history_deletedrecord_changelist") in page


def test_methodologists_may_delete_every_domain_record(methodologist):
    for model in domain_models():
        assert methodologist.has_perm(f"{model._meta.app_label}.delete_{model._meta.model_name}"), model


def test_the_migration_grants_and_takes_back_the_delete_permissions(db):
    methodologists = Group.objects.get(name="Методисты")
    DELETE_MIGRATION.revoke_delete(apps, None)
    kept = set(methodologists.permissions.filter(codename__startswith="delete_").values_list("codename", flat=True))
    assert "delete_library" not in kept and "delete_event" not in kept
    assert {"delete_contact", "delete_participation"} <= kept  # rows of inlines, as before

    DELETE_MIGRATION.grant_delete(apps, None)
    for model in domain_models():
        assert methodologists.permissions.filter(
            content_type__app_label=model._meta.app_label, codename=f"delete_{model._meta.model_name}"
        ).exists(), model
    assert Permission.objects.filter(group=methodologists, codename="delete_library").count() == 1
