"""Importing registries from CSV and XLSX through the admin, and exporting selected rows to XLSX."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from agreements.models import Agreement, Library
from events.models import Event
from tests.factories import KEMEROVO, AgreementFactory, DirectionFactory, EventFactory, LibraryFactory

LIBRARY_HEADER = ["Краткое название *", "Полное официальное название *", "Регион *", "Город *", "Часовой пояс *"]
AGREEMENT_HEADER = ["Библиотека-партнёр *", "Номер", "Дата подписания *", "Действует до", "Направления сотрудничества"]
EVENT_HEADER = ["Название *", "Вид *", "Формат", "Организатор *", "Библиотеки-площадки", "Начало *", "Окончание *"]


def csv_file(rows, name="file.csv", encoding="utf-8-sig") -> SimpleUploadedFile:
    text = "\n".join(";".join(row) for row in rows)
    return SimpleUploadedFile(name, text.encode(encoding), content_type="text/csv")


def xlsx_file(rows, name="file.xlsx") -> SimpleUploadedFile:
    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return SimpleUploadedFile(name, buffer.getvalue())


def import_url(model) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import")


@pytest.fixture
def staff(client, methodologist, host):
    client.force_login(methodologist)
    return client


def check_and_confirm(client, model, upload):
    preview = client.post(import_url(model), {"file": upload})
    assert preview.status_code == 200, preview.context.get("result")
    return preview, client.post(import_url(model), {"payload": preview.context["payload"]})


def test_changelist_offers_import(staff):
    response = staff.get(reverse("admin:agreements_library_changelist"))
    assert "Импорт из файла" in response.content.decode()


def test_template_has_russian_headers_and_explanations(staff):
    response = staff.get(reverse("admin:agreements_agreement_import_template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    workbook = load_workbook(io.BytesIO(response.content))
    header = [cell.value for cell in workbook.worksheets[0][1]]
    assert header[:3] == ["Библиотека-партнёр *", "Номер", "Название"]
    assert "Дата подписания *" in header
    notes = {row[0]: row[1] for row in workbook["Пояснения"].iter_rows(min_row=2, values_only=True)}
    assert notes["Дата подписания *"] == "обязательно; дата ДД.ММ.ГГГГ"


def test_csv_template_downloads(staff):
    response = staff.get(reverse("admin:events_event_import_template") + "?format=csv")
    header = response.content.decode("utf-8-sig").split(";")
    assert header[:5] == ["Название *", "Вид *", "Формат", "Уровень", "Организатор *"]


def test_good_csv_previews_then_imports_libraries(staff):
    rows = [LIBRARY_HEADER, ["Омская ДБ", "Омская детская библиотека", "Омская область", "Омск", "Asia/Omsk"]]
    preview = staff.post(import_url(Library), {"file": csv_file(rows)})
    assert "Проверка пройдена" in preview.content.decode()
    assert not Library.objects.filter(short_name="Омская ДБ").exists()  # the preview saved nothing
    done = staff.post(import_url(Library), {"payload": preview.context["payload"]}, follow=True)
    assert "Импортировано: 1 запись." in done.content.decode()
    library = Library.objects.get(short_name="Омская ДБ")
    assert (library.city, library.slug) == ("Омск", "omskaya-db")


def test_cp1251_csv_from_russian_excel_is_read(staff):
    rows = [LIBRARY_HEADER, ["Омская ДБ", "Омская детская библиотека", "Омская область", "Омск", "Asia/Omsk"]]
    _preview, done = check_and_confirm(staff, Library, csv_file(rows, encoding="cp1251"))
    assert Library.objects.filter(short_name="Омская ДБ").exists()


def test_good_xlsx_imports_agreements_by_library_short_name(staff):
    LibraryFactory(short_name="Омская ДБ")
    DirectionFactory(name="Выставки")
    rows = [AGREEMENT_HEADER, ["омская дб", "12/С", datetime.datetime(2024, 3, 5), "05.03.2029", "Выставки"]]
    _preview, done = check_and_confirm(staff, Agreement, xlsx_file(rows))
    assert done.status_code == 302
    agreement = Agreement.objects.get(number="12/С")
    assert agreement.partner.short_name == "Омская ДБ"
    assert agreement.host.is_host
    assert (agreement.signed_on, agreement.valid_until) == (datetime.date(2024, 3, 5), datetime.date(2029, 3, 5))
    assert [d.name for d in agreement.directions.all()] == ["Выставки"]


def test_good_csv_imports_events_with_sites_in_kemerovo_time(staff):
    LibraryFactory(short_name="Омская ДБ")
    LibraryFactory(short_name="Томская ДБ")
    rows = [
        EVENT_HEADER,
        ["Телемост дружбы", "телемост", "онлайн", "Омская ДБ", "Томская ДБ", "10.03.2027 14:00", "10.03.2027 15:30"],
    ]
    check_and_confirm(staff, Event, csv_file(rows))
    event = Event.objects.get(title="Телемост дружбы")
    assert event.starts_at == datetime.datetime(2027, 3, 10, 14, 0, tzinfo=KEMEROVO)
    assert event.kind == Event.Kind.TELEBRIDGE
    assert "Томская ДБ" in {p.library.short_name for p in event.participations.all()}


def test_one_bad_row_imports_nothing_and_names_row_and_column(staff):
    LibraryFactory(short_name="Омская ДБ")
    rows = [
        AGREEMENT_HEADER,
        ["Омская ДБ", "1", "05.03.2024", "", ""],
        ["Неизвестная библиотека", "2", "32.01.2024", "", ""],
        ["Омская ДБ", "3", "", "", ""],
    ]
    response = staff.post(import_url(Agreement), {"file": csv_file(rows)})
    assert response.status_code == 400
    errors = {(e.row, e.column) for e in response.context["result"].errors}
    assert errors == {(3, "Библиотека-партнёр"), (3, "Дата подписания"), (4, "Дата подписания")}
    page = response.content.decode()
    assert "Ничего не импортировано" in page
    assert "«Неизвестная библиотека» не найдено среди записей «библиотеки» (ищется по полю «краткое название»)" in page
    assert "«32.01.2024» — не дата" in page
    assert "Обязательное поле не заполнено" in page
    assert "payload" not in response.context
    assert not Agreement.objects.exists()


def test_bad_choice_is_named_with_the_choices(staff):
    LibraryFactory(short_name="Омская ДБ")
    rows = [EVENT_HEADER, ["Вечер", "пикник", "", "Омская ДБ", "", "10.03.2027 14:00", "10.03.2027 15:00"]]
    response = staff.post(import_url(Event), {"file": csv_file(rows)})
    assert response.status_code == 400
    [error] = response.context["result"].errors
    assert (error.row, error.column) == (2, "Вид")
    assert error.message.startswith("«пикник» — нет такого варианта. Возможные: вебинар; семинар")
    assert not Event.objects.exists()


def test_constraint_violation_is_a_row_error(staff):
    LibraryFactory(short_name="Омская ДБ")
    rows = [EVENT_HEADER, ["Вечер", "вебинар", "", "Омская ДБ", "", "10.03.2027 14:00", "10.03.2027 12:00"]]
    response = staff.post(import_url(Event), {"file": csv_file(rows)})
    assert response.status_code == 400
    assert "Окончание мероприятия не может быть раньше начала" in response.content.decode()


def test_unknown_column_and_wrong_file_type_are_refused(staff):
    response = staff.post(import_url(Library), {"file": csv_file([["Что-то ещё", *LIBRARY_HEADER]])})
    assert response.status_code == 400
    assert "Неизвестный столбец" in response.content.decode()
    response = staff.post(import_url(Library), {"file": SimpleUploadedFile("scan.pdf", b"%PDF-1.4")})
    assert response.status_code == 400
    assert "Загрузите файл CSV или XLSX" in response.content.decode()
    response = staff.post(import_url(Library), {"file": SimpleUploadedFile("broken.xlsx", b"not a zip")})
    assert response.status_code == 400
    assert "не читается как XLSX" in response.content.decode()


def test_tampered_confirmation_is_refused(staff):
    response = staff.post(import_url(Library), {"payload": "forged"})
    assert response.status_code == 400
    assert not Library.objects.exclude(is_host=True).exists()


def test_manager_may_not_import(client, manager):
    client.force_login(manager)
    assert client.get(import_url(Library)).status_code == 403
    assert "Импорт из файла" not in client.get(reverse("admin:agreements_library_changelist")).content.decode()


def test_export_action_returns_the_selected_rows(staff):
    chosen = AgreementFactory(number="7/С", partner=LibraryFactory(short_name="Омская ДБ"))
    AgreementFactory(number="8/С")
    response = staff.post(
        reverse("admin:agreements_agreement_changelist"),
        {"action": "export_xlsx", "_selected_action": [chosen.pk]},
    )
    assert response.status_code == 200
    rows = list(load_workbook(io.BytesIO(response.content)).worksheets[0].iter_rows(values_only=True))
    assert rows[0][:2] == ("Библиотека-партнёр", "Номер")
    assert [row[:2] for row in rows[1:]] == [("Омская ДБ", "7/С")]


def test_exported_events_import_back(staff):
    event = EventFactory(title="Круглый стол", organiser=LibraryFactory(short_name="Омская ДБ"))
    response = staff.post(
        reverse("admin:events_event_changelist"), {"action": "export_xlsx", "_selected_action": [event.pk]}
    )
    event.delete()
    upload = SimpleUploadedFile("events.xlsx", response.content)
    check_and_confirm(staff, Event, upload)
    again = Event.objects.get(title="Круглый стол")
    assert (again.starts_at, again.organiser.short_name) == (event.starts_at, "Омская ДБ")


def test_confirming_twice_imports_once(staff):
    LibraryFactory(short_name="Омская ДБ")
    rows = [AGREEMENT_HEADER, ["Омская ДБ", "1", "05.03.2024", "", ""]]
    preview = staff.post(import_url(Agreement), {"file": csv_file(rows)})
    staff.post(import_url(Agreement), {"payload": preview.context["payload"]})
    again = staff.post(import_url(Agreement), {"payload": preview.context["payload"]})
    assert again.status_code == 409
    assert "уже импортирован" in again.content.decode()
    assert Agreement.objects.count() == 1


def test_year_out_of_range_is_a_row_error(staff):
    LibraryFactory(short_name="Омская ДБ")
    rows = [AGREEMENT_HEADER, ["Омская ДБ", "1", "05.03.2204", "", ""]]
    response = staff.post(import_url(Agreement), {"file": csv_file(rows)})
    assert response.status_code == 400
    [error] = response.context["result"].errors
    assert (error.row, error.column, error.message) == (
        2,
        "Дата подписания",
        "«05.03.2204» — год должен быть от 1990 до 2100.",
    )


def test_control_characters_in_a_csv_are_left_out_of_what_is_imported(staff):
    """A NUL or a vertical tab pasted into a cell never reaches the database (PostgreSQL refuses a NUL in any text):
    the cell keeps its text, without them."""
    typed = ["Омская\x00 ДБ", "Омская\x0b детская\x07 библиотека", "Омская область", "Омск", "Asia/Omsk"]
    rows = [LIBRARY_HEADER, typed]
    _preview, done = check_and_confirm(staff, Library, csv_file(rows))
    assert done.status_code == 302
    library = Library.objects.get(short_name="Омская ДБ")
    assert library.name == "Омская детская библиотека"


def test_the_check_shows_each_events_start_organiser_libraries_and_status(staff):
    LibraryFactory(short_name="Омская ДБ")
    LibraryFactory(short_name="Томская ДБ")
    rows = [
        EVENT_HEADER,
        ["Телемост дружбы", "телемост", "онлайн", "Омская ДБ", "Томская ДБ", "10.03.2027 14:00", "10.03.2027 15:30"],
    ]

    preview = staff.post(import_url(Event), {"file": csv_file(rows)})

    page = preview.content.decode()
    result = preview.context["result"]
    assert result.preview_headers[:3] == ["Начало", "Организатор", "Библиотеки-площадки"]
    (number, name, shown) = result.previews[0]
    assert (number, name) == (2, "Телемост дружбы")
    assert shown[:3] == ["10.03.2027 14:00", "Омская ДБ", "Томская ДБ"]
    assert "<td>10.03.2027 14:00</td><td>Омская ДБ</td><td>Томская ДБ</td>" in page
