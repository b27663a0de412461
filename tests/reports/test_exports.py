"""XLSX, CSV and DOCX read back and compared, figure by figure, with the hand count in conftest.py."""

import csv
import datetime
import io
import zipfile

import pytest
from docx import Document
from openpyxl import load_workbook
from openpyxl.chart import BarChart

from reports.exports import to_csv, to_docx, to_xlsx
from reports.report import build_report, headline_labels
from tests.reports.conftest import (
    AGREEMENTS_2020,
    HEADLINE_2020,
    MATRIX_2020,
    MATRIX_COLUMNS,
    MATRIX_TOTALS_2020,
    MONTHS_2020,
    NK_2020,
    PARTICIPANTS_2020,
)

D = datetime.date
MONTHS = [
    "январь",
    "февраль",
    "март",
    "апрель",
    "май",
    "июнь",
    "июль",
    "август",
    "сентябрь",
    "октябрь",
    "ноябрь",
    "декабрь",
]
NK_EVENT_LABELS = {
    "total": "Число мероприятий — всего",
    "children": "из них для детей до 14 лет включительно",
    "youth": "из них для молодёжи 15–30 лет",
    "off_site_remote": "из них вне стационара и удалённо",
    "remote": "из них удалённо",
}
NK_VISIT_LABELS = {
    "total": "Число посещений мероприятий — всего",
    "children": "из них посещений детьми до 14 лет включительно",
    "youth": "из них посещений молодёжью 15–30 лет",
    "off_site_remote": "из них посещений вне стационара и удалённо",
    "remote": "из них посещений удалённо",
}
PARTICIPANT_LABELS = {
    "event_participants": "Участников мероприятий",
    "telebridge_participants": "из них участников телемостов",
    "events_with_figure": "Мероприятий с данными об участниках",
    "events_without_figure": "Мероприятий без данных об участниках",
    "exhibition_visitors": "Посетителей выставок",
    "exhibition_excursions": "Экскурсий на выставках",
    "stops_without_visitors": "Площадок выставок без данных о посетителях",
    "contest_entries": "Работ участников конкурсов",
    "contest_entries_from_our_region": "из них от участников нашего региона",
    "contest_winners": "Победителей",
    "contest_laureates": "Лауреатов",
    "contest_finalists": "Финалистов",
    "contest_prize_winners": "Призёров",
    "contest_diplomas": "Дипломантов",
}


@pytest.fixture
def report(scenario):
    return build_report(2020)


# ---- XLSX --------------------------------------------------------------------------------------


@pytest.fixture
def workbook(report):
    return load_workbook(io.BytesIO(to_xlsx(report)))


def _sheet_rows(ws):
    return [list(row) for row in ws.iter_rows(min_row=2, values_only=True)]


def test_xlsx_has_a_summary_sheet_first_and_a_sheet_per_section(workbook):
    assert workbook.sheetnames == [
        "Сводка",
        "Статус за год",
        "Соглашения — итоги",
        "Соглашения",
        "По направлениям",
        "Партнёры и направления",
        "Собственная работа",
        "Мероприятия по видам",
        "По месяцам",
        "Участники",
        "Конкурсы",
        "Партнёры",
        "Новые партнёры",
        "Форма 6-НК",
        "Не проведено",
        "Мероприятия (список)",
        "Выставки",
        "Выпуски проектов",
    ]


def test_xlsx_summary_figures_are_numbers_beside_the_previous_year(workbook):
    ws = workbook["Сводка"]
    assert [c.value for c in ws[1]] == ["Показатель", "2020", "2019", "Изменение", "Изменение, %"]
    labels = headline_labels()
    got = {}
    for label, value, previous, change, pct in _sheet_rows(ws):
        assert type(value) is int and type(previous) is int and type(change) is int
        assert pct is None or isinstance(pct, int | float)
        got[label] = (value, previous)
    assert got == {str(labels[key]): figures for key, figures in HEADLINE_2020.items()}


def test_xlsx_headers_are_bold_frozen_and_columns_sized(workbook):
    for ws in workbook.worksheets:
        assert all(cell.font.bold for cell in ws[1]), ws.title
        assert ws.freeze_panes == "A2", ws.title
        assert ws.column_dimensions["A"].width >= 8, ws.title
    assert workbook["Сводка"].column_dimensions["A"].width > 40  # long labels get a wide column


