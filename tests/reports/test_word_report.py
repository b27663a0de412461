"""The Word report a manager sends as it is, read back from the demo's 2019, 2020, 2021 and 2025 files: each fact
told once, whole sentences, no placeholder and nothing staff call conditional stated as a fact, full names in the
prose, each agreement by its own kind, a summary that says what it counts, an empty year said once, dormant
agreements named with what to do, and appendices that fit an A4 page.

Each test pins one defect found by reading the files as a manager would (and converting them to PDF); the words'
own rules are checked on small made-up items at the end.
"""

import datetime
import io
import re

import pytest
from docx import Document
from docx.oxml.ns import qn

from agreements.models import Library
from reports.data import AwardItem, ContestItem, EventItem, LibraryRef, SiteItem
from reports.exports import to_docx
from reports.exports.docx import CELL_PADDING_MM, word_mm
from reports.narrative import stories, words
from reports.narrative.unsure import DAY, MONTH, NOTHING, YEAR, unsure
from reports.report import build_report

pytestmark = pytest.mark.django_db  # the demo is loaded once for the module (`docs`), read in each test

D = datetime.date
YEARS = (2019, 2020, 2021, 2025)
APPENDIX = "Приложение. Таблицы"
NOTES = "Для редактора: что уточнить перед отправкой"


@pytest.fixture(scope="module")
def docs(_demo_loaded, django_db_blocker):
    """Each year's DOCX of the demo, built once for the module."""
    with django_db_blocker.unblock():
        return {year: Document(io.BytesIO(to_docx(build_report(year)))) for year in YEARS}


@pytest.fixture(scope="module")
def libraries(_demo_loaded, django_db_blocker):
    with django_db_blocker.unblock():
        return list(Library.objects.all())


def _chapters(document) -> dict[str, list]:
    """Heading 1 → its paragraphs; "" is the introduction."""
    chapters, current = {"": []}, ""
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            current = p.text
            chapters[current] = []
        elif p.style.name not in ("Title", "Heading 2"):
            chapters[current].append(p)
    return chapters


def _prose(document, lists: bool = True) -> list[str]:
    """The text a manager sends: every paragraph before the appendix (its lists too, unless told otherwise)."""
    said = []
    for p in document.paragraphs:
        if p.style.name == "Heading 1" and p.text == APPENDIX:
            break
        if lists or p.style.name != "List Bullet":
            said.append(p.text)
    return said


def _text(document) -> str:
    return "\n".join(_prose(document))


# ---- each fact told once ----------------------------------------------------------------------------------------


def test_the_khabarovsk_exhibition_is_placed_once(docs):
    told = [t for t in _prose(docs[2020]) if "Хабаровский край! Он почти бесконечный" in t]
    assert len(told) == 1  # its description no longer says again where and when it was on show
    assert sum("экспонировалась" in t for t in _prose(docs[2020]) if "Дальний Восток" in t or t in told) == 1


def test_guests_are_named_once_in_a_chapter(docs):
    telebridges = "\n".join(p.text for p in _chapters(docs[2020])["Телемосты"])
    assert telebridges.count("Лаврин") == telebridges.count("Матвеев") == 1
    events_2019 = "\n".join(p.text for p in _chapters(docs[2019])["Участие в профессиональных мероприятиях"])
    for surname in ("Колыхал", "Чубковец", "Панов", "Бурмистров", "Донба"):
        assert events_2019.count(surname) == 1, surname
    assert "Гост" not in events_2019  # the description of the meeting names all five
    assert "Калаус" in _text(docs[2019]) and _text(docs[2019]).count("Калаус") == 1


