import datetime

import pytest
from django.urls import reverse

from agreements.models import Agreement
from core import kinds
from tests.agreements.helpers import main_html
from tests.factories import (
    AgreementFactory,
    ContactFactory,
    ContestFactory,
    CuratorFactory,
    DirectionFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db
KEMEROVO = datetime.timezone(datetime.timedelta(hours=7))


def url(library):
    return reverse("agreements:partner_detail", args=[library.slug])


@pytest.fixture
def library(host):
    """A library not yet listed as a partner: no public agreement, no published joint activity."""
    return LibraryFactory(
        name="Государственная детская библиотека имени Гайдара",
        short_name="ЦГДБ им. А.П. Гайдара",
        named_after="А.П. Гайдара",
        region="Москва",
        city="Москва",
        website="https://example.org/gaidar",
    )


@pytest.fixture
def partner(library):
    """Listed as a partner through a public agreement."""
    AgreementFactory(partner=library, number="1/П", signed_on=datetime.date(2016, 5, 10))
    return library


def test_shows_the_partner_details(client, partner):
    html = main_html(client.get(url(partner)))
    assert partner.name in html
    assert "А.П. Гайдара" in html
    assert "https://example.org/gaidar" in html
    assert "Россия" in html


def test_library_known_only_through_drafts_has_no_partner_page(client, library):
    AgreementFactory(partner=library, status=Agreement.Status.DRAFT)
    AgreementFactory(partner=library, is_public=False)
    EventFactory(organiser=library, is_published=False)
    assert client.get(url(library)).status_code == 404


def test_a_published_joint_activity_alone_makes_a_partner_page(client, library):
    ExhibitionStopFactory(exhibition=ExhibitionFactory(provider=library))
    assert client.get(url(library)).status_code == 200


def test_unknown_slug_is_404(client, host):
    assert client.get(reverse("agreements:partner_detail", args=["no-such-library"])).status_code == 404


def test_host_library_has_no_partner_page(client, host):
    assert client.get(url(host)).status_code == 404


def test_lists_public_agreements_with_state_and_directions(client, partner):
    direction = DirectionFactory(name="Телемосты и встречи")
    agreement = AgreementFactory(partner=partner, number="17/С", signed_on=datetime.date(2018, 8, 22))
    agreement.directions.add(direction)
    html = main_html(client.get(url(partner)))
    assert "№ 17/С" in html
    assert "22 августа 2018" in html
    assert "действует" in html
    assert "Телемосты и встречи" in html
    assert agreement.get_absolute_url() in html


def test_hides_non_public_and_draft_agreements(client, library):
    EventFactory(organiser=library)  # listed as a partner through a published event
    AgreementFactory(partner=library, number="SECRET-1", is_public=False)
    AgreementFactory(partner=library, number="DRAFT-2", status=Agreement.Status.DRAFT)
    html = main_html(client.get(url(library)))
    assert "SECRET-1" not in html
    assert "DRAFT-2" not in html
    assert "Опубликованных соглашений нет" in html


def test_never_shows_contacts_notes_or_scans(client, partner):
    ContactFactory(library=partner, email="only-for-staff@partner.example", full_name="Скрытая Контактная")
    AgreementFactory(partner=partner, notes="служебная заметка о соглашении", scan="agreements/2020/secret.pdf")
    html = client.get(url(partner)).content.decode()
    assert "only-for-staff@partner.example" not in html
    assert "Скрытая Контактная" not in html
    assert "служебная заметка" not in html
    assert "secret.pdf" not in html


def test_timeline_has_every_kind_of_joint_work_newest_first(client, host, partner):
    EventFactory(
        organiser=partner, title="Вебинар партнёра", starts_at=datetime.datetime(2019, 3, 1, 12, tzinfo=KEMEROVO)
    )
    ParticipationFactory(
        library=partner,
        event=EventFactory(
            organiser=host, title="Телемост вместе", starts_at=datetime.datetime(2021, 5, 1, 12, tzinfo=KEMEROVO)
        ),
    )
    exhibition = ExhibitionFactory(provider=partner, title="Выставка партнёра")
    ExhibitionStopFactory(
        exhibition=exhibition, venue=host, starts_on=datetime.date(2020, 2, 1), ends_on=datetime.date(2020, 3, 1)
    )
    ExhibitionStopFactory(
        exhibition=ExhibitionFactory(provider=host, title="Наша выставка у партнёра"),
        venue=partner,
        starts_on=datetime.date(2022, 4, 1),
        ends_on=datetime.date(2022, 5, 1),
    )
    ContestFactory(
        organiser=partner,
        title="Конкурс партнёра",
        submissions_from=datetime.date(2018, 1, 10),
        submissions_until=datetime.date(2018, 3, 1),
        results_on=datetime.date(2018, 4, 1),
    )
    CuratorFactory(
        library=partner,
        contest=ContestFactory(
            organiser=host,
            title="Конкурс с куратором",
            submissions_from=datetime.date(2023, 1, 10),
            submissions_until=datetime.date(2023, 3, 1),
            results_on=datetime.date(2023, 4, 1),
        ),
    )
    EpisodeFactory(library=partner, title="Сказка партнёра", published_on=datetime.date(2024, 6, 1))
    html = main_html(client.get(url(partner)))
    order = [
        "Сказка партнёра",
        "Конкурс с куратором",
        "Наша выставка у партнёра",
        "Телемост вместе",
        "Выставка партнёра",
        "Вебинар партнёра",
        "Конкурс партнёра",
    ]
    positions = [html.index(title) for title in order]
    assert positions == sorted(positions)
    assert "1 февраля 2020" in html


def test_timeline_excludes_drafts(client, host, partner):
    EventFactory(organiser=partner, title="Черновик мероприятия", is_published=False)
    ExhibitionFactory(provider=partner, title="Черновик выставки", is_published=False)
    ExhibitionStopFactory(
        venue=partner, exhibition=ExhibitionFactory(provider=host, title="Черновик маршрута", is_published=False)
    )
    ContestFactory(organiser=partner, title="Черновик конкурса", is_published=False)
    EpisodeFactory(library=partner, title="Черновик выпуска", is_published=False)
    EpisodeFactory(library=partner, title="Выпуск черновика проекта", project__is_published=False)
    html = main_html(client.get(url(partner)))
    assert "Черновик" not in html
    assert "черновика проекта" not in html
    assert "Совместных дел пока нет" in html


def test_event_where_partner_organised_and_took_part_appears_once(client, partner):
    event = EventFactory(organiser=partner, title="Единственное мероприятие")
    ParticipationFactory(event=event, library=partner)
    html = main_html(client.get(url(partner)))
    assert html.count("Единственное мероприятие") == 1


@pytest.mark.parametrize("rows", [5, 50])
def test_query_count_does_not_grow_with_activities(client, host, partner, django_assert_max_num_queries, rows):
    agreement = AgreementFactory(partner=partner)
    agreement.directions.add(DirectionFactory(), DirectionFactory())
    for _ in range(rows):
        AgreementFactory(partner=partner).directions.add(DirectionFactory())
        EventFactory(organiser=partner)
        ParticipationFactory(library=partner, event=EventFactory(organiser=host))
        ExhibitionStopFactory(venue=partner, exhibition=ExhibitionFactory(provider=host))
        ExhibitionFactory(provider=partner)
        CuratorFactory(library=partner, contest=ContestFactory(organiser=host))
        EpisodeFactory(library=partner)
    # The library, its agreements and their directions, then one query per registered kind of activity (two for
    # exhibitions: those it provided, and the stops it hosted).
    with django_assert_max_num_queries(3 + len(kinds.kinds()) + 1):
        response = client.get(url(partner))
    assert response.status_code == 200
    assert f"({6 * rows})" in main_html(response)


def test_timeline_marks_a_cancelled_event_as_such(client, partner):
    from core.models import Status

    EventFactory(organiser=partner, title="Отменённый вебинар", status=Status.CANCELLED)
    html = main_html(client.get(url(partner)))
    assert "Отменённый вебинар" in html
    assert '<span class="tag tag-called-off">отменено</span>' in html


def test_timeline_shows_the_newest_hundred_and_links_to_all(client, host, partner):
    from pages.partners import TIMELINE_SHOWN

    for day in range(TIMELINE_SHOWN + 2):
        EventFactory(
            organiser=partner,
            starts_at=datetime.datetime(2020, 1, 1, 12, tzinfo=datetime.UTC) + datetime.timedelta(days=day),
        )
    url = reverse("agreements:partner_detail", args=[partner.slug])

    page = client.get(url).content.decode()
    everything = client.get(url, {"all": "1"}).content.decode()

    assert page.count('class="timeline__item"') == TIMELINE_SHOWN
    assert f"({TIMELINE_SHOWN + 2})" in page and "?all=1" in page
    assert ">11 апреля 2020</time>" in page and ">1 января 2020</time>" not in page  # the newest first
    assert everything.count('class="timeline__item"') == TIMELINE_SHOWN + 2 and "?all=1" not in everything
