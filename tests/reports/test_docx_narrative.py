"""The DOCX tells the year as the library's article does: prose per direction, guests, routes, plans in the future.

The demo data are the article's facts, so the 2020 report read back with python-docx is checked against it;
the narrative's helpers (dates, plural forms, genders, the sentences) are checked on their own below.
"""

import datetime
import io
from zoneinfo import ZoneInfo

import pytest
import time_machine
from docx import Document

from events.models import Event
from exhibitions.models import Exhibition
from reports.data import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    DIRECTIONS,
    AwardItem,
    ContestItem,
    EventItem,
    ExhibitionItem,
    Guest,
    LibraryRef,
    SiteItem,
    StopItem,
)
from reports.exports import to_docx
from reports.narrative import stories, words
from reports.report import build_report

KEMEROVO = ZoneInfo("Asia/Novokuznetsk")
D = datetime.date
EVENTS, EXHIBITIONS, TELEBRIDGES, CONTESTS, PROJECTS = (
    str(d.title)
    for key in (DIRECTION_EVENTS, DIRECTION_EXHIBITIONS, DIRECTION_TELEBRIDGES, DIRECTION_CONTESTS, DIRECTION_PROJECTS)
    for d in DIRECTIONS
    if d.key == key
)
PLANS = "Планы"


def _document(year):
    return Document(io.BytesIO(to_docx(build_report(year))))


def _sections(document) -> dict[str, list]:
    """Heading 1 → the paragraphs under it (python-docx Paragraph objects)."""
    sections, current = {"": []}, ""
    for p in document.paragraphs:
        if p.style.name == "Heading 1":
            current = p.text
            sections[current] = []
        elif p.style.name != "Title":
            sections[current].append(p)
    return sections


def _texts(paragraphs) -> str:
    return "\n".join(p.text for p in paragraphs)


def _everything(document) -> str:
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


@pytest.fixture
def doc2020(demo):
    return _document(2020)


# ---- the demo year 2020, read back --------------------------------------------------------------


def test_title_introduction_then_a_chapter_per_direction_then_figures_and_appendix(doc2020):
    assert doc2020.paragraphs[0].style.name == "Title"
    # Nine agreements on professional cooperation and one on interregional events: the title names neither alone.
    assert doc2020.paragraphs[0].text == "Реализация соглашений о сотрудничестве в 2020 году"
    headings = [p.text for p in doc2020.paragraphs if p.style.name == "Heading 1"]
    assert headings[:7] == [EVENTS, EXHIBITIONS, TELEBRIDGES, CONTESTS, PROJECTS, "Итоги года", "Приложение. Таблицы"]
    assert PLANS not in headings  # nothing of 2020 is still ahead on 31 December


def test_introduction_names_the_host_the_agreements_and_where_the_partners_are(doc2020):
    intro = _sections(doc2020)[""]
    first = intro[0].text
    assert first == (
        "На 31 декабря 2020 года Государственная библиотека Кузбасса для детей и молодёжи реализует 10 соглашений "
        "с 8 библиотеками России и 2 библиотеками Казахстана: 9 — о профессиональном сотрудничестве; 1 — "
        "о взаимодействии в проведении межрегиональных мероприятий."
    )
    assert "Казахстан — Восточно-Казахстанская область" in _texts(intro)
    partners = [p.text for p in intro if p.style.name == "List Bullet"]
    assert len(partners) == 10
    # The article gives the month of the first agreement only: the day the demo stores is not told.
    assert (
        "Центральная городская детская библиотека им. А.П. Гайдара (Москва, Россия) — соглашение о профессиональном "
        "сотрудничестве, подписано в августе 2018 года"
    ) in partners


