"""An import is all or nothing, and confirming it is refused only once it is done: the "imported" mark is written in
the transaction that writes the rows (tabular.models.ImportedFile). A failure at any step of the confirmation
leaves neither rows nor mark, and the same checked file imports afterwards; the test of a process really killed
at each step is tests/imports/test_import_killed.py."""

import pytest
from django.contrib.admin.models import LogEntry
from django.urls import reverse

from events.models import Event, Participation
from tabular import importer
from tabular.models import ImportedFile
from tests.factories import LibraryFactory
from tests.imports.test_import_admin import EVENT_HEADER, csv_file, import_url

pytestmark = pytest.mark.django_db
STEPS = ["read", "checked", "saved", "related", "versions"]


class Failure(Exception):
    pass


@pytest.fixture
def staff(admin_client, host):
    LibraryFactory(short_name="Омская ДБ")
    LibraryFactory(short_name="Томская ДБ")
    admin_client.raise_request_exception = False
    return admin_client


def events_file():
    return csv_file(
        [
            EVENT_HEADER,
            ["Телемост", "телемост", "онлайн", "Омская ДБ", "Томская ДБ", "10.03.2027 14:00", "10.03.2027 15:30"],
            ["Вебинар", "вебинар", "онлайн", "Томская ДБ", "Омская ДБ", "11.03.2027 10:00", "11.03.2027 11:00"],
        ]
    )


def checked(client) -> str:
    response = client.post(import_url(Event), {"file": events_file()})
    assert response.status_code == 200, response.context.get("result")
    return response.context["payload"]


def nothing_written():
    return not (
        Event.objects.exists()
        or Participation.objects.exists()
        or Event.history.exists()
        or ImportedFile.objects.exists()
        or LogEntry.objects.exists()
    )


@pytest.mark.parametrize("step", STEPS)
def test_a_failure_at_any_step_leaves_nothing_and_the_file_importable(staff, step):
    payload = checked(staff)

    def fail(sender, **kwargs):
        if kwargs["step"] == step:
            raise Failure(step)

    importer.import_progress.connect(fail)
    try:
        failed = staff.post(import_url(Event), {"payload": payload})
    finally:
        importer.import_progress.disconnect(fail)

    assert failed.status_code == 500
    assert nothing_written()
    again = staff.post(import_url(Event), {"payload": payload})
    assert again.status_code == 302
    assert Event.objects.count() == 2
    assert ImportedFile.objects.get().rows == 2


def test_a_failure_writing_the_admins_log_leaves_nothing_either(staff, monkeypatch):
    payload = checked(staff)

    def fail(*args, **kwargs):
        raise Failure("log")

    monkeypatch.setattr(type(LogEntry.objects), "log_actions", fail)
    assert staff.post(import_url(Event), {"payload": payload}).status_code == 500
    assert nothing_written()
    monkeypatch.undo()
    assert staff.post(import_url(Event), {"payload": payload}).status_code == 302
    assert Event.objects.count() == 2


def test_a_confirmed_import_writes_rows_versions_log_and_mark_together(staff):
    staff.post(import_url(Event), {"payload": checked(staff)})

    assert Event.objects.count() == 2
    assert Participation.objects.count() == 4  # each event's organiser and its site
    assert Event.history.filter(history_type="+").count() == 2
    assert Participation.history.filter(history_type="+").count() == 4
    assert LogEntry.objects.filter(action_flag=1).count() == 2
    mark = ImportedFile.objects.get()
    assert (mark.model, mark.rows, mark.imported_by.username) == ("events.event", 2, "admin")


def test_confirming_an_imported_file_again_is_refused_with_409(staff):
    payload = checked(staff)
    staff.post(import_url(Event), {"payload": payload})

    again = staff.post(import_url(Event), {"payload": payload})

    assert again.status_code == 409
    assert "Этот файл уже импортирован" in again.content.decode()
    assert Event.objects.count() == 2


def test_the_changelist_names_what_was_imported(staff):
    response = staff.post(import_url(Event), {"payload": checked(staff)}, follow=True)
    assert "Импортировано: 2 записи." in response.content.decode()
    assert response.redirect_chain[-1][0] == reverse("admin:events_event_changelist")
