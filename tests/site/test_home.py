import datetime

import pytest
from django.urls import reverse

from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    ContestFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    TelebridgeFactory,
)

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2029, 6, 1)  # see conftest.NOW


def home(client):
    response = client.get(reverse("site:home"))
    assert response.status_code == 200
    return response


def test_upcoming_telebridges_come_before_other_events(client):
    EventFactory(title="Вебинар скоро", starts_at=datetime.datetime(2029, 6, 2, 10, tzinfo=KEMEROVO))
    TelebridgeFactory(title="Телемост позже")
    TelebridgeFactory(title="Прошедший телемост", starts_at=datetime.datetime(2020, 1, 1, 10, tzinfo=KEMEROVO))

    response = home(client)

    assert [e.title for e in response.context["telebridges"]] == ["Телемост позже"]
    assert [e.title for e in response.context["events"]] == ["Вебинар скоро"]
    html = response.content.decode()
    assert html.index("Телемост позже") < html.index("Вебинар скоро")
    assert "Прошедший телемост" not in html


def test_exhibitions_on_now_are_those_with_a_stop_containing_today(client):
    now_on = ExhibitionFactory(title="Идёт сейчас")
    ExhibitionStopFactory(exhibition=now_on, starts_on=TODAY, ends_on=TODAY + datetime.timedelta(days=30))
    ExhibitionStopFactory(
        exhibition=now_on, starts_on=TODAY - datetime.timedelta(days=90), ends_on=TODAY - datetime.timedelta(days=60)
    )
    finished = ExhibitionFactory(title="Закончилась")
    ExhibitionStopFactory(exhibition=finished, starts_on=datetime.date(2020, 1, 1), ends_on=datetime.date(2020, 2, 1))
    draft = ExhibitionFactory(title="Черновик выставки", is_published=False)
    ExhibitionStopFactory(exhibition=draft, starts_on=TODAY, ends_on=TODAY)

    response = home(client)

    assert [e.title for e in response.context["exhibitions"]] == ["Идёт сейчас"]
    html = response.content.decode()
    assert "Закончилась" not in html
    assert "Черновик выставки" not in html


def test_contests_open_for_entries_today(client):
    ContestFactory(title="Приём идёт", submissions_from=TODAY, submissions_until=TODAY, results_on=TODAY)
    ContestFactory(title="Приём закрыт")
    ContestFactory(
        title="Черновик конкурса", is_published=False, submissions_from=TODAY, submissions_until=TODAY, results_on=TODAY
    )

    response = home(client)

    assert [c.title for c in response.context["contests"]] == ["Приём идёт"]
    assert "Черновик конкурса" not in response.content.decode()


@pytest.mark.parametrize(
    ("count", "text"),
    [
        (1, "1 библиотека-партнёр"),
        (3, "3 библиотеки-партнёра"),
        (5, "5 библиотек-партнёров"),
        (11, "11 библиотек-партнёров"),
        (21, "21 библиотека-партнёр"),
    ],
)
def test_partner_count_excludes_the_host_and_uses_russian_plural(client, count, text):
    HostLibraryFactory()
    for library in LibraryFactory.create_batch(count):
        AgreementFactory(partner=library)
    LibraryFactory()  # known only as a library, with no public agreement or activity: not counted

    assert text in home(client).content.decode()


def test_drafts_never_appear(client):
    TelebridgeFactory(title="Черновик телемоста", is_published=False)
    EventFactory(title="Черновик вебинара", is_published=False)

    html = home(client).content.decode()

    assert "Черновик" not in html


def test_each_block_links_to_its_list(client):
    html = home(client).content.decode()

    for name in ("events:telebridges", "events:list", "exhibitions:list", "contests:list", "agreements:partner_list"):
        assert f'href="{reverse(name)}"' in html


def test_head_request_is_answered(client):
    assert client.head(reverse("site:home")).status_code == 200


def test_post_is_not_allowed(client):
    assert client.post(reverse("site:home")).status_code == 405
