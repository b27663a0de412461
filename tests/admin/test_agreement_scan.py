"""Uploading the signed scan in the admin, and who may download it."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from agreements.models import SCAN_MAX_BYTES, Agreement
from tests.factories import AgreementFactory, LibraryFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def agreement_form(host, partner, scan):
    return {
        "host": host.pk,
        "partner": partner.pk,
        "number": "7",
        "title": "Соглашение о профессиональном сотрудничестве",
        "signed_on": "20.08.2018",
        "status": "in_force",
        "prolongation_years": "1",
        "is_public": "on",
        "scan": scan,
    }


@pytest.fixture
def partner(db):
    return LibraryFactory(short_name="ЦГДБ им. А.П. Гайдара", slug="gaidar")


def test_methodologist_uploads_a_pdf_scan(client, methodologist, host, partner):
    client.force_login(methodologist)
    scan = SimpleUploadedFile("soglashenie.pdf", PDF, content_type="application/pdf")
    response = client.post(reverse("admin:agreements_agreement_add"), agreement_form(host, partner, scan))
    assert response.status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.scan.read() == PDF
    assert agreement.scan.url.startswith("/staff/scans/")


def test_non_pdf_scan_is_refused_with_a_clear_message(client, methodologist, host, partner):
    client.force_login(methodologist)
    scan = SimpleUploadedFile("soglashenie.docx", b"PK\x03\x04 word document", content_type="application/msword")
    response = client.post(reverse("admin:agreements_agreement_add"), agreement_form(host, partner, scan))
    assert response.status_code == 200
    assert "Расширение файлов “docx” не поддерживается" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused(client, methodologist, host, partner):
    client.force_login(methodologist)
    scan = SimpleUploadedFile("soglashenie.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(reverse("admin:agreements_agreement_add"), agreement_form(host, partner, scan))
    assert response.status_code == 200
    assert "Файл не похож на PDF" in response.content.decode()
    assert not Agreement.objects.exists()


def test_oversize_scan_is_refused_with_a_clear_message(client, methodologist, host, partner):
    client.force_login(methodologist)
    big = PDF + b"0" * (SCAN_MAX_BYTES + 1 - len(PDF))
    scan = SimpleUploadedFile("soglashenie.pdf", big, content_type="application/pdf")
    response = client.post(reverse("admin:agreements_agreement_add"), agreement_form(host, partner, scan))
    assert response.status_code == 200
    assert "Скан соглашения должен быть не больше 20 МБ" in response.content.decode()
    assert not Agreement.objects.exists()


@pytest.fixture
def agreement_with_scan(db):
    agreement = AgreementFactory()
    agreement.scan.save("soglashenie.pdf", SimpleUploadedFile("soglashenie.pdf", PDF))
    return agreement


def test_staff_with_view_permission_downloads_the_scan(client, manager, agreement_with_scan):
    client.force_login(manager)
    response = client.get(agreement_with_scan.scan.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF


def test_anonymous_reader_is_sent_to_log_in(client, agreement_with_scan):
    response = client.get(agreement_with_scan.scan.url)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_staff_outside_the_groups_cannot_download(client, outsider, agreement_with_scan):
    client.force_login(outsider)
    assert client.get(agreement_with_scan.scan.url).status_code == 403


def test_unknown_scan_path_is_404(client, manager, agreement_with_scan):
    client.force_login(manager)
    assert client.get("/staff/scans/agreements/2020/other.pdf").status_code == 404


def test_scans_are_not_stored_under_public_media(agreement_with_scan, settings):
    assert not str(agreement_with_scan.scan.path).startswith(str(settings.MEDIA_ROOT))


def test_a_chosen_scan_survives_another_fields_error(client, methodologist, host, partner):
    client.force_login(methodologist)
    scan = SimpleUploadedFile("soglashenie.pdf", PDF, content_type="application/pdf")
    form = {**agreement_form(host, partner, scan), "signed_on": "32.13.2018"}

    first = client.post(reverse("admin:agreements_agreement_add"), form)

    assert first.status_code == 200
    page = first.content.decode()
    assert "Выбранный файл «soglashenie.pdf» сохранён: он будет записан вместе с формой." in page
    note = re.search(r'name="scan__kept" value="([^"]+)"', page).group(1)
    again = {**agreement_form(host, partner, ""), "scan__kept": note}
    del again["scan"]
    assert client.post(reverse("admin:agreements_agreement_add"), again).status_code == 302
    agreement = Agreement.objects.get()
    assert agreement.scan.read() == PDF
    assert agreement.scan.name.startswith("agreements/")


def test_a_refused_scan_is_not_kept_and_a_forged_note_is_ignored(client, methodologist, host, partner):
    client.force_login(methodologist)
    bad = SimpleUploadedFile("soglashenie.pdf", b"<html>not a pdf</html>", content_type="application/pdf")
    response = client.post(reverse("admin:agreements_agreement_add"), agreement_form(host, partner, bad))
    assert "scan__kept" not in response.content.decode()

    forged = {**agreement_form(host, partner, ""), "scan__kept": "../../etc/passwd"}
    del forged["scan"]
    assert client.post(reverse("admin:agreements_agreement_add"), forged).status_code == 302
    assert not Agreement.objects.get().scan