def test_no_paragraph_repeats_the_one_before_it(docs, libraries):
    """No eight words in a row said again in the next paragraph (library names aside, which recur by nature)."""
    names = sorted({words.prose_name(lib.name, lib.short_name) for lib in libraries}, key=len, reverse=True)
    for year in (2019, 2020, 2021):
        paragraphs = _prose(docs[year], lists=False)  # a list's lines share their shape by nature
        for before, after in zip(paragraphs, paragraphs[1:], strict=False):
            for name in names:
                before, after = before.replace(name, "·"), after.replace(name, "·")
            shingles = {tuple(ws[i : i + 8]) for ws in [before.lower().split()] for i in range(len(ws) - 7)}
            said = after.lower().split()
            repeated = [" ".join(said[i : i + 8]) for i in range(len(said) - 7) if tuple(said[i : i + 8]) in shingles]
            assert not repeated, (year, repeated[:1])


def test_the_years_work_is_counted_once_in_the_summary_not_again_in_the_introduction(docs):
    text = _text(docs[2020])
    assert text.count("проведено 12 совместных мероприятий и проектов") == 1
    assert "проведено 12 совместных" not in "\n".join(p.text for p in _chapters(docs[2020])[""])


# ---- whole sentences, nothing untrue -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "verbless",
    [
        "Комплексная этнокультурная межрегиональная выставка.",
        "Литературный телемост: видео-встреча",
        "Литературный телемост: встреча",
        "Международный литературный телемост с",
        "Московский конкурс отзывов и рецензий на новые книги, проводимый",
        "Международный интернет-конкурс, посвященный",
        "Ответная выставка книг о Кузбассе, с которой",
        "Книжно-иллюстративная выставка, посвященная",
    ],
)
def test_no_sentence_without_a_verb(docs, verbless):
    for year in (2019, 2020):
        assert verbless not in _text(docs[year])


def test_no_demonstration_placeholder_among_the_results(docs):
    for year in (2019, 2020):
        text = _text(docs[year])
        assert "(демо)" not in text and "Участниц" not in text
        assert "награждённ" not in text


def test_the_summary_says_what_each_figure_counts_and_agrees_with_the_text(docs):
    summary = "\n".join(p.text for p in _chapters(docs[2020])["Итоги года"])
    assert "посетителей совместных выставок (на площадках, открывшихся в году) — 850" in summary
    assert "участников совместных мероприятий (сумма по площадкам и онлайн-зрителей)".capitalize() in summary
    assert "работ, присланных на совместные конкурсы, — 5" in summary
    # «Город дружбы» (1,200 visitors, the host's own) is said to be the host's own; its conditional figure untold.
    exhibitions = _text(docs[2020])
    assert "«Город дружбы», подготовленная без участия партнёров," in exhibitions
    assert "1200" not in exhibitions and "1 200" not in exhibitions


def test_the_hosts_own_work_is_named_by_what_it_is(docs):
    summary = [p.text for p in _chapters(docs[2020])["Итоги года"]]
    assert (
        "Без участия партнёров библиотека организовала 1 выставку и опубликовала 10 выпусков просветительских проектов."
    ) in summary
    assert "Ещё 11 мероприятий" not in _text(docs[2020])


def test_a_partner_joins_the_project_in_the_year_of_its_episode(docs):
    assert "Пушкина" not in "\n".join(p.text for p in _chapters(docs[2020])["Реализация просветительских проектов"])
    projects_2021 = "\n".join(p.text for p in _chapters(docs[2021])["Реализация просветительских проектов"])
    assert projects_2021.count("Присоединившись к проекту") == 1
    assert projects_2021.count("Восточно-Казахстанская областная библиотека им. А.С. Пушкина") == 1


def test_no_title_repeats_its_kind(docs):
    text = _text(docs[2019])
    assert "творческая встреча томских писателей с молодёжью г. Кемерово" in text
    assert "встреча «Творческая встреча" not in text and "презентация «Презентация" not in text
    assert "презентация книжно-иллюстративной выставки, посвящённой творчеству томских писателей" in text


