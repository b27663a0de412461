"""The import page shows how far a long file got: the check says how many rows it read, and while a check or an
import runs, the page asks the server for its progress (tabular.progress) and moves a progress bar."""

import pytest
from django.core.cache import cache
from django.urls import reverse

from events.models import Event
from tabular import importer, progress
from tests.factories import LibraryFactory
from tests.imports.test_import_admin import EVENT_HEADER, csv_file, import_url

pytestmark = pytest.mark.django_db
TOKEN = "0123456789abcdef0123456789abcdef"
PROGRESS = reverse("admin:events_event_import_progress")


@pytest.fixture
def staff(client, methodologist, host):
    client.force_login(methodologist)
    LibraryFactory(short_name="Омская ДБ")
    cache.clear()
    return client


def events(rows: int):
    lines = [EVENT_HEADER]
    for n in range(rows):
        day = f"{1 + n % 28:02d}.0{1 + n // 28}.2027"
        lines.append([f"Вебинар {n}", "вебинар", "онлайн", "Омская ДБ", "", f"{day} 10:00", f"{day} 11:00"])
    return csv_file(lines)


def progress_of(client, token=TOKEN) -> dict:
    response = client.get(PROGRESS, {"token": token})
    assert response.status_code == 200
    return response.json()


def test_the_page_carries_a_token_and_the_script(staff):
    page = staff.get(import_url(Event)).content.decode()
    assert 'name="progress" value="' in page
    assert "js/import-progress.js" in page
    assert 'id="import-progress"' in page


def test_before_anything_the_file_is_uploading(staff):
    assert progress_of(staff) == {"done": 0, "total": 0, "text": "Файл загружается…"}


def test_the_check_reports_its_rows_while_it_runs_and_when_it_is_done(staff):
    seen = []

    def look(sender, step, **kwargs):
        if step == "read":
            seen.append(progress_of(staff)["text"])

    importer.import_progress.connect(look)
    try:
        preview = staff.post(import_url(Event), {"file": events(30), "progress": TOKEN})
    finally:
        importer.import_progress.disconnect(look)

    assert seen and seen[-1] in {"Файл читается…", "Прочитано строк: 30 из 30"}
    assert progress_of(staff) == {"done": 30, "total": 30, "text": "Проверено строк: 30 из 30"}
    assert "Прочитано строк с данными: 30." in preview.content.decode()
    staff.post(import_url(Event), {"payload": preview.context["payload"], "progress": TOKEN})
    assert progress_of(staff)["text"] == "Почти готово…"
    assert Event.objects.count() == 30


def test_another_users_progress_and_a_bad_token_say_nothing(staff, admin_client):
    staff.post(import_url(Event), {"file": events(3), "progress": TOKEN})
    assert progress_of(admin_client)["text"] == "Файл загружается…"
    assert progress_of(staff, token="../x")["text"] == "Файл загружается…"


def test_a_manager_may_not_ask(client, manager):
    client.force_login(manager)
    assert client.get(PROGRESS, {"token": TOKEN}).status_code == 403


class DownCache:
    def set(self, *args, **kwargs):
        raise ConnectionError("the cache is down")

    get = set


def test_the_import_works_without_the_cache(staff, monkeypatch):
    monkeypatch.setattr(progress, "cache", DownCache())
    preview = staff.post(import_url(Event), {"file": events(3), "progress": TOKEN})
    assert preview.status_code == 200
    assert progress_of(staff)["text"] == "Файл загружается…"