def test_xlsx_agreements_store_dates_as_dates_and_counts_as_numbers(workbook, scenario):
    ws = workbook["Соглашения"]
    headers = [c.value for c in ws[1]]
    col = {h: i for i, h in enumerate(headers)}
    rows = {row[col["Номер"]]: row for row in _sheet_rows(ws)}
    assert set(rows) == set(AGREEMENTS_2020)
    for number, (activities, drafts, dormant, _in_force, state) in AGREEMENTS_2020.items():
        row = rows[number]
        assert type(row[col["Всего за год"]]) is int
        assert (row[col["Всего за год"]], row[col["из них неопубликованных"]]) == (activities, drafts)
        assert row[col["Состояние на дату отчёта"]] == state
        assert (row[col["Бездействует"]] == "да") == dormant
    signed = rows["2"][col["Подписано"]]
    assert isinstance(signed, datetime.datetime) and signed.date() == D(2020, 3, 1)
    assert rows["2"][col["Действует до"]].date() == D(2021, 6, 30)
    assert rows["1"][col["Действует до"]] == "бессрочно"
    date_cell = ws.cell(row=2, column=col["Подписано"] + 1)
    assert date_cell.is_date and date_cell.number_format == "DD.MM.YYYY"
    # Numbers written after a date in the same row keep the general number format.
    for r in range(2, ws.max_row + 1):
        count = ws.cell(row=r, column=col["Всего за год"] + 1)
        assert count.number_format == "General" and type(count.value) is int


def test_xlsx_partner_matrix(workbook):
    ws = workbook["Партнёры и направления"]
    headers = [c.value for c in ws[1]]
    assert headers[3:-2] == MATRIX_COLUMNS
    rows = _sheet_rows(ws)
    got = {r[0]: (r[3:-2], r[-2], r[-1]) for r in rows[:-1]}
    assert got == MATRIX_2020
    assert (rows[-1][3:-2], rows[-1][-2], rows[-1][-1]) == MATRIX_TOTALS_2020


def test_xlsx_months_sheet_has_a_native_bar_chart(report):
    content = to_xlsx(report)
    ws = load_workbook(io.BytesIO(content))["По месяцам"]
    rows = _sheet_rows(ws)
    assert [r[0] for r in rows] == MONTHS
    for number, row in enumerate(rows, start=1):
        expected = MONTHS_2020.get(number, (0, 0, 0, 0, 0))
        assert row[1:] == [*expected, sum(expected)]
    assert any(isinstance(chart, BarChart) for chart in ws._charts)
    assert any(name.startswith("xl/charts/chart") for name in zipfile.ZipFile(io.BytesIO(content)).namelist())


def test_xlsx_participants_and_6nk(workbook):
    participants = dict(_sheet_rows(workbook["Участники"]))
    partner_sites = {
        "Площадок партнёров в совместной работе": 4,
        "из них с цифрами (участники, посетители)": 0,
        "из них цифры подтвердили сами партнёры": 0,
    }
    assert participants == {PARTICIPANT_LABELS[k]: v for k, v in PARTICIPANTS_2020.items()} | partner_sites
    nk = {label: (value, drafts) for label, value, drafts in _sheet_rows(workbook["Форма 6-НК"])}
    for key, (events, visits, drafts) in NK_2020.items():
        assert nk[NK_EVENT_LABELS[key]] == (events, drafts)
        assert nk[NK_VISIT_LABELS[key]] == (visits, None)


def test_xlsx_lists_activities_with_dates_and_draft_marks(workbook):
    ws = workbook["Мероприятия (список)"]
    col = {c.value: i for i, c in enumerate(ws[1])}
    rows = {r[col["Название"]]: r for r in _sheet_rows(ws)}
    assert len(rows) == 5
    conference = rows["Конференция о детском чтении"]
    assert conference[col["Дата"]].date() == D(2020, 11, 19)
    assert conference[col["Участников"]] == 100 and conference[col["Черновик"]] == "черновик"
    assert conference[col["Партнёры"]] == "ВК ОДЮБ, Томская ОДЮБ"
    assert rows["Мир детства: от книг к мечтам"][col["Вид"]] == "телемост"
    assert rows["Вебинар о волонтёрах"][col["Место проведения"]] == "удалённо (онлайн)"
    assert rows["Круглый стол библиотекарей"][col["Участников"]] == "нет данных"
    contests = {r[0]: r for r in _sheet_rows(workbook["Конкурсы"])}
    # Entries, ours, winners, prize-winners, laureates, diploma holders, finalists.
    assert contests["Абай мұрасы. К Абаю..."][6:13] == [4, 3, 1, 0, 0, 0, 1]


