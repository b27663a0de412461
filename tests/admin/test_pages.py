"""Every admin changelist, add and change page, for each kind of staff user."""

import pytest
from django.contrib import admin
from django.urls import reverse

from tests import factories

# One factory per registered model; the change page is opened for the row it builds.
FACTORIES = {
    "agreements.library": factories.LibraryFactory,
    "agreements.contact": factories.ContactFactory,
    "agreements.direction": factories.DirectionFactory,
    "agreements.agreement": factories.AgreementFactory,
    "events.event": factories.EventFactory,
    "events.participation": factories.ParticipationFactory,
    "events.person": factories.PersonFactory,
    "events.project": factories.ProjectFactory,
    "events.episode": factories.EpisodeFactory,
    "exhibitions.exhibition": factories.ExhibitionFactory,
    "exhibitions.exhibitionstop": factories.ExhibitionStopFactory,
    "contests.contest": factories.ContestFactory,
    "contests.curator": factories.CuratorFactory,
    "contests.entry": factories.EntryFactory,
}
DOMAIN_APPS = {"agreements", "events", "exhibitions", "contests"}


def test_every_domain_model_is_registered_and_covered_here():
    registered = {
        f"{model._meta.app_label}.{model._meta.model_name}"
        for model in admin.site._registry
        if model._meta.app_label in DOMAIN_APPS
    }
    assert registered == set(FACTORIES)


def admin_url(label, view, *args):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


@pytest.mark.parametrize("label", FACTORIES)
@pytest.mark.parametrize("persona", ["superuser", "methodologist"])
def test_changelist_add_and_change_pages_open(db, client, request, label, persona):
    obj = FACTORIES[label]()
    client.force_login(request.getfixturevalue(persona))
    for url in (admin_url(label, "changelist"), admin_url(label, "add"), admin_url(label, "change", obj.pk)):
        response = client.get(url)
        assert response.status_code == 200, url


@pytest.mark.parametrize("label", FACTORIES)
def test_manager_may_view_but_not_add(client, manager, label):
    obj = FACTORIES[label]()
    client.force_login(manager)
    assert client.get(admin_url(label, "changelist")).status_code == 200
    assert client.get(admin_url(label, "change", obj.pk)).status_code == 200
    assert client.get(admin_url(label, "add")).status_code == 403


@pytest.mark.parametrize("label", FACTORIES)
def test_user_outside_the_groups_is_refused(client, outsider, label):
    obj = FACTORIES[label]()
    client.force_login(outsider)
    for url in (admin_url(label, "changelist"), admin_url(label, "add"), admin_url(label, "change", obj.pk)):
        assert client.get(url).status_code == 403, url


def test_admin_speaks_russian(client, superuser):
    client.force_login(superuser)
    response = client.get(reverse("admin:index"))
    assert "Соглашения" in response.content.decode()
    assert "Мероприятия" in response.content.decode()


def test_methodologist_adds_an_event_with_participating_libraries(client, methodologist, host):
    partner = factories.LibraryFactory(short_name="Томская ОДЮБ")
    client.force_login(methodologist)
    response = client.post(
        admin_url("events.event", "add"),
        {
            "title": "Телемост «Путь к Солнцу»",
            "slug": "put-k-solntsu",
            "kind": "telebridge",
            "format": "online",
            "scope": "international",
            "organiser": partner.pk,
            "starts_at_0": "10.03.2030",
            "starts_at_1": "14:00",
            "ends_at_0": "10.03.2030",
            "ends_at_1": "15:30",
            "audience": "teens",
            "age_rating": "12+",
            "target_group": "children",
            "venue": "remote",
            "status": "planned",
            "participations-TOTAL_FORMS": "2",
            "participations-INITIAL_FORMS": "0",
            "participations-0-library": host.pk,
            "participations-0-role": "site",
            "participations-1-library": partner.pk,
            "participations-1-role": "organiser",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    from events.models import Event

    event = Event.objects.get(slug="put-k-solntsu")
    assert set(event.libraries.all()) == {host, partner}
    assert event.starts_at.isoformat() == "2030-03-10T07:00:00+00:00"  # entered in Kemerovo time, UTC+7


def test_event_ending_before_it_starts_gets_a_russian_message(client, methodologist):
    organiser = factories.LibraryFactory()
    client.force_login(methodologist)
    response = client.post(
        admin_url("events.event", "add"),
        {
            "title": "Вебинар",
            "slug": "webinar",
            "kind": "webinar",
            "format": "online",
            "scope": "regional",
            "organiser": organiser.pk,
            "starts_at_0": "10.03.2030",
            "starts_at_1": "14:00",
            "ends_at_0": "10.03.2030",
            "ends_at_1": "12:00",
            "audience": "children",
            "age_rating": "6+",
            "target_group": "children",
            "venue": "remote",
            "status": "planned",
            "participations-TOTAL_FORMS": "0",
            "participations-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 200
    assert "Окончание мероприятия не может быть раньше начала." in response.content.decode()
    from events.models import Event

    assert not Event.objects.filter(slug="webinar").exists()
