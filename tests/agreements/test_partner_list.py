import re

import pytest
from django.urls import reverse

from agreements.models import Agreement, Library
from tests.agreements.helpers import main_html
from tests.factories import (
    AgreementFactory,
    ContactFactory,
    ContestFactory,
    CuratorFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db
URL = reverse("agreements:partner_list")


def dots(response) -> dict[str, float]:
    """slug → radius of every partner circle on the map."""
    html = response.content.decode()
    return {slug: float(r) for slug, r in re.findall(r'data-slug="([^"]+)"[^>]*?r="([\d.]+)"', html)}


def listed(**fields):
    """A partner library listed through a public agreement (an agreement is not a joint activity)."""
    library = LibraryFactory(**fields)
    AgreementFactory(partner=library)
    return library


def test_partners_grouped_by_country_then_region(client, host):
    listed(short_name="Библиотека Хабаровска", region="Хабаровский край", city="Хабаровск")
    listed(short_name="Библиотека Волгограда", region="Волгоградская область", city="Волгоград")
    listed(
        short_name="Библиотека Усть-Каменогорска",
        country=Library.Country.KAZAKHSTAN,
        region="Восточно-Казахстанская область",
        city="Усть-Каменогорск",
        timezone="Asia/Almaty",
    )
    html = main_html(client.get(URL))
    assert html.index("Россия") < html.index("Волгоградская область") < html.index("Хабаровский край")
    assert html.index("Хабаровский край") < html.index("Казахстан") < html.index("Восточно-Казахстанская область")
    assert "Усть-Каменогорск" in html


def test_a_library_known_only_through_drafts_is_not_listed(client, host):
    library = LibraryFactory(short_name="Библиотека-черновик")
    AgreementFactory(partner=library, status=Agreement.Status.DRAFT)
    EventFactory(organiser=library, is_published=False)
    html = client.get(URL).content.decode()
    assert "Библиотека-черновик" not in html
    assert library.get_absolute_url() not in html


def test_host_library_is_not_listed_as_a_partner(client, host):
    listed(short_name="Партнёр")
    response = client.get(URL)
    assert host.get_absolute_url() not in response.content.decode()
    assert "1 библиотека-партнёр" in response.content.decode()


def test_activity_count_adds_every_kind_of_published_joint_work(client, host):
    partner = LibraryFactory()
    EventFactory(organiser=partner)
    ParticipationFactory(library=partner, event=EventFactory(organiser=host))
    # organising and taking part in the same event counts once
    ParticipationFactory(library=partner, event=EventFactory(organiser=partner))
    ExhibitionFactory(provider=partner)
    ExhibitionStopFactory(venue=partner, exhibition=ExhibitionFactory(provider=host))
    ContestFactory(organiser=partner)
    CuratorFactory(library=partner, contest=ContestFactory(organiser=host))
    EpisodeFactory(library=partner)
    # drafts never count
    EventFactory(organiser=partner, is_published=False)
    ExhibitionFactory(provider=partner, is_published=False)
    ContestFactory(organiser=partner, is_published=False)
    EpisodeFactory(library=partner, is_published=False)
    response = client.get(URL)
    assert "8 совместных дел" in main_html(response)


def test_map_has_a_circle_per_partner_with_coordinates(client, host):
    near = listed(slug="near")
    far = listed(slug="far", latitude="48.48000", longitude="135.07000", city="Хабаровск")
    hidden = listed(slug="nowhere", latitude=None, longitude=None, short_name="Без координат")
    response = client.get(URL)
    circles = dots(response)
    assert set(circles) == {near.slug, far.slug}
    html = response.content.decode()
    assert hidden.get_absolute_url() in html  # still listed, only not drawn
    assert "Не показаны на карте" in html


def test_map_is_an_accessible_image_with_title_and_description(client, host):
    LibraryFactory()
    html = client.get(URL).content.decode()
    assert 'role="img"' in html
    assert 'aria-labelledby="partner-map-title partner-map-desc"' in html
    assert '<title id="partner-map-title">' in html and '<desc id="partner-map-desc">' in html
    assert "Города на карте списком" in html


def test_circles_grow_with_activity_and_link_to_the_partner(client, host):
    busy = listed(slug="busy")
    quiet = listed(slug="quiet")
    for _ in range(4):
        EventFactory(organiser=busy)
    response = client.get(URL)
    circles = dots(response)
    assert circles["busy"] > circles["quiet"]
    html = response.content.decode()
    assert f'href="{busy.get_absolute_url()}" aria-label="{busy.short_name}, Томск: 4 совместных дела"' in html
    assert quiet.get_absolute_url() in html


def test_host_is_drawn_as_a_different_mark(client, host):
    LibraryFactory()
    html = client.get(URL).content.decode()
    assert html.count("partner-map__host-mark") == 1
    assert f'data-slug="{host.slug}"' not in html


def test_contacts_never_appear(client, host):
    partner = LibraryFactory()
    ContactFactory(library=partner, email="secret-person@partner.example", full_name="Тайная Персона")
    html = client.get(URL).content.decode()
    assert "secret-person@partner.example" not in html
    assert "Тайная Персона" not in html


@pytest.mark.parametrize("rows", [5, 50])
def test_query_count_does_not_grow_with_partners(client, host, django_assert_max_num_queries, rows):
    for _ in range(rows):
        partner = LibraryFactory()
        EventFactory(organiser=partner)
        ExhibitionStopFactory(venue=partner, exhibition__provider=host)
    with django_assert_max_num_queries(4):
        response = client.get(URL)
    assert response.status_code == 200
    assert len(dots(response)) == rows


def test_activity_counts_are_what_with_library_selects(host):
    from contests.models import Contest
    from events.models import Episode, Event
    from exhibitions.models import Exhibition
    from pages.activity import activity_counts

    first, second, third = LibraryFactory.create_batch(3)
    event = EventFactory(organiser=first)
    ParticipationFactory(event=event, library=first)  # the organiser's own site: still one event
    ParticipationFactory(event=event, library=second)
    ParticipationFactory(event=EventFactory(organiser=third, is_published=False), library=second)
    exhibition = ExhibitionFactory(provider=first)
    ExhibitionStopFactory(exhibition=exhibition, venue=first)
    ExhibitionStopFactory(exhibition=exhibition, venue=second)
    ExhibitionStopFactory(exhibition=exhibition, venue=second)  # two stops at one venue: one exhibition
    ExhibitionStopFactory(exhibition=ExhibitionFactory(provider=third, is_published=False), venue=first)
    contest = ContestFactory(organiser=second)
    CuratorFactory(contest=contest, library=second)
    CuratorFactory(contest=contest, library=third)
    EpisodeFactory(library=third)
    EpisodeFactory(library=third, is_published=False)
    models = {"events": Event, "exhibitions": Exhibition, "contests": Contest, "episodes": Episode}

    counts = activity_counts()

    for library in (host, first, second, third):
        expected = {key: model.objects.public().with_library(library).count() for key, model in models.items()}
        found = counts.get(library.pk, {})
        assert {key: found.get(key, 0) for key in models} == expected, library
    assert {key: counts[second.pk][key] for key in models} == {
        "events": 1,
        "exhibitions": 1,
        "contests": 1,
        "episodes": 0,
    }
