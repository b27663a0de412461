"""A partner library's own report (reports/partner.py) and its files (reports/exports/partner.py).

On the demo data (demo): in 2020 the East Kazakhstan children's and youth library (vko-odub) organised the
webinar «Библиотека и волонтёр…» (23 April, 80 participants in all, none counted per site), the conference
«Непростые сложности…» (19 November, 120 in all) and the contest «Абай мұрасы…», and was a site of the host's
telebridge «Мир детства…» (1 June: 30 at its site, 40 at the host's). Khabarovsk's library provided the exhibition
«Хабаровский край!…» (850 visitors at the host's) and hosted the host's «Кузбасс: книги о родном крае» (no figures).
The Altai library was a site of the telebridge «Испытание временем…» (22 at its site).
"""

import datetime
import io
import zipfile

import pytest
from django.contrib.auth import get_user_model
from django.template.loader import render_to_string
from openpyxl import load_workbook

from agreements.models import Amendment, Library
from events.models import Event, Participation
from reports.exports.partner import partner_report_filename, partner_tables, to_docx, to_xlsx
from reports.partner import build_partner_report
from reports.report import build_report

VKO = "vko-odub"
TELEBRIDGE = "Мир детства: от книг к мечтам"
WEBINAR = "Библиотека и волонтёр: потенциал эффективного сотрудничества"
ALTAI_TELEBRIDGE = "Испытание временем. Сибиряки в Сталинградской битве"


def _library(slug):
    return Library.objects.get(slug=slug)


def _rows(sheet):
    return [list(row) for row in sheet.iter_rows(min_row=2, values_only=True)]


def _html(report):
    return render_to_string("reports/_partner_report.html", {"report": report})


@pytest.fixture
def vko_2020(demo):
    return build_partner_report(_library(VKO), 2020)


# ---- What is in it ------------------------------------------------------------------------------------------------


def test_the_title_names_both_libraries_and_the_year(vko_2020):
    assert vko_2020.title == (
        "Совместная работа в 2020 году: ГАУК «Государственная библиотека Кузбасса для детей и молодёжи» и "
        "КГУ «Восточно-Казахстанская областная детско-юношеская библиотека»"
    )
    assert vko_2020.as_of == datetime.date(2020, 12, 31)


def test_every_joint_activity_of_the_year_with_the_librarys_role_and_status(vko_2020):
    got = {(a.title.split(":")[0].split(".")[0], a.role, a.status_label, a.held) for a in vko_2020.activities}
    assert got == {
        ("Библиотека и волонтёр", "организатор", "проведено", True),
        ("Абай мұрасы", "организатор", "проведено", True),
        ("Мир детства", "площадка", "проведено", True),
        ("Непростые сложности", "организатор", "проведено", True),
    }
    assert [a.first_day for a in vko_2020.activities] == sorted(a.first_day for a in vko_2020.activities)
    assert all(a.agreements == ["Восточно-Казахстанская ОДЮБ от 16.10.2018"] for a in vko_2020.activities)


def test_its_own_figures_and_the_totals(vko_2020):
    by_title = {a.title: a for a in vko_2020.activities}
    telebridge = by_title[TELEBRIDGE]
    assert [(f.participants, f.confirmed) for f in telebridge.figures] == [(30, False)]
    assert telebridge.total_participants is None  # the host organised it: its total is not the library's figure
    webinar = by_title[WEBINAR]
    assert [f.participants for f in webinar.figures] == [None]  # its own site: not counted apart
    assert webinar.total_participants == 80
    t = vko_2020.totals
    assert (t.held, t.planned, t.awaiting, t.cancelled, t.postponed) == (4, 0, 0, 0, 0)
    assert {line.key: line.count for line in t.by_direction} == {
        "events": 2,
        "telebridges": 1,
        "exhibitions": 0,
        "contests": 1,
        "projects": 0,
    }
    assert {line.label: line.count for line in t.by_kind} == {
        "вебинар": 1,
        "конференция": 1,
        "телемост": 1,
        "конкурс": 1,
    }
    assert (t.site_participants, t.sites_with_figure, t.sites_without_figure) == (30, 1, 2)
    assert (t.organised_events, t.organised_participants) == (2, 200)
    assert (t.figures, t.figures_confirmed) == (1, 0)


