"""The library rules compiled once select exactly what `Library.objects.partners()` and `.public()` select."""

import pytest

from agreements.models import Library
from events.filters import EventFilter, listed, listed_libraries
from events.models import Event
from tests.factories import (
    AgreementFactory,
    ContestFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
)
from tests.perf.test_widgets import options

pytestmark = pytest.mark.django_db


@pytest.fixture
def libraries(kemerovo):
    """One library for each way of being listed, and some that are not."""
    with_agreement, draft_only = LibraryFactory(slug="with-agreement"), LibraryFactory(slug="draft-only")
    AgreementFactory(partner=with_agreement)
    AgreementFactory(partner=draft_only, status="draft")
    organiser, site = LibraryFactory(slug="organiser"), LibraryFactory(slug="site")
    ParticipationFactory(event=EventFactory(organiser=organiser), library=site)
    hidden_site = LibraryFactory(slug="site-of-a-draft")
    ParticipationFactory(event=EventFactory(is_published=False), library=hidden_site)
    venue = LibraryFactory(slug="venue")
    ExhibitionStopFactory(exhibition=ExhibitionFactory(), venue=venue)
    ContestFactory(organiser=LibraryFactory(slug="contest-organiser"))
    EpisodeFactory(library=LibraryFactory(slug="episode-author"))
    LibraryFactory(slug="nothing-yet")


def slugs(queryset) -> set[str]:
    return set(queryset.values_list("slug", flat=True))


@pytest.mark.parametrize("rule", ["partners", "public"])
def test_the_compiled_rule_selects_the_same_libraries(libraries, rule):
    expected = slugs(getattr(Library.objects, rule)())

    assert slugs(Library.objects.filter(listed_libraries(rule))) == expected
    assert "nothing-yet" not in expected and "draft-only" not in expected


def test_a_library_listed_later_is_seen_at_once(libraries):
    listed_before = slugs(Library.objects.filter(listed_libraries()))
    AgreementFactory(partner=Library.objects.get(slug="nothing-yet"))

    assert slugs(Library.objects.filter(listed_libraries())) == listed_before | {"nothing-yet"}


def test_the_partner_filter_offers_each_public_library_by_slug_and_name_host_first(client, libraries, kemerovo):
    markup = str(EventFilter(None, queryset=Event.objects.public()).form["partner"])

    expected = [("", "любая", True, None)] + [
        (library.slug, str(library), False, None) for library in Library.objects.public().host_first()
    ]
    assert options(markup) == expected
    assert expected[1][0] == kemerovo.slug


def test_the_listed_rows_are_the_rules_libraries_host_first_then_by_name(libraries):
    expected = [(library.pk, library.slug, library.short_name) for library in Library.objects.public().host_first()]

    assert listed("public") == expected
    assert [slug for _pk, slug, _name in listed("partners")] == [
        library.slug for library in Library.objects.partners().host_first()
    ]
