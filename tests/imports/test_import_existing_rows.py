"""A file whose rows are already stored is recognised on checking: the page names those rows by line number, and
importing adds only the others. An event is the same when its title (case, «ё» and spaces aside), start and
organiser are; a library when its short name is; an agreement when its partner, number and date of signing are."""

import datetime

import pytest

from agreements.models import Library
from events.models import Event
from tests.factories import KEMEROVO, EventFactory, LibraryFactory
from tests.imports.test_import_admin import EVENT_HEADER, LIBRARY_HEADER, csv_file, import_url

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(client, methodologist, host):
    client.force_login(methodologist)
    LibraryFactory(short_name="Омская ДБ")
    LibraryFactory(short_name="Томская ДБ")
    return client


def row(title, organiser="Омская ДБ", start="10.03.2027 14:00", end="10.03.2027 15:00"):
    return [title, "вебинар", "онлайн", organiser, "", start, end]


def stored(title="Телемост дружбы", organiser="Омская ДБ"):
    return EventFactory(
        title=title,
        organiser=Library.objects.get(short_name=organiser),
        starts_at=datetime.datetime(2027, 3, 10, 14, 0, tzinfo=KEMEROVO),
        ends_at=datetime.datetime(2027, 3, 10, 15, 0, tzinfo=KEMEROVO),
    )


def test_checking_names_the_rows_already_stored_and_imports_only_the_others(staff):
    stored()
    rows = [
        EVENT_HEADER,
        row("Новый вебинар"),
        row("  телемост   ДРУЖБЫ "),  # the same event, typed differently
        row("Телемост дружбы", organiser="Томская ДБ"),  # another organiser: another event
        row("Телемост дружбы", start="10.03.2027 15:00", end="10.03.2027 16:00"),  # another start
    ]

    preview = staff.post(import_url(Event), {"file": csv_file(rows)})

    assert preview.status_code == 200
    result = preview.context["result"]
    assert result.existing == [(3, "телемост   ДРУЖБЫ")]
    assert [number for number, _name in result.rows] == [2, 4, 5]
    page = preview.content.decode()
    assert "Уже есть в системе и не будет добавлена 1 запись" in page
    assert "Прочитано строк с данными: 4." in page
    done = staff.post(import_url(Event), {"payload": preview.context["payload"]}, follow=True)
    assert "Импортировано: 3 записи. Уже были в системе и не добавлены: 1 запись." in done.content.decode()
    assert Event.objects.count() == 4
    assert Event.objects.filter(title__icontains="дружбы", organiser__short_name="Омская ДБ").count() == 2


def test_a_file_imported_before_is_all_already_there_and_offers_nothing_to_import(staff):
    rows = [EVENT_HEADER, row("Вебинар один"), row("Вебинар два", start="11.03.2027 14:00", end="11.03.2027 15:00")]
    first = staff.post(import_url(Event), {"file": csv_file(rows)})
    staff.post(import_url(Event), {"payload": first.context["payload"]})

    again = staff.post(import_url(Event), {"file": csv_file(rows)})

    assert again.status_code == 200
    result = again.context["result"]
    assert [number for number, _name in result.existing] == [2, 3]
    assert result.nothing_new
    assert "payload" not in again.context
    assert "Все строки файла уже есть в системе: добавлять нечего." in again.content.decode()
    assert Event.objects.count() == 2


def test_the_same_event_twice_in_a_file_is_an_error_naming_the_first_row(staff):
    rows = [EVENT_HEADER, row("Вебинар"), row("Другой"), row("вебинар ")]

    response = staff.post(import_url(Event), {"file": csv_file(rows)})

    assert response.status_code == 400
    [error] = response.context["result"].errors
    assert (error.row, error.column, error.message) == (4, "—", "Такая же запись уже есть в строке 2 этого файла.")
    assert not Event.objects.exists()


def test_a_library_already_stored_is_recognised_by_its_short_name(staff):
    rows = [
        LIBRARY_HEADER,
        ["омская  дб", "Омская детская библиотека", "Омская область", "Омск", "Asia/Omsk"],
        ["Новосибирская ДБ", "Новосибирская детская библиотека", "Новосибирская область", "Новосибирск", "Asia/Omsk"],
    ]

    preview = staff.post(import_url(Library), {"file": csv_file(rows)})

    assert preview.context["result"].existing == [(2, "омская  дб")]
    staff.post(import_url(Library), {"payload": preview.context["payload"]})
    assert Library.objects.filter(short_name__in=["Омская ДБ", "Новосибирская ДБ"]).count() == 2
    assert not Library.objects.filter(short_name="омская  дб").exists()


def test_rows_with_errors_are_errors_even_when_others_are_already_stored(staff):
    stored()
    rows = [EVENT_HEADER, row("Телемост дружбы"), row("Без организатора", organiser="Нет такой")]

    response = staff.post(import_url(Event), {"file": csv_file(rows)})

    assert response.status_code == 400
    assert [(e.row, e.column) for e in response.context["result"].errors] == [(3, "Организатор")]
