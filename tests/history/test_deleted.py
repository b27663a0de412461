"""«Удалённые записи»: what was deleted, by whom, and restoring it with its id and last values."""

import pytest
from django.urls import reverse

from events.models import Event, Participation
from tests.factories import ContactFactory, EventFactory, LibraryFactory, ParticipationFactory, PersonFactory
from tests.history.conftest import change_form_data

DELETED = reverse("admin:history_deletedrecord_changelist")
RESTORE = reverse("admin:history_deletedrecord_restore")


def delete_through_admin(client, obj):
    url = reverse(f"admin:{obj._meta.app_label}_{obj._meta.model_name}_delete", args=[obj.pk])
    return client.post(url, {"post": "yes"})


def token(obj):
    """The value of the «Восстановить» button of a deleted record."""
    return f"{obj._meta.label_lower}:{type(obj).history.filter(id=obj.pk, history_type='-').latest().pk}"


@pytest.fixture
def draft_event(host):
    event = EventFactory(title="Вебинар «Читаем вместе»", is_published=False, organiser=host)
    ParticipationFactory(event=event, library=LibraryFactory(short_name="Томская ОДЮБ"))
    event.guests.add(PersonFactory(full_name="Ирина Токмакова"))
    return event


def test_methodologist_deletes_a_draft_event_and_restores_it(client, methodologist, draft_event):
    pk, created_at = draft_event.pk, draft_event.created_at
    client.force_login(methodologist)
    change = reverse("admin:events_event_change", args=[pk])
    assert client.post(change, change_form_data(client.get(change))).status_code == 302  # adds the organiser's row
    assert delete_through_admin(client, draft_event).status_code == 302
    assert not Event.objects.filter(pk=pk).exists()

    listing = client.get(DELETED).content.decode()
    assert "Мероприятие «Вебинар «Читаем вместе»»" in listing
    assert "Томская ОДЮБ — Вебинар «Читаем вместе»" in listing  # deleted along with it, listed under it

    response = client.post(RESTORE, {"record": token(draft_event)})
    assert response.status_code == 302
    assert response.url == reverse("admin:events_event_change", args=[pk])
    event = Event.objects.get(pk=pk)
    assert (event.title, event.is_published, event.created_at) == ("Вебинар «Читаем вместе»", False, created_at)
    libraries = {p.library.short_name for p in Participation.objects.filter(event=event)}
    assert libraries == {"Томская ОДЮБ", "Библиотека Кузбасса для детей и молодёжи"}
    assert [g.full_name for g in event.guests.all()] == ["Ирина Токмакова"]
    assert "Мероприятие «Вебинар «Читаем вместе»»" not in client.get(DELETED).content.decode()


def test_deleted_list_names_who_deleted(client, methodologist, draft_event):
    client.force_login(methodologist)
    delete_through_admin(client, draft_event)
    assert "Алиса Методистова" in client.get(DELETED).content.decode()


def test_deleted_list_is_linked_from_the_admin_index(client, methodologist):
    client.force_login(methodologist)
    assert f'href="{DELETED}"' in client.get(reverse("admin:index")).content.decode()
    assert f'href="{DELETED}"' in client.get(reverse("admin:app_list", args=["history"])).content.decode()


def test_restore_is_refused_when_its_library_is_gone_too(client, methodologist, draft_event):
    organiser = LibraryFactory(short_name="Омская ОДБ")
    draft_event.organiser = organiser
    draft_event.save()
    client.force_login(methodologist)
    delete_through_admin(client, draft_event)
    assert delete_through_admin(client, organiser).status_code == 302

    response = client.post(RESTORE, {"record": token(draft_event)})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Запись не восстановлена" in html and "Организатор" in html and "Омская ОДБ (удалено) больше нет" in html
    assert not Event.objects.filter(pk=draft_event.pk).exists()
    assert not Participation.objects.filter(event_id=draft_event.pk).exists()


def test_restore_needs_the_add_permission(client, manager, methodologist, draft_event):
    client.force_login(methodologist)
    delete_through_admin(client, draft_event)
    client.force_login(manager)
    assert "Восстановить" not in client.get(DELETED).content.decode().split('id="deleted-records"')[-1]
    assert client.post(RESTORE, {"record": token(draft_event)}).status_code == 403
    assert not Event.objects.filter(pk=draft_event.pk).exists()


def test_outsider_may_not_open_the_list(client, outsider):
    client.force_login(outsider)
    assert client.get(DELETED).status_code == 403


@pytest.mark.parametrize("value", ["", "events.event", "events.event:abc", "nothing:1"])
def test_bad_restore_requests_get_a_4xx(client, methodologist, value):
    client.force_login(methodologist)
    assert client.post(RESTORE, {"record": value}).status_code in {400, 404}


def test_restoring_twice_is_404(client, methodologist, draft_event):
    client.force_login(methodologist)
    delete_through_admin(client, draft_event)
    value = token(draft_event)
    assert client.post(RESTORE, {"record": value}).status_code == 302
    assert client.post(RESTORE, {"record": value}).status_code == 404


@pytest.mark.parametrize("rows", [3, 20])
def test_deleted_list_query_count_is_constant(client, methodologist, django_assert_max_num_queries, rows):
    for _ in range(rows):
        ContactFactory().delete()
        EventFactory(organiser=LibraryFactory()).delete()
    client.force_login(methodologist)
    with django_assert_max_num_queries(60):
        response = client.get(DELETED)
    assert response.status_code == 200
    assert response.content.decode().count('<form method="post"') == 2 * rows


def test_restore_is_refused_when_another_record_took_its_address(client, methodologist, draft_event):
    client.force_login(methodologist)
    delete_through_admin(client, draft_event)
    EventFactory(slug=draft_event.slug, organiser=draft_event.organiser)

    response = client.post(RESTORE, {"record": token(draft_event)})
    assert response.status_code == 409
    assert "«Адрес в URL»:" in response.content.decode()
    assert not Event.objects.filter(pk=draft_event.pk).exists()
    assert not Participation.objects.filter(event_id=draft_event.pk).exists()
