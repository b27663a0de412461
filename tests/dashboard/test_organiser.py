"""The organiser is entered once, in the event's «организатор»; its participation row follows."""

import pytest
from django.urls import reverse

from events.models import Event, Participation
from tests.factories import EventFactory, LibraryFactory, ParticipationFactory

ORGANISER, SITE, CO_ORGANISER = Participation.Role.ORGANISER, Participation.Role.SITE, Participation.Role.CO_ORGANISER


def event_form(organiser, rows=(), initial=0, **fields):
    """The add/change form of an event as the admin posts it, with its participation rows."""
    data = {
        "title": "Вебинар для методистов",
        "slug": "webinar-metodistam",
        "kind": "webinar",
        "format": "online",
        "scope": "interregional",
        "organiser": organiser.pk,
        "starts_at_0": "10.03.2030",
        "starts_at_1": "14:00",
        "ends_at_0": "10.03.2030",
        "ends_at_1": "15:30",
        "audience": "specialists",
        "age_rating": "18+",
        "target_group": "other",
        "venue": "",
        "status": "planned",
        "participations-TOTAL_FORMS": str(len(rows)),
        "participations-INITIAL_FORMS": str(initial),
        **fields,
    }
    for i, row in enumerate(rows):
        for name, value in row.items():
            data[f"participations-{i}-{name}"] = value
    return data


def roles(event):
    return {p.library.short_name: p.role for p in event.participations.select_related("library")}


@pytest.fixture
def tomsk(db):
    return LibraryFactory(short_name="Томская ОДЮБ")


@pytest.fixture
def omsk(db):
    return LibraryFactory(short_name="Омская ОДБ")


def test_organiser_without_a_row_gets_one(client, methodologist, tomsk, omsk):
    client.force_login(methodologist)
    rows = [{"library": omsk.pk, "role": SITE, "participants_count": "12"}]
    response = client.post(reverse("admin:events_event_add"), event_form(tomsk, rows))
    assert response.status_code == 302, response.content.decode()[:3000]
    event = Event.objects.get()
    assert roles(event) == {"Томская ОДЮБ": ORGANISER, "Омская ОДБ": SITE}
    assert event.participations.get(library=tomsk).participants_count is None  # unknown, not zero
    assert event.attendance == 12


def test_organisers_own_row_takes_the_organiser_role(client, methodologist, tomsk):
    client.force_login(methodologist)
    rows = [{"library": tomsk.pk, "role": SITE, "participants_count": "30"}]
    response = client.post(reverse("admin:events_event_add"), event_form(tomsk, rows))
    assert response.status_code == 302
    row = Event.objects.get().participations.get()
    assert (row.library, row.role, row.participants_count) == (tomsk, ORGANISER, 30)


def test_another_library_as_organiser_is_refused_in_russian(client, methodologist, tomsk, omsk):
    client.force_login(methodologist)
    rows = [{"library": omsk.pk, "role": ORGANISER}]
    response = client.post(reverse("admin:events_event_add"), event_form(tomsk, rows))
    assert response.status_code == 200
    assert "Организатор мероприятия — Томская ОДЮБ" in response.content.decode()
    assert "отметьте соорганизатором" in response.content.decode()
    assert not Event.objects.exists()
    assert not Participation.objects.exists()


def test_changing_the_organiser_asks_for_the_former_ones_new_role(client, methodologist, tomsk, omsk):
    event = EventFactory(organiser=tomsk, slug="webinar-metodistam")
    old = ParticipationFactory(event=event, library=tomsk, role=ORGANISER, participants_count=7)
    client.force_login(methodologist)
    url = reverse("admin:events_event_change", args=[event.pk])
    row = {"id": old.pk, "event": event.pk, "library": tomsk.pk, "participants_count": "7"}

    refused = client.post(url, event_form(omsk, [{**row, "role": ORGANISER}], initial=1))
    assert refused.status_code == 200
    assert "Организатор мероприятия — Омская ОДБ" in refused.content.decode()
    event.refresh_from_db()
    assert event.organiser == tomsk

    saved = client.post(url, event_form(omsk, [{**row, "role": CO_ORGANISER}], initial=1))
    assert saved.status_code == 302, saved.content.decode()[:3000]
    event.refresh_from_db()
    assert event.organiser == omsk
    assert roles(event) == {"Томская ОДЮБ": CO_ORGANISER, "Омская ОДБ": ORGANISER}


def test_the_participation_admin_refuses_a_second_organiser(client, methodologist, tomsk, omsk):
    event = EventFactory(organiser=tomsk)
    client.force_login(methodologist)
    response = client.post(
        reverse("admin:events_participation_add"), {"event": event.pk, "library": omsk.pk, "role": ORGANISER}
    )
    assert response.status_code == 200
    assert "Организатор мероприятия — Томская ОДЮБ" in response.content.decode()
    assert not Participation.objects.exists()
