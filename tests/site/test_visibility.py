"""The rule of what the public may see, for every public model at once.

A world with one published thing of each kind beside a draft (or otherwise hidden) thing of each kind, every
hidden one carrying the word SECRET in what a page would print. Then every public page, feed, sitemap entry and
search is read: the word never appears, and each hidden thing's own address is a 404.
"""

import datetime
import re

import pytest
from django.urls import reverse

from agreements.models import Agreement, Library
from contests.models import Entry
from tests.factories import (
    AgreementFactory,
    ContactFactory,
    ContestFactory,
    CuratorFactory,
    EntryFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
    ProjectFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db
SECRET = "Секретно"
D = datetime.date
KEMEROVO = datetime.timezone(datetime.timedelta(hours=7))


@pytest.fixture
def world(host):
    partner = LibraryFactory(short_name="Открытая библиотека", city="Омск", notes=f"{SECRET}: координаты условные")
    agreement = AgreementFactory(partner=partner, notes=f"{SECRET}: служебная заметка")
    ContactFactory(library=partner, full_name=f"{SECRET} Контакт")
    event = TelebridgeFactory(organiser=host, agreement=agreement, notes=f"{SECRET} заметка")
    ParticipationFactory(event=event, library=partner)
    contest = ContestFactory(organiser=host, agreement=agreement, notes=f"{SECRET} заметка")
    CuratorFactory(contest=contest, library=partner)
    EntryFactory(contest=contest, entrant_name="Открытый Участник", result=Entry.Result.WINNER, public_consent=True)
    exhibition = ExhibitionFactory(provider=partner, agreement=agreement, notes=f"{SECRET} заметка")
    ExhibitionStopFactory(exhibition=exhibition, venue=host)
    project = ProjectFactory(organiser=host)
    EpisodeFactory(project=project, library=partner, agreement=agreement)

    hidden = {}
    # A library known only through a draft agreement, and one only through a draft event.
    draft_only = LibraryFactory(short_name=f"{SECRET} библиотека 1", city=f"{SECRET}град")
    hidden["draft_agreement"] = AgreementFactory(
        partner=draft_only, status=Agreement.Status.DRAFT, title=f"{SECRET} проект соглашения"
    )
    hidden["non_public_agreement"] = AgreementFactory(
        partner=partner, is_public=False, title=f"{SECRET} непубличное соглашение"
    )
    draft_event_only = LibraryFactory(short_name=f"{SECRET} библиотека 2")
    hidden["event"] = TelebridgeFactory(title=f"{SECRET} телемост", organiser=host, is_published=False)
    ParticipationFactory(event=hidden["event"], library=draft_event_only)
    hidden["exhibition"] = ExhibitionFactory(title=f"{SECRET} выставка", provider=partner, is_published=False)
    ExhibitionStopFactory(exhibition=hidden["exhibition"], venue=draft_event_only)
    hidden["contest"] = ContestFactory(title=f"{SECRET} конкурс", organiser=host, is_published=False)
    hidden["project"] = ProjectFactory(title=f"{SECRET} проект", organiser=host, is_published=False)
    EpisodeFactory(project=hidden["project"], title=f"{SECRET} выпуск в черновике проекта", library=partner)
    EpisodeFactory(project=project, title=f"{SECRET} неопубликованный выпуск", library=partner, is_published=False)
    # Published, linked to a hidden agreement: the agreement must not show through it.
    EventFactory(title="Открытый вебинар", organiser=partner, agreement=hidden["non_public_agreement"])
    EntryFactory(contest=contest, entrant_name=f"{SECRET} Участник", result=Entry.Result.WINNER)
    # An entry with consent in a draft contest is not public either.
    EntryFactory(contest=hidden["contest"], entrant_name=f"{SECRET} Финалист", public_consent=True)
    hidden["draft_only_library"] = draft_only
    hidden["draft_event_library"] = draft_event_only
    return {"partner": partner, "agreement": agreement, "hidden": hidden}


def _sitemap_paths(client) -> list[str]:
    xml = client.get(reverse("site:sitemap")).content.decode()
    return [re.sub(r"^https?://[^/]+", "", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", xml)]


def _public_paths(client) -> list[str]:
    lists = [
        reverse("site:home"),
        reverse("events:list"),
        reverse("events:list") + "?when=past",
        reverse("events:telebridges"),
        reverse("exhibitions:list"),
        reverse("contests:list"),
        reverse("agreements:partner_list"),
        reverse("agreements:list"),
        reverse("events:feed"),
        reverse("events:calendar"),
        reverse("site:sitemap"),
    ]
    words = ("библиотека", "телемост", "выставка", "конкурс", "проект", "выпуск", "соглашение", "участник")
    searches = [reverse("site:search") + f"?q={word}" for word in words]
    return lists + searches + _sitemap_paths(client)


def test_nothing_hidden_appears_on_any_public_page_feed_sitemap_or_search(client, world):
    paths = _public_paths(client)
    assert len(paths) > 20  # the sitemap adds every public detail page
    for path in paths:
        response = client.get(path)
        assert response.status_code == 200, path
        assert SECRET not in response.content.decode(), path


def test_search_for_the_hidden_word_finds_nothing(client, world):
    response = client.get(reverse("site:search"), {"q": SECRET})
    assert response.status_code == 200
    assert response.context["total"] == 0


def test_every_published_thing_is_reachable_from_the_sitemap(client, world):
    paths = set(_sitemap_paths(client))
    assert world["partner"].get_absolute_url() in paths
    assert world["agreement"].get_absolute_url() in paths


def test_hidden_things_own_addresses_are_404(client, world):
    hidden = world["hidden"]
    for path in [
        hidden["event"].get_absolute_url(),
        reverse("events:ics", args=[hidden["event"].slug]),
        hidden["exhibition"].get_absolute_url(),
        hidden["contest"].get_absolute_url(),
        hidden["project"].get_absolute_url(),
        hidden["draft_agreement"].get_absolute_url(),
        hidden["non_public_agreement"].get_absolute_url(),
        hidden["draft_only_library"].get_absolute_url(),
        hidden["draft_event_library"].get_absolute_url(),
    ]:
        assert client.get(path).status_code == 404, path


def test_a_library_known_only_through_a_draft_is_not_a_filter_choice(client, world):
    html = client.get(reverse("events:list")).content.decode()
    assert world["partner"].short_name in html
    response = client.get(reverse("events:list"), {"partner": world["hidden"]["draft_only_library"].slug})
    assert response.status_code == 400


def test_the_host_is_named_without_a_link_to_a_partner_page_that_does_not_exist(client, world, host):
    exhibition = ExhibitionFactory(provider=host)
    html = client.get(exhibition.get_absolute_url()).content.decode()
    assert host.name in html
    assert f'href="{reverse("agreements:partner_detail", args=[host.slug])}"' not in html


def _found_libraries(client, q: str) -> list[str]:
    response = client.get(reverse("site:search"), {"q": q})
    assert response.status_code == 200
    return [hit.title for section in response.context["sections"] if section.key == "partners" for hit in section.hits]


def test_search_finds_a_library_exactly_when_the_public_rule_lists_it(client, world, host):
    """`Library.objects.partners()` is the rule: search asks it, as the partner list, the sitemap and the filter do."""
    listed = set(Library.objects.partners())
    libraries = [world["partner"], world["hidden"]["draft_only_library"], world["hidden"]["draft_event_library"], host]
    for library in libraries:
        assert (library.short_name in _found_libraries(client, library.short_name)) == (library in listed), library


def test_a_library_whose_only_agreement_became_a_draft_is_not_found_by_search(client, world):
    """Even when the change reached the database without a signal (a bulk update): search asks the rule itself, not
    a list of the libraries kept since the last change."""
    library = LibraryFactory(short_name="Бывшая партнёрка")
    agreement = AgreementFactory(partner=library)
    assert client.get(reverse("agreements:partner_list")).status_code == 200  # the listed libraries are kept
    assert _found_libraries(client, "Бывшая партнёрка") == ["Бывшая партнёрка"]

    Agreement.objects.filter(pk=agreement.pk).update(status=Agreement.Status.DRAFT)

    assert _found_libraries(client, "Бывшая партнёрка") == []