def test_the_prose_names_libraries_in_full_and_the_tables_by_short_name(docs, libraries):
    for year in (2019, 2020, 2021):
        prose, document = _text(docs[year]), docs[year]
        tables = " ".join(c.text for t in document.tables for r in t.rows for c in r.cells)
        for lib in libraries:
            full = words.prose_name(lib.name, lib.short_name)
            if lib.short_name not in full:
                assert lib.short_name not in prose, (year, lib.short_name)
        assert "ХКДБ им. Н.Д. Наволочкина" in tables
    assert "Хабаровская краевая детская библиотека им. Н.Д. Наволочкина" in _text(docs[2020])
    assert "Крымская республиканская библиотека для молодёжи" in _text(docs[2020])
    assert "Крымская РБМ" in " ".join(c.text for t in docs[2020].tables for r in t.rows for c in r.cells)


def test_each_agreement_is_named_by_its_own_kind(docs):
    intro = [p.text for p in _chapters(docs[2020])[""]]
    assert intro[0].endswith(
        ": 9 — о профессиональном сотрудничестве; 1 — о взаимодействии в проведении межрегиональных мероприятий."
    )
    assert (
        "Хабаровская краевая детская библиотека им. Н.Д. Наволочкина (Хабаровский край, Россия) — соглашение "
        "о взаимодействии в проведении межрегиональных мероприятий"
    ) in intro
    assert "10 соглашений о профессиональном сотрудничестве" not in _text(docs[2020])


def test_facts_staff_call_conditional_are_not_stated(docs):
    text_2020, text_2019 = _text(docs[2020]), _text(docs[2019])
    # «Дата условная (в статье не указана)»: the day of «Территория без границ» and its 65 participants.
    seminar = next(t for t in _prose(docs[2020]) if "Территория без границ" in t)
    assert "8 октября" not in seminar and "65" not in seminar and "(онлайн)" in seminar
    # «Число и месяц условные: в статье указан только 2019 год.»
    assert "18 апреля" not in text_2019
    # «Число условное: в статье указаны только месяц и год (август 2018 г.)»: the month is told, the day is not.
    assert "подписано в августе 2018 года" in text_2020 and "22 августа" not in text_2020
    # «Вид мероприятия условный»: East Kazakhstan's webinar is an event.
    assert "международное мероприятие «Библиотека и волонтёр" in text_2020
    notes = "\n".join(p.text for p in _chapters(docs[2020])[NOTES])
    assert "Даты отмечены в заметках как условные" in notes and "«Территория без границ" in notes


# ---- a year with no data, dormant agreements ---------------------------------------------------------------------


def test_a_year_with_no_data_says_so_once(docs):
    text = _text(docs[2025])
    assert text.count("Данных о проведённой совместной работе в 2025 году в системе нет.") == 1
    assert "не было" not in text.replace("Совместной работы ещё не было", "")
    assert "Итоги года" not in _chapters(docs[2025])
    assert "Участие в профессиональных мероприятиях" not in _chapters(docs[2025])


def test_directions_with_no_work_are_named_in_one_sentence(docs):
    text = _text(docs[2021])
    assert text.count("в системе не отмечено") == 1
    assert "В 2021 году выставок, телемостов и конкурсов в системе не отмечено." in text
    assert "совместной работы по этому направлению не было" not in text


def test_dormant_agreements_are_named_with_what_to_do(docs):
    dormant = [p.text for p in _chapters(docs[2025])["Бездействующие соглашения"]]
    assert dormant[0].startswith("По 10 соглашениям за 12 месяцев до 31 декабря 2025 года не проведено ни одного")
    listed = "\n".join(dormant[1:-1])
    assert (
        "Последняя совместная работа — в 2021 году: Восточно-Казахстанская областная библиотека им. А.С. Пушкина"
        in (listed)
    )
    assert "Совместной работы ещё не было: Красноярская краевая детская библиотека;" in listed
    assert dormant[-1].startswith("С этими библиотеками стоит связаться")
    assert "Бездействующие соглашения" not in _chapters(docs[2020])  # none in 2020


# ---- the appendix fits an A4 page --------------------------------------------------------------------------------


def _mm(twips: str) -> float:
    return int(twips) / 56.7


