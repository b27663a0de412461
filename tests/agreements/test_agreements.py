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
    DirectionFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    LibraryFactory,
)

pytestmark = pytest.mark.django_db
LIST = reverse("agreements:list")


def detail(agreement):
    return reverse("agreements:detail", args=[agreement.pk])


def test_registry_lists_public_agreements_newest_first(client, host):
    older = AgreementFactory(partner=LibraryFactory(short_name="Старый партнёр"), signed_on=datetime.date(2018, 8, 22))
    newer = AgreementFactory(partner=LibraryFactory(short_name="Новый партнёр"), signed_on=datetime.date(2020, 10, 20))
    older.directions.add(DirectionFactory(name="Передвижные выставки"))
    html = main_html(client.get(LIST))
    assert html.index("Новый партнёр") < html.index("Старый партнёр")
    assert "22 августа 2018" in html and "20 октября 2020" in html
    assert "Передвижные выставки" in html
    assert detail(newer) in html
    assert "2 соглашения" in html


def test_registry_shows_the_state_today(client, host):
    AgreementFactory(number="A-1", signed_on=datetime.date(2015, 1, 1), valid_until=datetime.date(2016, 1, 1))
    AgreementFactory(number="A-2", status=Agreement.Status.TERMINATED, terminated_on=datetime.date(2021, 1, 1))
    html = main_html(client.get(LIST))
    assert "срок истёк" in html
    assert "расторгнуто" in html


def test_registry_hides_non_public_and_draft_agreements(client, host):
    AgreementFactory(number="HIDDEN-1", is_public=False)
    AgreementFactory(number="DRAFT-1", status=Agreement.Status.DRAFT)
    html = main_html(client.get(LIST))
    assert "HIDDEN-1" not in html
    assert "DRAFT-1" not in html


def test_non_public_agreement_is_404(client, host):
    assert client.get(detail(AgreementFactory(is_public=False))).status_code == 404


def test_draft_agreement_is_404(client, host):
    assert client.get(detail(AgreementFactory(status=Agreement.Status.DRAFT))).status_code == 404


def test_unknown_agreement_is_404(client, host):
    assert client.get(reverse("agreements:detail", args=[999999])).status_code == 404


def test_detail_shows_terms_but_never_scan_notes_or_contacts(client, host):
    agreement = AgreementFactory(
        number="5/С",
        signed_at="деловая встреча в рамках Дней Москвы в Кузбассе",
        valid_until=datetime.date(2030, 12, 31),
        notes="служебная заметка",
        scan="agreements/2020/scan-secret.pdf",
    )
    ContactFactory(library=agreement.partner, email="contact-hidden@partner.example")
    html = client.get(detail(agreement)).content.decode()
    assert "5/С" in html
    assert "Дней Москвы в Кузбассе" in html
    assert "31 декабря 2030" in html
    assert "служебная заметка" not in html
    assert "scan-secret" not in html
    assert "/staff/scans/" not in html
    assert "contact-hidden@partner.example" not in html


def test_detail_lists_published_activities_under_it(client, host):
    agreement = AgreementFactory()
    other = AgreementFactory()
    EventFactory(agreement=agreement, title="Мероприятие по соглашению")
    EventFactory(agreement=agreement, title="Черновик мероприятия", is_published=False)
    EventFactory(agreement=other, title="Мероприятие другого соглашения")
    ExhibitionFactory(agreement=agreement, title="Выставка по соглашению")
    ExhibitionFactory(agreement=agreement, title="Черновик выставки", is_published=False)
    ContestFactory(agreement=agreement, title="Конкурс по соглашению")
    ContestFactory(agreement=agreement, title="Черновик конкурса", is_published=False)
    EpisodeFactory(agreement=agreement, title="Выпуск по соглашению")
    EpisodeFactory(agreement=agreement, title="Черновик выпуска", is_published=False)
    html = main_html(client.get(detail(agreement)))
    for title in [
        "Мероприятие по соглашению",
        "Выставка по соглашению",
        "Конкурс по соглашению",
        "Выпуск по соглашению",
    ]:
        assert title in html
    assert "Черновик" not in html
    assert "другого соглашения" not in html
    assert "(4)" in html


@pytest.mark.parametrize("rows", [5, 50])
def test_registry_query_count_is_constant(client, host, django_assert_max_num_queries, rows):
    for _ in range(rows):
        AgreementFactory().directions.add(DirectionFactory(), DirectionFactory())
    with django_assert_max_num_queries(3):
        response = client.get(LIST)
    assert response.status_code == 200
    assert main_html(response).count("<tr>") == rows + 1


@pytest.mark.parametrize("rows", [5, 50])
def test_detail_query_count_is_constant(client, host, django_assert_max_num_queries, rows):
    agreement = AgreementFactory()
    agreement.directions.add(DirectionFactory())
    for _ in range(rows):
        EventFactory(agreement=agreement)
        ExhibitionFactory(agreement=agreement)
        ContestFactory(agreement=agreement)
        EpisodeFactory(agreement=agreement)
    # The agreement, its directions, its partner's agreements, then for each registered kind of activity the
    # candidates, what the credit rule reads (sites, stops, curators) and the two staff overrides.
    per_kind = sum(3 + len(kind.credit_prefetch) for kind in kinds.kinds())
    with django_assert_max_num_queries(3 + per_kind):
        response = client.get(detail(agreement))
    assert response.status_code == 200
    assert f"({4 * rows})" in main_html(response)