def test_xlsx_of_an_empty_year_opens_with_zeros(db):
    wb = load_workbook(io.BytesIO(to_xlsx(build_report(1995))))
    assert all(row[1] == 0 and row[2] == 0 for row in _sheet_rows(wb["Сводка"]))
    assert _sheet_rows(wb["Соглашения"]) == []


# ---- CSV ---------------------------------------------------------------------------------------


def _csv(report):
    content = to_csv(report)
    assert content.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";"))
    assert lines[0] == ["section", "row", "column", "value"]
    cells = {}
    for section, row, column, value in lines[1:]:
        cells[(section, row, column)] = value
    return cells


def test_csv_has_every_headline_figure(report):
    cells = _csv(report)
    labels = headline_labels()
    for key, (value, previous) in HEADLINE_2020.items():
        assert cells[("Сводка", str(labels[key]), "2020")] == str(value)
        assert cells[("Сводка", str(labels[key]), "2019")] == str(previous)
    assert cells[("Сводка", str(labels["activities"]), "Изменение, %")] == "300,0"


def test_csv_has_agreements_matrix_months_participants_and_6nk(report, scenario):
    cells = _csv(report)
    for number, (activities, drafts, dormant, _in_force, state) in AGREEMENTS_2020.items():
        label = next(r.label for r in report.agreements.rows if r.number == number)
        assert cells[("Соглашения", label, "Всего за год")] == str(activities)
        assert cells[("Соглашения", label, "из них неопубликованных")] == str(drafts)
        assert cells[("Соглашения", label, "Состояние на дату отчёта")] == state
        assert cells[("Соглашения", label, "Бездействует")] == ("да" if dormant else "")
    label_a2 = next(r.label for r in report.agreements.rows if r.number == "2")
    assert cells[("Соглашения", label_a2, "Подписано")] == "01.03.2020"
    for name, (counts, total, drafts) in MATRIX_2020.items():
        for column, count in zip(MATRIX_COLUMNS, counts, strict=True):
            assert cells[("Партнёры и направления", name, column)] == str(count)
        assert cells[("Партнёры и направления", name, "Всего")] == str(total)
        assert cells[("Партнёры и направления", name, "из них неопубликованных")] == str(drafts)
    assert cells[("Партнёры и направления", "Итого (каждое мероприятие — один раз)", "Всего")] == "8"
    for number, month in enumerate(MONTHS, start=1):
        expected = MONTHS_2020.get(number, (0, 0, 0, 0, 0))
        assert cells[("По месяцам", month, "Всего")] == str(sum(expected))
    for key, value in PARTICIPANTS_2020.items():
        assert cells[("Участники", PARTICIPANT_LABELS[key], "Значение")] == str(value)
    for key, (events, visits, _drafts) in NK_2020.items():
        assert cells[("Форма 6-НК", NK_EVENT_LABELS[key], "Значение")] == str(events)
        assert cells[("Форма 6-НК", NK_VISIT_LABELS[key], "Значение")] == str(visits)
    assert cells[("Партнёры", "Россия — всего", "Активных партнёров")] == "2"
    assert cells[("Мероприятия (список)", "Конференция о детском чтении", "Черновик")] == "черновик"


def test_csv_of_an_empty_year(db):
    cells = _csv(build_report(1995))
    assert cells[("Сводка", str(headline_labels()["activities"]), "1995")] == "0"


# ---- DOCX --------------------------------------------------------------------------------------
# The narrative itself (prose, guests, routes, plans) is tested over the demo data in test_docx_narrative.py;
# here the hand-counted year checks that its figures are the report's.


@pytest.fixture
def document(report):
    return Document(io.BytesIO(to_docx(report)))