def test_the_text_is_on_a4_and_the_appendix_in_a_landscape_section(docs):
    for year in (2020, 2025):
        sections = docs[year].sections
        text, appendix = sections[0], sections[1]
        assert (round(text.page_width.mm), round(text.page_height.mm)) == (210, 297)
        assert (round(appendix.page_width.mm), round(appendix.page_height.mm)) == (297, 210)


def test_every_appendix_column_holds_its_longest_word_and_every_table_fits_the_page(docs):
    document = docs[2020]
    appendix = document.sections[1]
    width = (appendix.page_width - appendix.left_margin - appendix.right_margin) / 36000
    assert len(document.tables) == 7
    for table in document.tables:
        grid = [_mm(col.get(qn("w:w"))) for col in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) <= width + 0.5
        header = table.rows[0].cells
        for i, column_width in enumerate(grid):
            turned = header[i]._tc.tcPr is not None and header[i]._tc.tcPr.find(qn("w:textDirection")) is not None
            texts = [row.cells[i].text for row in table.rows[1 if turned else 0 :]]
            longest = max((w for t in texts for w in t.split()), key=len, default="")
            assert column_width + 0.1 >= word_mm(longest), (header[0].text, i, longest)
    matrix = document.tables[4]
    assert len(matrix.columns) == 11  # the country and the region stay in the XLSX
    assert max(_mm(c.get(qn("w:w"))) for c in matrix._tbl.tblGrid.findall(qn("w:gridCol"))) > CELL_PADDING_MM


# ---- the words' own rules ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("notes", "date", "flags"),
    [
        (
            "Дата условная (в статье не указана). Время начала условное. Число участников условное.",
            NOTHING,
            {"figures"},
        ),
        ("Число и месяц условные: в статье указан только 2019 год.", YEAR, set()),
        ("Число условное: в статье указаны только месяц и год (август 2018 г.).", MONTH, set()),
        ("Год — по 175-летию Абая (2020); сроки условные. Имена участников демонстрационные.", YEAR, {"names"}),
        ("Вид мероприятия условный: в статье перечислены вместе.", DAY, {"kind"}),
        ("Организатор в статье не назван, указан условно.", DAY, {"organiser"}),
        ("Название условное: в статье — «выставка книг о Кузбассе».", DAY, {"title"}),
        ("Возрастная маркировка условная. Координаты приблизительные.", DAY, set()),
        ("Демонстрационное мероприятие", DAY, {"demo"}),
        ("", DAY, set()),
    ],
)
def test_staff_notes_say_what_is_conditional(notes, date, flags):
    sure = unsure(notes)
    assert sure.date == date
    said = {name for name in ("figures", "kind", "organiser", "title", "names", "demo") if getattr(sure, name)}
    assert said == flags


HOST = LibraryRef(1, "Библиотека Кузбасса", "ГАУК «Государственная библиотека Кузбасса для детей и молодёжи»",
                  "Кемерово", "Кузбасс", "Россия", True)  # fmt: skip
VKO = LibraryRef(2, "ВК ОДЮБ", "КГУ «Восточно-Казахстанская областная детско-юношеская библиотека»",
                 "Усть-Каменогорск", "Восточно-Казахстанская область", "Казахстан")  # fmt: skip


def _contest(**values) -> ContestItem:
    defaults = {
        "id": 1, "title": "Абай", "organiser": VKO.name, "organiser_library": VKO, "partners": [], "agreement": "",
        "scope": "international", "scope_label": "", "is_online": True, "submissions_from": D(2020, 6, 1),
        "submissions_until": D(2020, 8, 1), "results_on": D(2020, 8, 10), "first_day": D(2020, 6, 1), "entries": 3,
        "from_our_region": 3, "winners": 0, "laureates": 0, "finalists": 3, "is_draft": False,
    }  # fmt: skip
    return ContestItem(**{**defaults, **values})


