"""The history page of a record: who changed what, old and new values side by side; restoring a version."""

import re

import pytest
from django.urls import reverse

from adminkit.history import is_tracked
from agreements.models import Agreement
from history.apps import domain_models
from tests.admin.test_pages import FACTORIES
from tests.factories import AgreementFactory, DirectionFactory, LibraryFactory
from tests.history.conftest import change_form_data


def change_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_change", args=[obj.pk])


def history_url(obj):
    return reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_history", args=[obj.pk])


def edit(client, obj, **changes):
    data = change_form_data(client.get(change_url(obj)))
    data.update(changes)
    return client.post(change_url(obj), data)


@pytest.fixture
def agreement(host):
    return AgreementFactory(number="12/С", partner=LibraryFactory(short_name="Томская ОДЮБ"))


def test_every_domain_model_has_versions():
    assert domain_models()
    assert [m._meta.label for m in domain_models() if not is_tracked(m)] == []


def test_history_page_shows_who_changed_what_with_old_and_new_values(client, methodologist, agreement):
    client.force_login(methodologist)
    direction = DirectionFactory(name="Передвижные выставки")
    response = edit(client, agreement, number="15/С", status="draft", directions=[str(direction.pk)])
    assert response.status_code == 302, response.context["adminform"].form.errors

    html = client.get(history_url(agreement)).content.decode()
    assert "Алиса Методистова" in html
    row = re.search(r"<tr><th scope=\"row\">Номер</th><td class=\"old\">(.*?)</td><td class=\"new\">(.*?)</td>", html)
    assert row.groups() == ("12/С", "15/С")
    assert "действует" in html and "проект (не подписано)" in html  # choice labels, not "in_force"/"draft"
    assert "Направления сотрудничества" in html and "Передвижные выставки" in html
    assert html.count("Восстановить эту версию") == 1  # the creation; the current version is not offered


def test_one_history_link_on_the_change_form(client, methodologist, agreement):
    client.force_login(methodologist)
    html = client.get(change_url(agreement)).content.decode()
    assert html.count(f'href="{history_url(agreement)}"') == 1


def test_restoring_an_earlier_version(client, methodologist, agreement):
    client.force_login(methodologist)
    edit(client, agreement, number="15/С", status="draft")
    created = agreement.history.earliest()
    restore = reverse("admin:agreements_agreement_restore_version", args=[agreement.pk, created.pk])

    confirm = client.get(restore)
    assert confirm.status_code == 200
    assert "15/С" in confirm.content.decode() and "12/С" in confirm.content.decode()

    response = client.post(restore)
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert (agreement.number, agreement.status) == ("12/С", Agreement.Status.IN_FORCE)
    assert "Восстановлена версия от" in client.get(history_url(agreement)).content.decode()


def test_manager_sees_history_but_may_not_restore(client, manager, agreement):
    agreement.number = "99"
    agreement.save()
    client.force_login(manager)
    html = client.get(history_url(agreement)).content.decode()
    assert "99" in html and "Восстановить эту версию" not in html
    restore = reverse(
        "admin:agreements_agreement_restore_version", args=[agreement.pk, agreement.history.earliest().pk]
    )
    assert client.post(restore).status_code == 403
    agreement.refresh_from_db()
    assert agreement.number == "99"


def test_version_pointing_at_a_deleted_library_is_refused(client, methodologist, agreement):
    first_partner = agreement.partner
    client.force_login(methodologist)
    edit(client, agreement, partner=str(LibraryFactory(short_name="Омская ОДБ").pk))
    first_partner.delete()
    restore = reverse(
        "admin:agreements_agreement_restore_version", args=[agreement.pk, agreement.history.earliest().pk]
    )

    response = client.post(restore)
    assert response.status_code == 409
    assert "Томская ОДЮБ (удалено) больше нет" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.partner.short_name == "Омская ОДБ"


def test_unknown_version_is_404(client, methodologist, agreement):
    client.force_login(methodologist)
    assert (
        client.get(reverse("admin:agreements_agreement_restore_version", args=[agreement.pk, 999999])).status_code
        == 404
    )


@pytest.mark.parametrize("saves", [3, 30])
def test_history_page_query_count_is_constant(client, methodologist, agreement, django_assert_max_num_queries, saves):
    directions = [DirectionFactory() for _ in range(3)]
    for n in range(saves):
        agreement.number = f"{n}/С"
        agreement.save()
        agreement.directions.set(directions[: n % 3])
    client.force_login(methodologist)
    with django_assert_max_num_queries(14):
        response = client.get(history_url(agreement))
    assert response.status_code == 200


@pytest.mark.parametrize("label", FACTORIES)
def test_every_models_history_page_opens_after_a_save_through_its_form(client, methodologist, label):
    obj = FACTORIES[label]()
    client.force_login(methodologist)
    response = client.post(change_url(obj), change_form_data(client.get(change_url(obj))))
    assert response.status_code == 302, response.context["adminform"].form.errors
    response = client.get(history_url(obj))
    assert response.status_code == 200
    assert "текущая версия" in response.content.decode()