def test_directions_are_prose_paragraphs_not_a_bullet_per_activity(doc2020):
    sections = _sections(doc2020)
    for title in (EVENTS, EXHIBITIONS, TELEBRIDGES, CONTESTS, PROJECTS):
        assert {p.style.name for p in sections[title]} == {"Normal"}, title
    events = [p.text for p in sections[EVENTS]]
    # Six events of 2020, told in five paragraphs: Tomsk's two conferences share one, like the article's list. The
    # kinds of East Kazakhstan's events are conditional: they are not counted by kind.
    assert events[0] == "В 2020 году по этому направлению проведено 6 мероприятий."
    tomsk = next(p for p in events if p.startswith("Томская областная детско-юношеская библиотека (г. Томск) провела"))
    assert "«Профориентация в библиотеке: поиск новых форм работы» (заочно)" in tomsk
    assert "«Гражданско-правовое воспитание" in tomsk
    assert "Специалисты нашей библиотеки приняли участие в каждой из них." in tomsk
    session = next(p for p in events if "«Библиотека: обнуление или обновление?»" in p)
    assert session.startswith("В онлайн-формате состоялась межрегиональная стратегическая сессия")
    assert "Партнёр — Центральная городская детская библиотека им. А.П. Гайдара (г. Москва)." in session
    projects = _texts(sections[PROJECTS])
    assert "опубликовано 10 выпусков: русские, украинские, шорские" in projects


def test_guests_are_named_in_the_year_of_their_event(demo):
    telebridges_2020 = _texts(_sections(_document(2020))[TELEBRIDGES])
    assert "Гости — детские писатели Вера Леонидовна Лаврина и Наталья Семёновна Матвеева." in telebridges_2020
    assert "Калаус" not in telebridges_2020  # «Путь к Солнцу» was held on 12 December 2019
    telebridges_2019 = _texts(_sections(_document(2019))[TELEBRIDGES])
    assert "Лилей Калаус" in telebridges_2019  # named by the description, so no «Гость — …» besides
    assert (
        "Площадки: Восточно-Казахстанская областная детско-юношеская библиотека (г. Усть-Каменогорск, Казахстан, "
        "организатор); "
    ) in telebridges_2019


def test_exhibitions_with_their_route_and_the_other_half_of_the_exchange(doc2020):
    exhibitions = [p.text for p in _sections(doc2020)[EXHIBITIONS]]
    assert exhibitions[0] == "В 2020 году экспонировалось 3 выставки. Из них совместно с партнёрами — 2."
    khabarovsk = next(p for p in exhibitions if p.startswith("Обменная выставка «Хабаровский край!"))
    assert "(предоставила Хабаровская краевая детская библиотека им. Н.Д. Наволочкина, г. Хабаровск)" in khabarovsk
    # Its dates and visitors are conditional (the article gives the year alone): neither is told.
    assert khabarovsk.endswith(
        "экспонировалась в г. Кемерово (Государственная библиотека Кузбасса для детей и молодёжи)."
    )
    answer = exhibitions.index(next(p for p in exhibitions if p.startswith("Ответная выставка")))
    assert exhibitions.index(khabarovsk) < answer  # told together, right after its pair's description
    assert "«Кузбасс: книги о родном крае» (название условное;" in exhibitions[answer]
    assert "в г. Хабаровск (Хабаровская краевая детская библиотека им. Н.Д. Наволочкина)" in exhibitions[answer]
    assert sum("Кузбасс: книги о родном крае" in p for p in exhibitions) == 1
    assert any(
        p.startswith("Этнокультурная выставка «Город дружбы», подготовленная без участия партнёров, экспонировалась")
        for p in exhibitions
    )


def test_contests_with_curators_results_and_only_consented_names(doc2020):
    contests = _texts(_sections(doc2020)[CONTESTS])
    assert "Проходил международный интернет-конкурс «Абай мұрасы. К Абаю...»." in contests  # its dates conditional
    assert "Региональным куратором конкурса (Кемеровская область — Кузбасс) была наша библиотека." in contests
    # The entrants are demonstration placeholders (the staff notes say so): no name, no count of results.
    assert "(демо)" not in contests and "По итогам конкурса" not in contests and "награждённ" not in contests
    everything = _everything(doc2020)
    for withheld in ("Новокузнецка", "Белова", "Междуреченска", "Прокопьевска"):
        assert withheld not in everything


