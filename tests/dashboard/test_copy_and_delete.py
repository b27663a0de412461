"""A draft copy of an event for a series; a project with episodes is not deleted."""

import pytest
from django.urls import reverse

from core.models import Status
from events.models import Episode, Event, Participation, Project
from tests.factories import (
    EpisodeFactory,
    EventFactory,
    LibraryFactory,
    ParticipationFactory,
    PersonFactory,
    ProjectFactory,
)

ORGANISER, SITE = Participation.Role.ORGANISER, Participation.Role.SITE


@pytest.fixture
def held_webinar(db):
    organiser, site = LibraryFactory(short_name="Томская ОДЮБ"), LibraryFactory(short_name="Омская ОДБ")
    event = EventFactory(
        title="Вебинар № 1",
        slug="webinar-1",
        organiser=organiser,
        status=Status.HELD,
        is_published=True,
        online_viewers=40,
        participants_count=90,
        results="Решили встречаться каждый месяц.",
        recording_url="https://example.org/zapis",
        notes="Цифры из отчёта библиотеки.",
        description="Серия вебинаров для методистов.",
    )
    event.guests.add(PersonFactory(full_name="Ольга Колпакова"))
    ParticipationFactory(event=event, library=organiser, role=ORGANISER, participants_count=20)
    ParticipationFactory(event=event, library=site, role=SITE, participants_count=30, notes="по журналу")
    return event


def assert_draft_copy_of(copy, original):
    assert copy.pk != original.pk
    assert copy.slug == "webinar-1-kopiya"
    assert (copy.title, copy.kind, copy.organiser, copy.description) == (
        original.title,
        original.kind,
        original.organiser,
        original.description,
    )
    assert copy.is_published is False
    assert copy.status == Status.PLANNED
    assert (copy.online_viewers, copy.participants_count, copy.attendance) == (None, None, None)
    assert (copy.results, copy.recording_url, copy.notes) == ("", "", "")
    assert [g.full_name for g in copy.guests.all()] == ["Ольга Колпакова"]
    rows = {(p.library.short_name, p.role, p.participants_count, p.notes) for p in copy.participations.all()}
    assert rows == {("Томская ОДЮБ", ORGANISER, None, ""), ("Омская ОДБ", SITE, None, "")}


def test_the_change_page_button_makes_a_draft_copy_and_opens_it(client, methodologist, held_webinar):
    client.force_login(methodologist)
    change = client.get(reverse("admin:events_event_change", args=[held_webinar.pk]))
    assert reverse("admin:events_event_copy", args=[held_webinar.pk]) in change.content.decode()
    assert "Создать копию" in change.content.decode()

    response = client.post(reverse("admin:events_event_copy", args=[held_webinar.pk]))
    copy = Event.objects.exclude(pk=held_webinar.pk).get()
    assert response.status_code == 302
    assert response["Location"] == reverse("admin:events_event_change", args=[copy.pk])
    assert_draft_copy_of(copy, held_webinar)
    held_webinar.refresh_from_db()
    assert (held_webinar.is_published, held_webinar.attendance) == (True, 90)  # 20 + 30 + 40 online


def test_the_action_makes_a_copy_and_a_second_copy_gets_its_own_slug(client, methodologist, held_webinar):
    client.force_login(methodologist)
    url = reverse("admin:events_event_changelist")
    first = client.post(url, {"action": "copy_events", "_selected_action": [held_webinar.pk]})
    copy = Event.objects.get(slug="webinar-1-kopiya")
    assert first["Location"] == reverse("admin:events_event_change", args=[copy.pk])
    assert_draft_copy_of(copy, held_webinar)
    client.post(url, {"action": "copy_events", "_selected_action": [held_webinar.pk]})
    assert Event.objects.filter(slug="webinar-1-kopiya-2", is_published=False).exists()


def test_an_event_that_cannot_be_copied_as_it_is_says_why_and_nothing_is_made(client, methodologist, held_webinar):
    Event.objects.filter(pk=held_webinar.pk).update(title="")  # an old row a form would refuse
    other = EventFactory(title="Вебинар № 2")
    client.force_login(methodologist)
    button = client.post(reverse("admin:events_event_copy", args=[held_webinar.pk]), follow=True)
    assert button.redirect_chain[0][0] == reverse("admin:events_event_change", args=[held_webinar.pk])
    assert "Копия не создана: название: Это поле не может быть пустым." in button.content.decode()
    action = client.post(
        reverse("admin:events_event_changelist"),
        {"action": "copy_events", "_selected_action": [held_webinar.pk, other.pk]},
        follow=True,
    )
    assert "Копия не создана" in action.content.decode()
    assert Event.objects.count() == 2  # not even the copy of the other one
    assert Participation.objects.count() == 2


def test_copying_is_a_post(client, methodologist, held_webinar):
    client.force_login(methodologist)
    assert client.get(reverse("admin:events_event_copy", args=[held_webinar.pk])).status_code == 405
    assert Event.objects.count() == 1


def test_a_manager_may_not_copy(client, manager, held_webinar):
    client.force_login(manager)
    change = client.get(reverse("admin:events_event_change", args=[held_webinar.pk]))
    assert "Создать копию" not in change.content.decode()
    assert client.post(reverse("admin:events_event_copy", args=[held_webinar.pk])).status_code == 403
    assert Event.objects.count() == 1


def test_copying_a_missing_event_is_404(client, methodologist, db):
    client.force_login(methodologist)
    assert client.post(reverse("admin:events_event_copy", args=[987])).status_code == 404


def test_a_project_with_episodes_is_not_deleted_and_the_admin_says_why(client, superuser, db):
    project = ProjectFactory(title="Сказки народов Кузбасса")
    EpisodeFactory(project=project, title="Шорская сказка")
    client.force_login(superuser)
    url = reverse("admin:events_project_delete", args=[project.pk])
    page = client.get(url)
    assert page.status_code == 200
    assert "нельзя удалить, пока в нём есть выпуски" in page.content.decode()
    assert "Шорская сказка" in page.content.decode()
    refused = client.post(url, {"post": "yes"})
    assert refused.status_code == 200
    assert Project.objects.filter(pk=project.pk).exists()
    assert Episode.objects.count() == 1


def test_a_project_with_episodes_is_not_deleted_by_the_bulk_action(client, superuser, db):
    project = EpisodeFactory().project
    client.force_login(superuser)
    response = client.post(
        reverse("admin:events_project_changelist"),
        {"action": "delete_selected", "_selected_action": [project.pk], "post": "yes"},
    )
    assert response.status_code == 200
    assert "нельзя удалить, пока в нём есть выпуски" in response.content.decode()
    assert Project.objects.filter(pk=project.pk).exists()


def test_a_project_without_episodes_is_deleted(client, superuser, db):
    project = ProjectFactory()
    client.force_login(superuser)
    response = client.post(reverse("admin:events_project_delete", args=[project.pk]), {"post": "yes"})
    assert response.status_code == 302
    assert not Project.objects.exists()
