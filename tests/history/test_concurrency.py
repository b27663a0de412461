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
    assert "Ваши значения остались в форме." in html

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


def _conflict(client, methodologist, second_methodologist, host):
    """Alice renames the event while Boris, on the page he opened before, types a place and adds a library."""
    event = EventFactory(title="Вебинар", organiser=host, is_published=False)
    url = reverse("admin:events_event_change", args=[event.pk])
    client.force_login(methodologist)
    first = change_form_data(client.get(url))
    client.force_login(second_methodologist)
    second = change_form_data(client.get(url))
    client.force_login(methodologist)
    assert client.post(url, {**first, "title": "Вебинар для библиотекарей"}).status_code == 302
    client.force_login(second_methodologist)
    partner = LibraryFactory(short_name="Томская ОДЮБ")
    second.update(
        {
            "location": "Кемерово, ул. Весенняя, 3",
            "participations-0-library": str(partner.pk),
            "participations-0-role": "site",
        }
    )
    response = client.post(url, second)
    assert response.status_code == 200
    return event, url, partner, response


def test_the_conflict_shows_each_field_both_ways_and_keeps_what_was_typed(
    client, methodologist, second_methodologist, host
):
    _event, _url, _partner, response = _conflict(client, methodologist, second_methodologist, host)

    form = response.context["adminform"].form
    clashes = {c.name: (c.theirs, c.mine, c.keep) for c in form.clashes}
    assert clashes == {
        "title": ("Вебинар для библиотекарей", "Вебинар", "theirs"),  # only Alice changed it
        "location": ("—", "Кемерово, ул. Весенняя, 3", "mine"),  # only Boris typed it
    }
    html = response.content.decode()
    assert 'value="Кемерово, ул. Весенняя, 3"' in html  # still in the form
    assert "Сохранено другим сотрудником" in html and "Введено вами" in html
    assert 'name="_keep_title" value="theirs" checked' in html


def test_saving_the_choices_keeps_both_peoples_work(client, methodologist, second_methodologist, host):
    event, url, partner, response = _conflict(client, methodologist, second_methodologist, host)
    chosen = {f"_keep_{c.name}": c.keep for c in response.context["adminform"].form.clashes}  # as the page checks them

    assert client.post(url, {**change_form_data(response), **chosen}).status_code == 302

    event.refresh_from_db()
    assert (event.title, event.location) == ("Вебинар для библиотекарей", "Кемерово, ул. Весенняя, 3")
    assert Participation.objects.filter(event=event, library=partner).exists()


def test_choosing_mine_over_theirs_saves_mine(client, methodologist, second_methodologist, host):
    event, url, _partner, response = _conflict(client, methodologist, second_methodologist, host)
    data = {**change_form_data(response), "_keep_title": "mine"}

    assert client.post(url, data).status_code == 302

    event.refresh_from_db()
    assert event.title == "Вебинар"


def test_a_third_save_meanwhile_starts_the_comparison_again(client, methodologist, second_methodologist, host):
    event, url, _partner, response = _conflict(client, methodologist, second_methodologist, host)
    data = change_form_data(response)
    client.force_login(methodologist)
    assert client.post(url, {**change_form_data(client.get(url)), "title": "Третье название"}).status_code == 302

    client.force_login(second_methodologist)
    again = client.post(url, data)

    assert again.status_code == 200
    assert {c.name: c.theirs for c in again.context["adminform"].form.clashes}["title"] == "Третье название"
    event.refresh_from_db()
    assert (event.title, event.location) == ("Третье название", "")
