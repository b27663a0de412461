"""An agreement that something depends on is not deleted; a mistaken draft is."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from agreements.models import Agreement, Amendment
from core.models import Status
from tests.factories import AgreementFactory, EventFactory

D = datetime.date
KEMEROVO = ZoneInfo("Asia/Novokuznetsk")
pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:agreements_agreement_changelist")


def delete_url(agreement):
    return reverse("admin:agreements_agreement_delete", args=[agreement.pk])


@pytest.fixture
def served(host):
    """An agreement a held webinar of its partner is credited to."""
    agreement = AgreementFactory(number="3/С", signed_on=D(2020, 1, 15), valid_until=D(2030, 1, 15))
    EventFactory(
        title="Вебинар «Читаем вместе»",
        organiser=agreement.partner,
        starts_at=datetime.datetime(2021, 3, 10, 14, 0, tzinfo=KEMEROVO),
        status=Status.HELD,
    )
    return agreement


def test_the_delete_page_says_why_an_agreement_with_credited_activities_stays(client, superuser, served):
    client.force_login(superuser)
    page = client.get(delete_url(served)).content.decode()
    assert "Удалить нельзя: от соглашения зависят записи" in page
    assert "Вебинар «Читаем вместе»" in page or "Вебинар &laquo;Читаем вместе&raquo;" in page
    assert 'name="post"' not in page


def test_a_confirmed_delete_of_a_served_agreement_is_refused(client, superuser, served):
    client.force_login(superuser)
    response = client.post(delete_url(served), {"post": "yes"})
    assert response.status_code == 409
    assert "Удалить нельзя" in response.content.decode()
    assert Agreement.objects.filter(pk=served.pk).exists()


def test_an_agreement_with_an_amendment_stays(client, superuser, host):
    agreement = AgreementFactory(signed_on=D(2020, 1, 15))
    Amendment.objects.create(agreement=agreement, number="1", signed_on=D(2021, 2, 3), summary="Новый адрес")
    client.force_login(superuser)
    response = client.post(delete_url(agreement), {"post": "yes"})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Дополнительное соглашение № 1 от 03.02.2021" in page
    assert page.count("Дополнительное соглашение № 1 от 03.02.2021") == 1
    assert Agreement.objects.filter(pk=agreement.pk).exists()


def test_bulk_delete_refuses_served_agreements(client, superuser, served):
    draft = AgreementFactory(status=Agreement.Status.DRAFT)
    client.force_login(superuser)
    data = {"action": "delete_selected", "_selected_action": [served.pk, draft.pk], "post": "yes"}
    response = client.post(CHANGELIST, data)
    assert response.status_code == 409
    assert "Удалить нельзя" in response.content.decode()
    assert Agreement.objects.count() == 2


def test_a_draft_entered_by_mistake_is_deleted(client, superuser, served):
    draft = AgreementFactory(status=Agreement.Status.DRAFT, partner=served.partner, signed_on=D(2021, 1, 1))
    client.force_login(superuser)
    assert "Удалить нельзя" not in client.get(delete_url(draft)).content.decode()
    response = client.post(delete_url(draft), {"post": "yes"})
    assert response.status_code == 302
    assert not Agreement.objects.filter(pk=draft.pk).exists()


def test_bulk_delete_of_unrelated_drafts_goes_through(client, superuser, host):
    drafts = AgreementFactory.create_batch(2, status=Agreement.Status.DRAFT)
    client.force_login(superuser)
    data = {"action": "delete_selected", "_selected_action": [d.pk for d in drafts], "post": "yes"}
    response = client.post(CHANGELIST, data)
    assert response.status_code == 302
    assert not Agreement.objects.exists()