def test_each_direction_says_as_many_held_activities_as_the_figures_count(demo):
    report = build_report(2020)
    sections = _sections(Document(io.BytesIO(to_docx(report))))
    assert sections[EXHIBITIONS][0].text.startswith(
        f"В 2020 году экспонировалось {report.direction('exhibitions').count}"
    )
    assert sections[TELEBRIDGES][0].text == f"В 2020 году проведено {report.direction('telebridges').count} телемоста."
    assert sections[CONTESTS][0].text == f"В 2020 году проходило {report.direction('contests').count} конкурса."


def test_conclusion_sets_the_year_against_the_one_before(doc2020):
    conclusion = _texts(_sections(doc2020)["Итоги года"])
    assert (
        "В 2020 году вместе с партнёрами проведено 12 совместных мероприятий и проектов — на 5 больше, чем в 2019 году "
        "(7): 6 мероприятий (в 2019 году — 4), 2 телемоста (1), 2 выставки (1), 2 конкурса (1)."
    ) in conclusion
    assert "посетителей совместных выставок (на площадках, открывшихся в году) — 850 (в 2019 году — нет данных)" in (
        conclusion
    )


def test_appendix_holds_the_tables_and_form_6nk(doc2020):
    headings = [p.text for p in doc2020.paragraphs if p.style.name == "Heading 2"]
    assert headings == ["Сводка", "Соглашения — итоги", "Соглашения", "По направлениям", "Партнёры и направления",
                        "Участники", "Форма 6-НК"]  # fmt: skip
    nk = doc2020.tables[-1]
    assert nk.rows[1].cells[0].text == "Число мероприятий — всего"


# ---- where activities stand -----------------------------------------------------------------------


def test_what_is_still_ahead_is_told_in_the_future_tense_under_plans(demo):
    with time_machine.travel(datetime.datetime(2020, 11, 1, 12, tzinfo=KEMEROVO), tick=False):
        sections = _sections(_document(2020))
    plans = [p.text for p in sections[PLANS]]
    session = next(p for p in plans if "«Библиотека: обнуление или обновление?»" in p)
    assert session.startswith("В онлайн-формате состоится межрегиональная стратегическая сессия")  # day conditional
    assert any(p.startswith("В онлайн-формате состоится межрегиональная конференция «Гражданско") for p in plans)
    for said in plans:
        assert "проведено" not in said and "прошл" not in said and "прошёл" not in said
    assert "обнуление или обновление" not in _texts(sections[EVENTS])
    assert "Гражданско-правовое" not in _texts(sections[EVENTS])
    assert sections[EVENTS][0].text == "В 2020 году по этому направлению проведено 3 мероприятия."


def test_an_activity_awaiting_confirmation_is_left_out_of_the_text_and_named_for_the_editor(demo):
    Event.objects.filter(slug="territoriya-bez-granic").update(status="planned")
    sections = _sections(_document(2020))
    assert "Территория без границ" not in _texts(sections[EVENTS])
    notes = [p.text for p in sections["Для редактора: что уточнить перед отправкой"]]
    assert any(
        n.startswith("«Территория без границ: поликультурный аспект в работе детской библиотеки», 8 октября 2020 года:")
        for n in notes
    )


def test_a_cancelled_event_is_not_told_and_a_postponed_one_is_among_the_plans(demo):
    Event.objects.filter(slug="territoriya-bez-granic").update(status="cancelled")
    Event.objects.filter(slug="grazhdansko-pravovoe-vospitanie").update(
        status="postponed", rescheduled_to=D(2021, 2, 11)
    )
    sections = _sections(_document(2020))
    events = _texts(sections[EVENTS])
    assert "Территория без границ" not in events and "Гражданско-правовое" not in events
    assert [p.text for p in sections[PLANS]] == [
        "Конференция «Гражданско-правовое воспитание и просвещение детей и молодёжи: актуальные тенденции и практики» "
        "перенесена на 11 февраля 2021 года."
    ]
    notes = _texts(sections["Для редактора: что уточнить перед отправкой"])
    assert (
        "«Территория без границ: поликультурный аспект в работе детской библиотеки», 8 октября 2020 года: отменено"
        in notes
    )