def test_its_agreement_as_the_annual_report_lists_it(vko_2020):
    [agreement] = vko_2020.agreements
    assert agreement.label == "Восточно-Казахстанская ОДЮБ от 16.10.2018"
    assert (agreement.state_label, agreement.in_force, agreement.activities) == ("действует", True, 4)
    assert agreement.term_start == datetime.date(2018, 10, 16) and agreement.term_label == "первоначальный срок"
    host_row = next(r for r in build_report(2020).agreements.rows if r.id == agreement.id)
    assert (host_row.activities, host_row.state_label) == (agreement.activities, agreement.state_label)
    assert agreement.amendments == []


def test_amendments_signed_in_the_year_only(vko_2020):
    library = _library(VKO)
    agreement = library.agreements.get()
    Amendment.objects.create(agreement=agreement, number="1", signed_on=datetime.date(2019, 5, 1), summary="Раньше")
    Amendment.objects.create(agreement=agreement, number="2", signed_on=datetime.date(2020, 5, 1), summary="Телемосты")
    [shown] = build_partner_report(library, 2020).agreements
    assert [(m.number, m.summary) for m in shown.amendments] == [("2", "Телемосты")]


def test_a_venue_without_figures_reads_no_data_and_a_provider_sees_no_other_sites_figures(demo):
    report = build_partner_report(_library("khabarovsk-navolochkin"), 2020)
    roles = {a.title: a.role for a in report.activities}
    assert roles == {
        "Хабаровский край! Он почти бесконечный...": "предоставила выставку",
        "Кузбасс: книги о родном крае": "площадка выставки",
    }
    provided = next(a for a in report.activities if a.role == "предоставила выставку")
    assert provided.figures == []  # its exhibition's 850 visitors were the host's
    t = report.totals
    assert (t.stops, t.stop_visitors, t.stop_excursions, t.stops_without_figure) == (1, None, None, 1)
    html = _html(report)
    assert "нет данных" in html and "850" not in html
    sheet = load_workbook(io.BytesIO(to_xlsx(report)))["Итоги года"]
    assert dict(_rows(sheet))["Посетителей выставок на собственных площадках"] == "нет данных"


# ---- Nothing of other partners, nor the host's notes ---------------------------------------------------------------


def test_another_partners_activities_figures_and_the_hosts_notes_never_appear(vko_2020):
    assert not any(a.title == ALTAI_TELEBRIDGE for a in vko_2020.activities)
    telebridge = next(a for a in vko_2020.activities if a.title == TELEBRIDGE)
    assert [f.participants for f in telebridge.figures] == [30]  # not the host's 40
    event = Event.objects.get(title=TELEBRIDGE)
    notes = [event.notes, *Participation.objects.filter(event=event).values_list("notes", flat=True)]
    texts = [
        _html(vko_2020),
        "\n".join(str(cell) for table in partner_tables(vko_2020) for row in table.rows for cell in row),
        _docx_text(to_docx(vko_2020)),
    ]
    for text in texts:
        assert ALTAI_TELEBRIDGE not in text and "АКДБ" not in text and "ХКДБ" not in text
        assert all(note not in text for note in notes if note)
    # The host's own site count (40) is not the library's figure.
    row = _html(vko_2020).split(f'data-activity="telebridge-{event.pk}"')[1].split("</tr>")[0]
    assert "30" in row and "40" not in row
    sheet = load_workbook(io.BytesIO(to_xlsx(vko_2020)))["Совместные дела"]
    [cells] = [r for r in _rows(sheet) if TELEBRIDGE in r]
    assert 30 in cells and 40 not in cells and 70 not in cells


# ---- The portal's mark ---------------------------------------------------------------------------------------------


