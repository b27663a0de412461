"""A kind the tests add (the reading marathon) appears on every public page built on the registered kinds, with no
line about it outside its folder: its own list, the navigation, search, the sitemap, a partner's page, the list of
partners and the agreement it serves."""

import datetime

import pytest
from django.urls import reverse

from core.models import Status
from tests.factories import AgreementFactory, HostLibraryFactory, LibraryFactory

from .factories import MarathonFactory, MarathonSiteFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def partner():
    return LibraryFactory(short_name="Библиотека марафона", slug="marathon-partner")


@pytest.fixture
def marathon(partner):
    held = MarathonFactory(organiser=HostLibraryFactory(), status=Status.HELD, title="Марафон «Читаем Бажова»")
    MarathonSiteFactory(marathon=held, library=partner, participants_count=40)
    return held


def test_the_kinds_list_is_in_the_navigation(client, marathon):
    page = client.get(reverse("site:home")).content.decode()

    assert f'href="{reverse("marathon:list")}"' in page


def test_its_list_marks_its_navigation_link_as_current(client, marathon):
    page = client.get(reverse("marathon:list")).content.decode()

    assert f'<a href="{reverse("marathon:list")}" aria-current="page">Марафоны</a>' in page
    assert marathon.title in page


def test_search_finds_it(client, marathon):
    page = client.get(reverse("site:search"), {"q": "Бажова"}).content.decode()

    assert "Читательские марафоны" in page
    assert marathon.get_absolute_url() in page


def test_search_does_not_find_a_draft(client, marathon):
    marathon.is_published = False
    marathon.save()

    page = client.get(reverse("site:search"), {"q": "Бажова"}).content.decode()

    assert marathon.get_absolute_url() not in page


def test_the_sitemap_lists_its_list_and_its_page(client, marathon):
    draft = MarathonFactory(is_published=False)

    sitemap = client.get(reverse("site:sitemap")).content.decode()

    assert reverse("marathon:list") in sitemap
    assert marathon.get_absolute_url() in sitemap
    assert draft.get_absolute_url() not in sitemap


def test_a_partner_known_only_through_it_is_listed_and_counted(client, marathon, partner):
    page = client.get(reverse("agreements:partner_list")).content.decode()

    assert partner.short_name in page
    assert "1 совместное дело" in page


def test_the_partners_page_shows_it_in_the_timeline(client, marathon, partner):
    page = client.get(reverse("agreements:partner_detail", args=[partner.slug])).content.decode()

    assert marathon.title in page
    assert "площадка" in page


def test_the_agreements_page_lists_it_under_the_agreement_it_serves(client, marathon, partner):
    agreement = AgreementFactory(partner=partner, signed_on=datetime.date(2020, 1, 15))

    page = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()

    assert "Читательские марафоны" in page
    assert marathon.get_absolute_url() in page


def test_a_marathon_before_the_agreement_serves_it_not(client, marathon, partner):
    agreement = AgreementFactory(partner=partner, signed_on=datetime.date(2021, 1, 15))

    page = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()

    assert marathon.get_absolute_url() not in page