def test_results_staff_wrote_follow_what_they_are_about(demo):
    Event.objects.filter(slug="mir-detstva-ot-knig-k-mechtam").update(
        results="Писатели подарили библиотекам свои книги.\nТелемост решили повторить осенью."
    )
    Exhibition.objects.filter(slug="gorod-druzhby").update(results="Выставку продлили на январь.")
    sections = _sections(_document(2020))
    telebridges = [p.text for p in sections[TELEBRIDGES]]
    said = telebridges.index("Итоги: Писатели подарили библиотекам свои книги.")
    assert telebridges[said + 1] == "Телемост решили повторить осенью."
    assert "«Мир детства: от книг к мечтам»" in telebridges[said - 2]  # the lead, then the description
    assert "Итоги: Выставку продлили на январь." in _texts(sections[EXHIBITIONS])


def test_an_empty_year_opens_and_says_so_once(db):
    sections = _sections(_document(1995))
    assert TELEBRIDGES not in sections and "Итоги года" not in sections
    assert [p.text for p in sections[""]] == [
        "На 31 декабря 1995 года действующих соглашений о сотрудничестве нет.",
        "Данных о проведённой совместной работе в 1995 году в системе нет.",
    ]


# ---- the words -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "last", "said"),
    [
        (D(2020, 3, 3), D(2020, 3, 20), "с 3 по 20 марта 2020 года"),
        (D(2020, 11, 2), D(2020, 12, 28), "со 2 ноября по 28 декабря 2020 года"),
        (D(2019, 11, 15), D(2020, 1, 20), "с 15 ноября 2019 года по 20 января 2020 года"),
        (D(2020, 11, 25), D(2020, 11, 25), "25 ноября 2020 года"),
    ],
)
def test_spans_of_days(first, last, said):
    assert words.span(first, last) == said


@pytest.mark.parametrize(
    ("n", "said"),
    [(1, "1 выставка"), (3, "3 выставки"), (5, "5 выставок"), (11, "11 выставок"), (21, "21 выставка"),
     (12500, "12\u00a0500 выставок")],
)  # fmt: skip
def test_counts_agree_with_their_noun(n, said):
    assert words.count(n, words.EXHIBITION) == said


@pytest.mark.parametrize(
    ("kind", "scope", "case", "said"),
    [
        ("conference", "international", "nom", "международная конференция"),
        ("conference", "international", "acc", "международную конференцию"),
        ("strategic_session", "interregional", "acc", "межрегиональную стратегическую сессию"),
        ("round_table", "regional", "nom", "региональный круглый стол"),
        ("telebridge", "", "nom", "телемост"),
        ("something_new", "interregional", "nom", "межрегиональное мероприятие"),
    ],
)
def test_a_kind_with_its_scope_in_gender_and_case(kind, scope, case, said):
    assert words.what(words.kind_noun(kind), scope, case) == said


def test_verbs_agree_with_one_and_with_many():
    held = {words.M: "проведён", words.F: "проведена", words.N: "проведено"}
    assert words.agree(1, words.M, held, "проведено") == "проведён"
    assert words.agree(21, words.F, held, "проведено") == "проведена"
    assert words.agree(2, words.F, held, "проведено") == "проведено"


def test_lists_join_with_and():
    assert words.join_and(["а"]) == "а"
    assert words.join_and(["а", "б"]) == "а и б"
    assert words.join_and(["а", "б", "в"]) == "а, б и в"


def test_titles_are_quoted_once_with_inner_quotes_as_lapki():
    assert words.quoted("Мир детства") == "«Мир детства»"
    assert words.quoted("«Волонтёры чтения»") == "«Волонтёры чтения»"
    assert words.quoted("Сказка «Аксак-кулан» («Хромой кулан»)") == "«Сказка „Аксак-кулан“ („Хромой кулан“)»"