def test_a_figure_the_partner_entered_shows_as_confirmed_in_both_reports(demo):
    library = _library(VKO)
    user = get_user_model().objects.create_user("vko-staff", password="x")
    row = Participation.objects.get(event__title=TELEBRIDGE, library=library)
    row.save_figures(user=user, by_partner=True, participants_count=33)
    report = build_partner_report(library, 2020)
    telebridge = next(a for a in report.activities if a.title == TELEBRIDGE)
    assert [(f.participants, f.confirmed) for f in telebridge.figures] == [(33, True)]
    assert (report.totals.figures, report.totals.figures_confirmed) == (1, 1)
    assert "подтверждено библиотекой" in _html(report).split('id="partner-report-legend"')[1]
    sheet = load_workbook(io.BytesIO(to_xlsx(report)))["Совместные дела"]
    col = {c.value: i for i, c in enumerate(sheet[1])}
    rows = {r[col["Название"]]: r for r in _rows(sheet)}
    assert rows[TELEBRIDGE][col["Цифры подтверждены библиотекой"]] == "да"
    assert rows[TELEBRIDGE][col["Участников на собственной площадке"]] == 33
    host = build_report(2020)
    site = next(
        s
        for i in host.direction("telebridges").items
        if i.title == TELEBRIDGE
        for s in i.sites
        if s.library.id == library.pk
    )
    assert site.confirmed and site.participants == 33
    assert host.participants.partner_figures_confirmed == 1


# ---- Files ---------------------------------------------------------------------------------------------------------


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as z:
        return z.read("word/document.xml").decode("utf-8")


def test_xlsx_opens_and_holds_the_figures(vko_2020):
    book = load_workbook(io.BytesIO(to_xlsx(vko_2020)))
    assert book.sheetnames == ["Итоги года", "Соглашения", "Совместные дела"]
    summary = dict(_rows(book["Итоги года"]))
    assert summary["Проведено совместно за год"] == 4
    assert summary["Участников на собственных площадках"] == 30
    assert summary["Участников организованных мероприятий (всего)"] == 200
    sheet = book["Совместные дела"]
    col = {c.value: i for i, c in enumerate(sheet[1])}
    rows = {r[col["Название"]]: r for r in _rows(sheet)}
    assert rows[WEBINAR][col["Участников на собственной площадке"]] == "нет данных"
    assert rows[WEBINAR][col["Участников всего (организованное мероприятие)"]] == 80
    assert rows[WEBINAR][col["Дата"]].date() == datetime.date(2020, 4, 23)
    assert rows[TELEBRIDGE][col["Участников всего (организованное мероприятие)"]] is None
    assert rows[TELEBRIDGE][col["Роль библиотеки"]] == "площадка"
    agreements = _rows(book["Соглашения"])
    assert len(agreements) == 1 and agreements[0][6] == "действует"
    assert book.properties.title == vko_2020.title


def test_docx_opens_and_holds_the_title_and_the_activities(vko_2020):
    content = to_docx(vko_2020)
    try:
        from docx import Document
    except ImportError:  # pragma: no cover
        text = _docx_text(content)
    else:
        doc = Document(io.BytesIO(content))
        assert doc.paragraphs[0].text == vko_2020.title
        text = "\n".join(
            [p.text for p in doc.paragraphs] + [c.text for table in doc.tables for row in table.rows for c in row.cells]
        )
    assert vko_2020.title in text and TELEBRIDGE in text and "участников на площадке: 30" in text
    assert "всего участников: 80" in text and "Как считается" in text


def test_file_names_are_ascii_and_name_the_library_and_year(demo):
    library = _library(VKO)
    assert partner_report_filename(library, 2020, "xlsx") == "coopnet-partner-vko-odub-2020.xlsx"
    assert partner_report_filename(library, 2020, "docx").isascii()


# ---- The page fragment ---------------------------------------------------------------------------------------------


def test_the_fragment_is_accessible_and_csp_safe(vko_2020):
    html = _html(vko_2020)
    assert html.count("<caption>") == html.count("<table")
    assert 'th scope="col"' in html and 'th scope="row"' in html
    assert "style=" not in html and "<script" not in html and " on" + "click" not in html
    # The page (portal/report.html) has the one h1; the fragment starts at h2.
    assert "<h1" not in html and '<h2 id="partner-report-title">' in html
    assert "Совместные дела" in html and TELEBRIDGE in html
    assert "участников на площадке: 30" in html and "всего участников: 80" in html


def test_an_empty_year_says_so(demo):
    report = build_partner_report(_library(VKO), 1995)
    assert report.activities == [] and report.agreements == []
    assert report.totals.held == 0 and report.totals.site_participants == 0
    assert "За 1995 год совместной работы и действующих соглашений нет." in _html(report)
    load_workbook(io.BytesIO(to_xlsx(report)))
    assert report.title in _docx_text(to_docx(report))
