"""The file-format benchmark compares like with like: its openpyxl workbook holds what tabular.xlsx writes, and
its icalendar feed is the bytes events.calendar writes."""

import datetime
import importlib.util
import io

import pytest
from django.conf import settings
from django.test import RequestFactory
from openpyxl import load_workbook

from events.calendar import build_calendar
from events.models import Event
from tabular.xlsx import Chart, Series, Workbook
from tests.factories import EventFactory, HostLibraryFactory, LibraryFactory, TelebridgeFactory

spec = importlib.util.spec_from_file_location("formats_bench", settings.BASE_DIR / "bench" / "formats_bench.py")
formats_bench = importlib.util.module_from_spec(spec)
spec.loader.exec_module(formats_bench)

ROWS = [
    ["=1+1", 3, 2.5, datetime.date(2020, 5, 5), None, "текст\x0b"],
    ["обычный", -1, 0.0, datetime.date(2020, 1, 1), "", "две\nстроки"],
]


def written(book_class) -> list:
    book = book_class("Книга")
    chart = Chart("Диаграмма", True, True, [Series((0, 1), 0, 1, 1, 2)], (1, 8), (400, 300))
    book.sheet("Лист", ["А", "Б", "В", "Г", "Д", "Е"], ROWS, [10] * 6, [chart])
    sheet = load_workbook(io.BytesIO(book.content())).worksheets[0]
    return [
        (cell.coordinate, cell.value, cell.data_type, cell.number_format, cell.font.bold)
        for row in sheet.iter_rows()
        for cell in row
        if cell.value is not None
    ] + [sheet.freeze_panes, sheet.auto_filter.ref, len(sheet._charts)]


def test_the_openpyxl_workbook_holds_what_xlsxwriter_writes():
    assert written(formats_bench.OpenpyxlWorkbook) == written(Workbook)


@pytest.mark.django_db
def test_the_icalendar_feed_is_the_bytes_the_site_writes():
    description = "Длинное описание " * 10
    EventFactory(title="Вебинар; с запятой, и \\ чертой", organiser=LibraryFactory(), description=description)
    TelebridgeFactory(title="Отменённый", organiser=HostLibraryFactory(), status="cancelled")
    events = list(Event.objects.public().order_by("starts_at", "pk"))
    request = RequestFactory().get("/events/calendar.ics")

    by_hand = build_calendar(events, request, name="Мероприятия")
    by_icalendar = formats_bench.with_icalendar(events, request, name="Мероприятия")

    assert formats_bench.without_stamp(by_hand) == formats_bench.without_stamp(by_icalendar)
