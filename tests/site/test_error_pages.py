"""Error pages speak Russian and keep the site's navigation."""

from django.core.files.base import ContentFile
from django.urls import reverse

from tests.factories import AgreementFactory


def test_unknown_page_is_a_russian_404(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "Страница не найдена" in body
    assert reverse("events:list") in body


def test_refused_scan_download_is_a_russian_403(client, outsider):
    agreement = AgreementFactory()
    agreement.scan.save("s.pdf", ContentFile(b"%PDF-1.4"))
    client.force_login(outsider)
    response = client.get(agreement.scan.url)
    assert response.status_code == 403
    assert "Доступ закрыт" in response.content.decode()
