"""Supplementary agreements entered on the agreement's admin page: what they change, what is refused."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import Agreement, Amendment, Term, apply_amendment
from agreements.timeline import ItemKind, agreement_timeline
from tests.agreements_life.helpers import post_change
from tests.factories import AgreementFactory, DirectionFactory

D = datetime.date
PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
pytestmark = pytest.mark.django_db


@pytest.fixture
def agreement(host):
    return AgreementFactory(number="12", signed_on=D(2020, 10, 20), valid_until=D(2023, 10, 20))


def test_an_amendment_extends_the_agreement_and_shows_in_its_timeline(client, methodologist, agreement):
    exhibitions = DirectionFactory(name="Обменные выставки книг")
    client.force_login(methodologist)
    amendment = {
        "number": "1",
        "signed_on": "01.09.2023",
        "new_valid_until": "31.12.2026",
        "directions_added": [exhibitions.pk],
        "summary": "Срок продлён до конца 2026 года, добавлены выставки.",
    }
    response = post_change(client, agreement, amendments=[amendment])
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    assert agreement.valid_until == D(2026, 12, 31)
    assert list(agreement.directions.all()) == [exhibitions]
    items = agreement_timeline(agreement, today=D(2026, 12, 1))
    titles = [(item.kind, item.title) for item in items]
    assert (ItemKind.AMENDMENT, "Дополнительное соглашение № 1 от 01.09.2023") in titles
    [term] = [item for item in items if item.kind == ItemKind.TERM]
    assert term.title == "Первоначальный срок"
    assert term.end == D(2023, 10, 20)
    page = client.get(reverse("admin:agreements_agreement_change", args=[agreement.pk])).content.decode()
    assert "История соглашения" in page
    assert "новый срок — до 31.12.2026" in page


def test_the_change_reason_names_the_amendment(agreement):
    amendment = Amendment.objects.create(
        agreement=agreement, number="2", signed_on=D(2022, 5, 4), new_valid_until=D(2025, 1, 1)
    )
    changed = apply_amendment(amendment=amendment)
    assert changed.valid_until == D(2025, 1, 1)
    assert changed._change_reason == "Дополнительное соглашение № 2 от 04.05.2022"


def test_an_older_amendment_edited_later_does_not_undo_a_newer_one(agreement):
    older = Amendment.objects.create(agreement=agreement, signed_on=D(2021, 1, 1), new_valid_until=D(2024, 1, 1))
    newer = Amendment.objects.create(agreement=agreement, signed_on=D(2022, 1, 1), new_valid_until=D(2025, 1, 1))
    apply_amendment(amendment=newer)
    apply_amendment(amendment=older)
    agreement.refresh_from_db()
    assert agreement.valid_until == D(2025, 1, 1)
    assert agreement.terms(D(2024, 6, 1))[0].kind == Term.Kind.AMENDED


def test_a_direction_is_removed_by_an_amendment(client, methodologist, agreement):
    kept, dropped = DirectionFactory(name="Конкурсы чтецов"), DirectionFactory(name="Телемосты с писателями")
    agreement.directions.add(kept, dropped)
    client.force_login(methodologist)
    amendment = {"signed_on": "01.02.2022", "directions_removed": [dropped.pk]}
    response = post_change(client, agreement, amendments=[amendment])
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(agreement.directions.all()) == [kept]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"signed_on": "01.01.2019", "summary": "x"}, "не может быть подписано раньше самого соглашения (20.10.2020)"),
        ({"signed_on": "01.01.2021", "new_valid_until": "01.01.2020"}, "Новый срок не может закончиться раньше"),
        ({"signed_on": "01.01.2021"}, "Укажите, что меняет дополнительное соглашение"),
        ({"signed_on": "01.01.2300", "summary": "x"}, "Укажите дату между 1990 и 2100 годом."),
    ],
)
def test_a_wrong_amendment_is_refused_in_russian_and_nothing_is_saved(
    client, methodologist, agreement, fields, message
):
    client.force_login(methodologist)
    response = post_change(client, agreement, amendments=[fields], number="12-изм")
    assert response.status_code == 200
    assert message in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.number == "12"
    assert not Amendment.objects.exists()


def test_a_direction_added_and_removed_at_once_is_refused(client, methodologist, agreement):
    direction = DirectionFactory(name="Вебинары для методистов")
    client.force_login(methodologist)
    amendment = {"signed_on": "01.02.2022", "directions_added": [direction.pk], "directions_removed": [direction.pk]}
    response = post_change(client, agreement, amendments=[amendment])
    assert response.status_code == 200
    assert "не может быть одновременно добавлено и исключено: Вебинары для методистов" in response.content.decode()


def test_the_amendments_inline_is_on_the_change_page_only(client, methodologist, agreement):
    client.force_login(methodologist)
    change = client.get(reverse("admin:agreements_agreement_change", args=[agreement.pk])).content.decode()
    add = client.get(reverse("admin:agreements_agreement_add")).content.decode()
    assert "amendments-TOTAL_FORMS" in change
    assert "amendments-TOTAL_FORMS" not in add


def test_an_amendment_scan_is_served_to_staff_only(client, manager, agreement):
    amendment = Amendment.objects.create(agreement=agreement, signed_on=D(2022, 1, 1), summary="Новые контакты")
    amendment.scan.save("dop.pdf", SimpleUploadedFile("dop.pdf", PDF))
    url = amendment.scan.url
    assert url.startswith("/staff/scans/amendments/")
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(manager)
    response = client.get(url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert "dopsoglashenie-" in response["Content-Disposition"]


def test_agreement_with_amendments_keeps_them_when_the_status_changes(agreement):
    Amendment.objects.create(agreement=agreement, signed_on=D(2022, 1, 1), summary="Новые контакты")
    agreement.status = Agreement.Status.TERMINATED
    agreement.terminated_on = D(2024, 1, 1)
    agreement.save()
    assert agreement.amendments.count() == 1


def _amended(client, methodologist, agreement, **fields):
    client.force_login(methodologist)
    amendment = {"number": "1", "signed_on": "01.09.2023", "new_valid_until": "31.12.2026", **fields}
    response = post_change(client, agreement, amendments=[amendment])
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    return agreement


def test_the_timeline_keeps_the_original_term_and_names_the_amendment_once(client, methodologist, agreement):
    agreement = _amended(client, methodologist, agreement)
    items = agreement_timeline(agreement, today=D(2026, 12, 1))
    [term] = [item for item in items if item.kind == ItemKind.TERM]
    assert (term.day, term.title, term.details, term.end) == (
        D(2020, 10, 20),
        "Первоначальный срок",
        "до 20.10.2023",
        D(2023, 10, 20),
    )
    [amendment] = [item for item in items if item.kind == ItemKind.AMENDMENT]
    assert amendment.details.startswith("новый срок — до 31.12.2026 (прежний — до 20.10.2023)")
    named = [item for item in items if "Дополнительное соглашение № 1" in f"{item.title} {item.details}"]
    assert named == [amendment]


def test_a_second_amendment_keeps_the_original_term_and_says_what_it_replaced(client, methodologist, agreement):
    agreement = _amended(client, methodologist, agreement)
    second = {"number": "2", "signed_on": "10.11.2026", "new_valid_until": "31.12.2028"}
    first = agreement.amendments.get()
    stored = {"id": first.pk, "agreement": agreement.pk, "number": "1", "signed_on": "01.09.2023"}
    response = post_change(
        client, agreement, amendments=[{**stored, "new_valid_until": "31.12.2026"}, second], initial_amendments=1
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    assert agreement.valid_until == D(2028, 12, 31)
    items = agreement_timeline(agreement, today=D(2026, 12, 1))
    [term] = [item for item in items if item.kind == ItemKind.TERM]
    assert (term.title, term.details) == ("Первоначальный срок", "до 20.10.2023")
    details = [item.details for item in items if item.kind == ItemKind.AMENDMENT]
    assert details == [
        "новый срок — до 31.12.2026 (прежний — до 20.10.2023)",
        "новый срок — до 31.12.2028 (прежний — до 31.12.2026)",
    ]


def test_an_amendment_edited_later_keeps_the_end_it_first_replaced(client, methodologist, agreement):
    agreement = _amended(client, methodologist, agreement)
    first = agreement.amendments.get()
    edited = {"id": first.pk, "agreement": agreement.pk, "number": "1", "signed_on": "01.09.2023"}
    response = post_change(
        client, agreement, amendments=[{**edited, "new_valid_until": "30.06.2027"}], initial_amendments=1
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    agreement.refresh_from_db()
    [term] = [item for item in agreement_timeline(agreement, D(2026, 12, 1)) if item.kind == ItemKind.TERM]
    assert term.details == "до 20.10.2023"


def test_the_public_page_gives_the_original_term_beside_the_amendment(client, methodologist, agreement):
    agreement = _amended(client, methodologist, agreement)
    client.logout()
    page = client.get(reverse("agreements:detail", args=[agreement.pk])).content.decode()
    assert "по 31 декабря 2026" in page
    assert "первоначально — по 20 октября 2023" in page
    assert page.count("дополнительным соглашением № 1 от 1 сентября 2023 — по 31 декабря 2026") == 1
