"""Two people edit one record at once: the second save is refused, with who changed what, and nothing of it
is saved; the first save survives."""

from django.urls import reverse

from events.models import Event, Participation
from tests.factories import EventFactory, LibraryFactory
from tests.history.conftest import change_form_data


def test_second_concurrent_save_is_refused_and_the_first_survives(client, methodologist, second_methodologist, host):
    event = EventFactory(title="Вебинар", organiser=host, is_published=False)
    url = reverse("admin:events_event_change", args=[event.pk])
    client.force_login(methodologist)
    first = change_form_data(client.get(url))
    client.force_login(second_methodologist)
    second = change_form_data(client.get(url))
    assert second["_loaded_at"]

    client.force_login(methodologist)
    assert client.post(url, {**first, "title": "Вебинар для библиотекарей"}).status_code == 302

    client.force_login(second_methodologist)
    partner = LibraryFactory()
    second.update(
        {
            "location": "Кемерово, ул. Весенняя, 3",
            "participations-0-library": str(partner.pk),
            "participations-0-role": "site",
        }
    )
    response = client.post(url, second)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Запись изменил(а) Алиса Методистова в" in html
    assert "Изменились поля: Название." in html
    assert "Откройте запись заново, чтобы увидеть изменения." in html

    event.refresh_from_db()
    assert (event.title, event.location) == ("Вебинар для библиотекарей", "")
    assert not Participation.objects.filter(event=event, library=partner).exists()


def test_save_after_reloading_goes_through(client, methodologist, host):
    event = EventFactory(title="Вебинар", organiser=host)
    url = reverse("admin:events_event_change", args=[event.pk])
    client.force_login(methodologist)
    assert client.post(url, {**change_form_data(client.get(url)), "title": "Первый"}).status_code == 302
    assert client.post(url, {**change_form_data(client.get(url)), "title": "Второй"}).status_code == 302
    assert Event.objects.get(pk=event.pk).title == "Второй"


def test_a_forged_stamp_is_a_form_error(client, methodologist, host):
    event = EventFactory(title="Вебинар", organiser=host)
    url = reverse("admin:events_event_change", args=[event.pk])
    client.force_login(methodologist)
    data = {**change_form_data(client.get(url)), "_loaded_at": "вчера", "title": "Другое"}
    response = client.post(url, data)
    assert response.status_code == 200
    assert "Форма устарела" in response.content.decode()
    assert Event.objects.get(pk=event.pk).title == "Вебинар"