def _sections(document):
    """Heading 1 text → the paragraphs under it."""
    sections, current = {}, None
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            current = p.text
            sections[current] = []
        elif current:
            sections[current].append(p.text)
    return sections


def test_docx_is_structured_like_the_article(document):
    assert document.paragraphs[0].style.name == "Title"
    assert "2020" in document.paragraphs[0].text
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert headings == [
        "Участие в профессиональных мероприятиях",
        "Реализация выставочных проектов",
        "Телемосты",
        "Проведение совместных конкурсов детского и молодёжного творчества",
        "Реализация просветительских проектов",
        "Итоги года",
        "Бездействующие соглашения",  # A6
        "Приложение. Таблицы",
        "Для редактора: что уточнить перед отправкой",
    ]


def test_docx_intro_names_the_agreements_and_the_year_sums_up_the_headline_figures(document, scenario):
    intro = document.paragraphs[1].text
    assert intro.startswith("На 31 декабря 2020 года")
    assert (
        "реализует 4 соглашения о профессиональном сотрудничестве с 2 библиотеками России и 1 библиотекой Казахстана"
        in (intro)
    )
    activities, events = HEADLINE_2020["activities"][0], HEADLINE_2020["events"][0]
    year = _sections(document)["Итоги года"]
    assert year[0].startswith(
        f"В 2020 году вместе с партнёрами проведено {activities} совместных мероприятий и проектов — на 6 больше, "
        f"чем в 2019 году (2): {events} мероприятия (в 2019 году — 1), 1 телемост (0), 1 выставка (0), 2 конкурса (1)"
    )
    # E3 (a round table), X2 (an exhibition) and EP2 (an episode): each named by what it is.
    assert year[1] == (
        "Без участия партнёров библиотека провела 1 мероприятие, организовала 1 выставку и опубликовала "
        "1 выпуск просветительских проектов."
    )
    partners = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert (
        f"{scenario.p1.name} (Томская область, Россия) — соглашение о профессиональном сотрудничестве от 1 января "
        "2016 года; соглашение о профессиональном сотрудничестве от 10 мая 2019 года"
    ) in partners


def test_docx_tells_each_held_activity_in_its_direction_with_dates_partners_and_figures(document, scenario):
    sections = _sections(document)
    events = sections["Участие в профессиональных мероприятиях"]
    assert events[0].startswith("В 2020 году по этому направлению проведено 4 мероприятия")
    assert events[0].endswith("Из них совместно с партнёрами — 3.")
    conference = next(p for p in events if "конференцию о детском чтении" in p)
    # The title begins with its kind: not «конференцию «Конференция о детском чтении»».
    assert "провела международную конференцию о детском чтении (19 ноября 2020 года, онлайн, " in conference
    p1, p2, p3 = (lib.name for lib in (scenario.p1, scenario.p2, scenario.p3))
    assert "100 участников" in conference and f"Среди участников — {p1}" in conference
    tomsk = next(p for p in events if p.startswith(p1))
    assert "семинар в новогоднюю ночь (1 января 2020 года" in tomsk and "вебинар о волонтёрах (10 марта" in tomsk
    assert not any("Вебинар под бой курантов" in p for p in events)  # 2021 in Kemerovo
    telebridges = sections["Телемосты"]
    assert telebridges[0] == "В 2020 году проведён 1 телемост."
    assert telebridges[1].startswith("1 июня 2020 года в смешанном формате прошёл международный телемост «Мир детства")
    exhibitions = sections["Реализация выставочных проектов"]
    khabarovsk = next(p for p in exhibitions if "Хабаровский край" in p)
    assert "с 3 февраля по 20 марта 2020 года" in khabarovsk and "Число посетителей — 850, экскурсий — 6." in khabarovsk
    assert f"(предоставила {p3}" in khabarovsk
    contests = sections["Проведение совместных конкурсов детского и молодёжного творчества"]
    abai = next(p for p in contests if p.startswith("Работ участников — 4"))
    assert abai == "Работ участников — 4, из них из нашего региона — 3. По итогам конкурса: 1 победитель и 1 финалист."
    projects = sections["Реализация просветительских проектов"]
    assert f"Выпуск № 1 «Аксак-кулан» подготовила {p2}" in " ".join(projects)


