"""A library's time zone in the files staff import and export: named by a city, never by its IANA name."""

import io

from django.urls import reverse
from openpyxl import load_workbook

from agreements.models import Library
from imports.specs import LIBRARIES, TimeZone
from tests.factories import LibraryFactory

from .test_import_admin import LIBRARY_HEADER, check_and_confirm, csv_file, import_url, staff  # noqa: F401


def column() -> TimeZone:
    return next(column for column in LIBRARIES.bound if column.name == "timezone")


def test_a_city_names_its_zone(staff):  # noqa: F811
    rows = [LIBRARY_HEADER, ["Омская ДБ", "Омская детская библиотека", "Омская область", "Омск", "Омск"]]
    check_and_confirm(staff, Library, csv_file(rows))
    assert Library.objects.get(short_name="Омская ДБ").timezone == "Asia/Omsk"


def test_a_zone_is_read_by_any_of_its_cities_or_its_place():
    assert column().parse("Кемерово") == "Asia/Novokuznetsk"
    assert column().parse("кемерово, новокузнецк") == "Asia/Novokuznetsk"
    assert column().parse("Усть-Каменогорск") == "Asia/Almaty"
    assert column().parse("Владивосток, Хабаровск (UTC+10)") == "Asia/Vladivostok"
    assert column().parse("Asia/Omsk") == "Asia/Omsk"


def test_an_unknown_city_is_refused_with_the_reason(staff):  # noqa: F811
    rows = [LIBRARY_HEADER, ["Омская ДБ", "Омская детская библиотека", "Омская область", "Омск", "Атлантида"]]
    page = staff.post(import_url(Library), {"file": csv_file(rows)}).content.decode()
    assert "«Атлантида» — неизвестный часовой пояс." in page
    assert not Library.objects.filter(short_name="Омская ДБ").exists()


def test_the_template_says_what_to_write(staff):  # noqa: F811
    response = staff.get(reverse("admin:agreements_library_import_template"))
    workbook = load_workbook(io.BytesIO(response.content))
    notes = {row[0]: row[1] for row in workbook["Пояснения"].iter_rows(min_row=2, values_only=True)}
    assert "город с тем же временем" in notes["Часовой пояс *"]


def test_an_exported_zone_is_its_place_and_reads_back(db):
    library = LibraryFactory(timezone="Asia/Novokuznetsk")
    written = column().export(library)
    assert written == "Кемерово, Новокузнецк"
    assert column().parse(written) == "Asia/Novokuznetsk"