def test_a_sentence_ends_once_even_after_a_title_with_its_own_mark():
    assert words.sentence("прошла сессия «Обнуление или обновление?»") == "прошла сессия «Обнуление или обновление?»."
    assert words.sentence("Всё сказано.") == "Всё сказано."


# ---- the sentences ---------------------------------------------------------------------------------

HOST_NAME = "Государственная библиотека Кузбасса для детей и молодёжи"
TOMSK_NAME = "Томская областная детско-юношеская библиотека"
VKO_NAME = "Восточно-Казахстанская областная детско-юношеская библиотека"
HOST = LibraryRef(
    1, "Библиотека Кузбасса для детей и молодёжи", f"ГАУК «{HOST_NAME}»", "Кемерово", "Кузбасс", "Россия", True
)
TOMSK = LibraryRef(2, "Томская ОДЮБ", TOMSK_NAME, "Томск", "Томская область", "Россия")
VKO = LibraryRef(3, "ВК ОДЮБ", f"КГУ «{VKO_NAME}»", "Усть-Каменогорск", "Восточно-Казахстанская область", "Казахстан")


def _event(**values) -> EventItem:
    start = values.pop("starts_on", D(2020, 6, 1))
    defaults = {
        "id": 1, "title": "Мир детства", "starts_on": start,
        "starts_at": datetime.datetime.combine(start, datetime.time(14)), "kind": "telebridge", "kind_label": "",
        "format": "online", "format_label": "", "scope": "international", "scope_label": "",
        "target_group_label": "", "venue_label": "", "organiser": HOST.name, "organiser_library": HOST,
        "partners": [], "agreement": "", "participants": None, "is_draft": False,
    }  # fmt: skip
    return EventItem(**{**defaults, **values})


def test_libraries_are_named_in_full_with_where_they_are_the_host_by_its_name():
    assert stories.named(TOMSK) == f"{TOMSK_NAME} (г. Томск)"
    assert stories.named(VKO, "30 участников") == f"{VKO_NAME} (г. Усть-Каменогорск, Казахстан, 30 участников)"
    assert stories.named(HOST) == HOST_NAME  # the legal form and its quotes are left to the documents
    assert stories.named_inline(TOMSK) == f"{TOMSK_NAME}, г. Томск"


def test_guests_one_and_several():
    assert stories.guests_sentence([Guest("Лиля Калаус", "писатель", "")]) == "Гость — Лиля Калаус, писатель."
    two = [Guest("В.А. Колыхалов", "", "Томск"), Guest("А.И. Панов", "", "Томск")]
    assert stories.guests_sentence(two) == "Гости — В.А. Колыхалов (Томск) и А.И. Панов (Томск)."
    assert stories.guests_sentence([]) == ""


def test_guests_of_one_occupation_are_named_together_after_it_in_the_plural():
    writers = [Guest("В.А. Колыхалов", "писатель", "Томск"), Guest("Б.В. Бурмистров", "писатель", "Кузбасс")]
    assert stories.guests_sentence([*writers, Guest("Н.Н. Иванова", "иллюстратор", "")]) == (
        "Гости — писатели В.А. Колыхалов (Томск) и Б.В. Бурмистров (Кузбасс); Н.Н. Иванова, иллюстратор."
    )
    assert words.occupations("детский писатель") == "детские писатели"
    assert words.occupations("писатель, поэт, публицист") == "писатели, поэты, публицисты"
    assert words.occupations("сказочник") == ""  # not in the table: each guest is named with it instead


def test_a_telebridge_names_its_sites_with_their_counts_the_total_and_the_guests():
    item = _event(
        sites=[SiteItem(HOST, "organiser", 40), SiteItem(VKO, "site", 30)],
        participants=70,
        guests=[Guest("Вера Леонидовна Лаврина", "детский писатель", "")],
        description="Международный литературный телемост.",
        results="Решили повторить.\n\nКнижная выставка по итогам.",
    )
    assert stories.event_story(item) == [
        "1 июня 2020 года прошёл международный телемост «Мир детства». Площадки: "
        f"{HOST_NAME} (40 участников); {VKO_NAME} (г. Усть-Каменогорск, Казахстан, "
        "30 участников). Число участников — 70. Гость — Вера Леонидовна Лаврина, детский писатель.",
        "Международный литературный телемост.",
        "Итоги: Решили повторить.",
        "Книжная выставка по итогам.",
    ]