def test_docx_names_drafts_and_missing_figures_for_the_editor(document):
    notes = _sections(document)["Для редактора: что уточнить перед отправкой"]
    drafts = next(n for n in notes if n.startswith("Не опубликованы на сайте"))
    assert "«Конференция о детском чтении»" in drafts and "«Вдумчивый читатель»" in drafts
    assert "Не указано число участников: «Круглый стол библиотекарей»." in notes


def _table_rows(table):
    return [[cell.text for cell in row.cells] for row in table.rows]


def test_docx_appendix_tables_agreements_6nk_and_comparison(document, report):
    comparison, totals, agreements, _directions, _matrix, _participants, nk = (_table_rows(t) for t in document.tables)
    assert totals[1] == ["Действует на 31.12.2020", "4"]
    assert ["Подписано в 2020 году", "2"] in totals
    assert ["Расторгнуто в 2020 году", "1"] in totals
    assert len(agreements) == 1 + len(AGREEMENTS_2020)
    assert ["Томская ОДЮБ", "10.05.2019", "бессрочно", "действует", "4", ""] in agreements
    assert ["Волгоградская ОДБ", "01.02.2020", "31.12.2025", "действует", "0", ""] in agreements
    nk_cells = {row[0]: row[1] for row in nk[1:]}
    for key, (events, visits, _drafts) in NK_2020.items():
        assert nk_cells[NK_EVENT_LABELS[key]] == str(events)
        assert nk_cells[NK_VISIT_LABELS[key]] == str(visits)
    labels = headline_labels()
    got = {row[0]: (int(row[1]), int(row[2])) for row in comparison[1:]}
    assert got == {str(labels[k]): v for k, v in HEADLINE_2020.items()}


def test_docx_of_an_empty_year_opens(db):
    document = Document(io.BytesIO(to_docx(build_report(1995))))
    assert "Телемосты" not in _sections(document)
    assert "Данных о проведённой совместной работе в 1995 году в системе нет." in [p.text for p in document.paragraphs]


def test_control_characters_pasted_into_a_title_do_not_break_the_files(db):
    from tests.factories import EventFactory, LibraryFactory

    EventFactory(
        title="Вебинар\x0bс вертикальной табуляцией\x01",
        status="held",
        organiser=LibraryFactory(),
        starts_at=datetime.datetime(2020, 5, 5, 12, tzinfo=datetime.UTC),
    )
    report = build_report(2020)
    wb = load_workbook(io.BytesIO(to_xlsx(report)))
    titles = [r[0] for r in wb["Мероприятия (список)"].iter_rows(min_row=2, values_only=True)]
    assert titles == ["Вебинарс вертикальной табуляцией"]
    text = "\n".join(p.text for p in Document(io.BytesIO(to_docx(report))).paragraphs)
    assert "Вебинарс вертикальной табуляцией" in text
    assert "Вебинарс вертикальной табуляцией" in to_csv(report).decode("utf-8-sig")


def test_titles_that_look_like_formulas_stay_text(db):
    from tests.factories import EventFactory, LibraryFactory

    title = '=HYPERLINK("http://example.org","x")'
    EventFactory(
        title=title,
        status="held",
        organiser=LibraryFactory(),
        participants_count=7,
        starts_at=datetime.datetime(2020, 5, 5, 12, tzinfo=datetime.UTC),
    )
    EventFactory(
        title="-минус вебинар",
        status="held",
        organiser=LibraryFactory(),
        starts_at=datetime.datetime(2020, 6, 5, 12, tzinfo=datetime.UTC),
    )
    report = build_report(2020)
    ws = load_workbook(io.BytesIO(to_xlsx(report)))["Мероприятия (список)"]
    cell = ws["A2"]
    assert (cell.value, cell.data_type) == (title, "s")
    assert ws.cell(row=2, column=10).value == 7 and ws.cell(row=2, column=10).number_format == "General"
    cells = _csv(report)
    assert cells[("Мероприятия (список)", "'" + title, "Участников")] == "7"
    assert ("Мероприятия (список)", "'-минус вебинар", "Черновик") in cells
    assert cells[("Сводка", str(headline_labels()["events"]), "Изменение")] == "2"  # numbers are not escaped
