"""The portal links a partner to an activity's page on the site exactly when the site shows that page: by the
activity model's own rule of visibility (`objects.public()`), never by testing a flag itself."""

import pathlib
import re

import pytest
from django.conf import settings
from django.urls import reverse

from portal.models import Proposal
from tests.factories import (
    ContestFactory,
    CuratorFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
    ProposalFactory,
)
from tests.portal.helpers import partner_user

pytestmark = pytest.mark.django_db
ROOT = pathlib.Path(settings.BASE_DIR)


@pytest.fixture
def library():
    return LibraryFactory(short_name="Томская детская")


@pytest.fixture
def partner(client, library):
    user = partner_user(library)
    client.force_login(user)
    return user


def _rows(library, published):
    event = EventFactory(is_published=published)
    exhibition = ExhibitionFactory(is_published=published)
    contest = ContestFactory(is_published=published)
    return [
        ("portal:participation", ParticipationFactory(event=event, library=library), event),
        ("portal:stop", ExhibitionStopFactory(exhibition=exhibition, venue=library), exhibition),
        ("portal:curatorship", CuratorFactory(contest=contest, library=library), contest),
    ]


@pytest.mark.parametrize("published", [True, False])
def test_a_row_page_links_to_the_site_page_exactly_when_the_site_shows_it(client, partner, library, published):
    for name, row, activity in _rows(library, published):
        shown = type(activity).objects.public().filter(pk=activity.pk).exists()
        html = client.get(reverse(name, args=[row.pk])).content.decode()
        assert (f'href="{activity.get_absolute_url()}"' in html) == shown, name
        assert (client.get(activity.get_absolute_url()).status_code == 200) == shown, name


@pytest.mark.parametrize("published", [True, False])
def test_a_proposal_links_to_its_draft_exactly_when_the_site_shows_it(client, partner, library, published):
    drafts = [
        EventFactory(is_published=published),
        ExhibitionFactory(is_published=published),
        ContestFactory(is_published=published),
    ]
    for draft in drafts:
        ProposalFactory(library=library, **{type(draft)._meta.model_name: draft})
    html = client.get(reverse("portal:proposals")).content.decode()
    for draft in drafts:
        assert (f'href="{draft.get_absolute_url()}"' in html) == published, draft
    fates = {proposal.fate() for proposal in Proposal.objects.all()}
    assert fates == ({"принято и опубликовано на сайте"} if published else {"на рассмотрении"})


def test_the_proposals_page_asks_the_rule_in_a_fixed_number_of_queries(
    client, partner, library, django_assert_max_num_queries
):
    def proposals(n):
        for _ in range(n):
            ProposalFactory(library=library, event=EventFactory())
            ProposalFactory(library=library, exhibition=ExhibitionFactory(is_published=False))
            ProposalFactory(library=library, contest=ContestFactory())

    proposals(1)
    with django_assert_max_num_queries(20) as small:
        assert client.get(reverse("portal:proposals")).status_code == 200
    proposals(10)
    with django_assert_max_num_queries(20) as large:
        assert client.get(reverse("portal:proposals")).status_code == 200
    assert len(large.captured_queries) == len(small.captured_queries)


def test_the_row_pages_ask_the_rule_without_a_query_of_their_own(
    client, partner, library, django_assert_max_num_queries
):
    counts = {}
    for name, row, _activity in _rows(library, True):
        with django_assert_max_num_queries(30) as queries:
            client.get(reverse(name, args=[row.pk]))
        counts[name] = len(queries.captured_queries)
    for name, row, _activity in _rows(library, False):
        with django_assert_max_num_queries(30) as queries:
            client.get(reverse(name, args=[row.pk]))
        assert len(queries.captured_queries) == counts[name], name


def test_no_portal_code_or_template_tests_the_published_flag_itself():
    """Reading `is_published` would be a second rule of visibility beside `objects.public()`."""
    sources = [*(ROOT / "portal").glob("*.py"), *(ROOT / "templates" / "portal").glob("*.html")]
    reads = re.compile(r"\.is_published\b|\bif [^%]*\bis_published\b|is_published\s*[=!]=")
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in sources
        for n, line in enumerate(path.read_text().splitlines(), 1)
        if reads.search(line)
    ]
    assert found == []