def test_finalists_are_called_finalists_not_awarded():
    finalists = [AwardItem("Анна", "Кемерово", "finalist", "финалист", None, "Отзыв", "")]
    said = stories.contest_story(_contest(awards=finalists), as_of=D(2020, 12, 31))[-1]
    assert "Среди финалистов — Анна, Кемерово — финалист" in said and "награждённ" not in said
    both = [AwardItem("Ия", "", "winner", "победитель", 1, "", ""), *finalists]
    said = stories.contest_story(_contest(awards=both, winners=1), as_of=D(2020, 12, 31))[-1]
    assert "Среди победителей и финалистов — " in said


def test_an_entrant_typed_as_a_demonstration_is_not_named():
    placeholder = [AwardItem("Участница из Кемерова (демо)", "Кемерово", "winner", "победитель", 1, "", "")]
    said = " ".join(stories.contest_story(_contest(awards=placeholder, winners=1), as_of=D(2020, 12, 31)))
    assert "(демо)" not in said


def test_a_title_beginning_with_its_kind_is_not_repeated():
    noun = words.kind_noun("creative_meeting")
    assert stories.titled(noun, "interregional", "Творческая встреча с писателями") == (
        "межрегиональная творческая встреча с писателями"
    )
    assert stories.titled(noun, "interregional", "Творческая встреча с писателями", "acc") == (
        "межрегиональную творческую встречу с писателями"
    )
    assert stories.titled(noun, "", "Встреча с поэтом") == "творческая встреча «Встреча с поэтом»"


def test_a_conditional_date_is_told_only_as_far_as_it_is_sure():
    day = D(2019, 4, 18)
    assert stories.when(day, unsure(""), 2019) == "18 апреля 2019 года"
    assert stories.when(day, unsure("Число условное: указаны только месяц и год."), 2019) == "в апреле 2019 года"
    assert stories.when(day, unsure("Число и месяц условные: указан только 2019 год."), 2020) == "в 2019 году"
    assert stories.when(day, unsure("Число и месяц условные: указан только 2019 год."), 2019) == ""
    assert stories.when(day, unsure("Дата условная."), 2019) == ""


def test_an_event_with_no_sure_day_says_it_took_place():
    item = EventItem(
        id=1, title="Мир детства", starts_on=D(2020, 6, 1), starts_at=datetime.datetime(2020, 6, 1, 14),
        kind="telebridge", kind_label="", format="online", format_label="", scope="international", scope_label="",
        target_group_label="", venue_label="", organiser=HOST.name, organiser_library=HOST, partners=[],
        agreement="", participants=70, is_draft=False, notes="Дата условная. Число участников на площадках условное.",
        sites=[SiteItem(HOST, "organiser", 40), SiteItem(VKO, "site", 30)],
    )  # fmt: skip
    first = stories.event_story(item, 2020)[0]
    assert first.startswith("Состоялся международный телемост «Мир детства».")
    assert "участник" not in first and "1 июня" not in first


def test_library_names_lose_their_legal_form_in_the_prose():
    assert words.prose_name("ГАУК «Государственная библиотека Кузбасса для детей и молодёжи»") == (
        "Государственная библиотека Кузбасса для детей и молодёжи"
    )
    assert words.prose_name("КГУ «Восточно-Казахстанская областная детско-юношеская библиотека»", "ВК ОДЮБ") == (
        "Восточно-Казахстанская областная детско-юношеская библиотека"
    )
    assert words.prose_name("", "Томская ОДЮБ") == "Томская ОДЮБ"
    assert words.agreement_kind("Соглашение о взаимодействии в проведении мероприятий") == (
        "о взаимодействии в проведении мероприятий"
    )
    assert words.agreement_kind("Договор о сотрудничестве") == "«Договор о сотрудничестве»"


def test_the_sentence_mark_of_a_verb_agrees(docs):
    """«хотя оно действует» of one dormant agreement, «хотя они действуют» of several."""
    one = [p.text for p in _chapters(docs[2019])["Бездействующие соглашения"]]
    assert one[0].endswith("хотя оно действует больше года:")
    assert one[-1].startswith("С этой библиотекой стоит связаться")
    assert re.search(r"хотя они действуют больше года:$", _chapters(docs[2025])["Бездействующие соглашения"][0].text)