def test_a_planned_event_in_the_future_tense():
    item = _event(
        kind="webinar", organiser=TOMSK.name, organiser_library=TOMSK, sites=[SiteItem(HOST, "participant", None)]
    )
    assert stories.plan_sentence(item) == (
        "1 июня 2020 года в онлайн-формате пройдёт международный вебинар «Мир детства». "
        f"Организатор — {TOMSK_NAME} (г. Томск)."
    )


def test_a_postponed_event_says_where_it_moved():
    item = _event(kind="conference", rescheduled_to=D(2021, 2, 11), status="postponed")
    assert stories.postponed_sentence(item, stories.item_noun(item)) == (
        "Конференция «Мир детства» перенесена на 11 февраля 2021 года."
    )


def _stop(lib, first, last, visitors=None, status="held"):
    return StopItem(lib.name, first, last, visitors, None, lib, status)


def test_a_travelling_exhibition_tells_its_route_and_where_it_goes_next():
    stops = [_stop(HOST, D(2020, 2, 3), D(2020, 3, 20), 850), _stop(TOMSK, D(2020, 4, 2), D(2020, 5, 10))]
    ahead = _stop(VKO, D(2020, 6, 1), D(2020, 6, 30), status="planned")
    item = ExhibitionItem(
        id=1, title="Земля", kind_label="передвижная", provider=VKO.name, provider_library=VKO, partners=[],
        agreement="", first_day=D(2020, 2, 3), last_day=D(2020, 6, 30), stops=[*stops, ahead],
        route=[*stops, ahead], visitors=850, excursions=0, is_draft=False, partner_libraries=[VKO, TOMSK],
    )  # fmt: skip
    first, following = stories.exhibition_story(item, 2020)
    assert first == (
        f"Передвижная выставка «Земля» (предоставила {VKO_NAME}, г. Усть-Каменогорск, Казахстан) экспонировалась "
        f"на 2 площадках: г. Кемерово ({HOST_NAME}), с 3 февраля по 20 марта 2020 года, "
        f"850 посетителей; г. Томск ({TOMSK_NAME}), со 2 апреля по 10 мая 2020 года. Число посетителей — 850."
    )
    assert following == (
        f"Далее выставка будет экспонироваться: г. Усть-Каменогорск, Казахстан ({VKO_NAME}), с 1 по 30 июня 2020 года."
    )


def test_a_contest_names_awards_only_as_given_and_its_results_day():
    item = ContestItem(
        id=1, title="Абай", organiser=VKO.name, organiser_library=VKO, partners=[], agreement="", scope="international",
        scope_label="", is_online=True, submissions_from=D(2020, 6, 1), submissions_until=D(2020, 8, 1),
        results_on=D(2020, 8, 10), first_day=D(2020, 6, 1), entries=4, from_our_region=3, winners=1, laureates=0,
        finalists=2, is_draft=False,
        awards=[AwardItem("Анна", "Кемерово", "winner", "победитель", 1, "Стихи", "")],
    )  # fmt: skip
    said = stories.contest_story(item, as_of=D(2020, 8, 5))
    assert said[0] == (
        "С 1 июня по 1 августа 2020 года шёл приём работ на международный интернет-конкурс «Абай». "
        f"Организатор — {VKO_NAME} (г. Усть-Каменогорск, Казахстан). Итоги будут подведены 10 августа 2020 года."
    )
    assert said[1] == (
        "Работ участников — 4, из них из нашего региона — 3. По итогам конкурса: 1 победитель и 2 финалиста. "
        "Среди победителей — Анна, Кемерово — победитель, 1 место, «Стихи»."
    )
