"""DOCX: the draft a manager edits and sends on, told like the library's own yearly article.

The text comes from reports/narrative (a title, the introduction with the partners, a chapter per direction,
the year's figures, «Планы»); the tables of reports/exports/tables.py follow as an appendix, and last come the
notes for whoever edits the draft, to delete before sending.

Every text on its way in (paragraphs, headings, table cells, the title property) is cleaned by `core.cells`:
python-docx refuses a control character (a vertical tab pasted from Word) with an error.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from core.cells import text
from reports.data import AnnualReport
from reports.exports import tables as t
from reports.exports.tables import Table, cell_text, yes
from reports.narrative import Chapter, narrative


def _paragraphs(doc, texts: list[str], style: str = "Normal") -> None:
    """Append paragraphs in linear time.

    python-docx's add_paragraph() looks up the style by name and searches the body for the section
    properties on every call, which turns ten thousand paragraphs into minutes; build them directly.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    style_id = doc.styles[style].style_id
    body = doc.element.body
    section = body.find(qn("w:sectPr"))
    if section is not None:
        body.remove(section)
    for paragraph in texts:
        p = OxmlElement("w:p")
        if style != "Normal":
            p.get_or_add_pPr().style = style_id
        run = OxmlElement("w:r")
        t_ = OxmlElement("w:t")
        t_.text = text(paragraph)
        t_.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t_)
        p.append(run)
        body.append(p)
    if section is not None:
        body.append(section)


def heading(doc, title, level: int) -> None:
    """A heading, its text cleaned like every other text of the file (`core.cells`)."""
    doc.add_heading(text(str(title)), level)


def _chapter(doc, chapter: Chapter, level: int = 1) -> None:
    if chapter.title:
        heading(doc, chapter.title, level)
    _paragraphs(doc, chapter.paragraphs)
    _paragraphs(doc, chapter.bullets, "List Bullet")


def _table(doc, headers: list[str], rows: list[list]) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(cell_text(header)).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = cell_text(value)


def _agreements_short(report: AnnualReport) -> Table:
    """The agreements, in the six columns a page has room for."""
    headers = [
        _("Партнёр"),
        _("Подписано"),
        _("Действует до"),
        _("Состояние"),
        _("Активностей за год"),
        _("Бездействует"),
    ]
    rows = [
        [r.partner, r.signed_on, r.valid_until or _("бессрочно"), r.state_label, r.activities, yes(r.dormant)]
        for r in report.agreements.rows
    ]
    return Table("agreements_short", _("Соглашения"), headers, rows)


# The appendix, in reading order: the year against the year before, the agreements, the work by direction
# and by partner, the participants, form 6-НК.
APPENDIX = [t.summary, t.agreement_totals, _agreements_short, t.directions, t.partners_directions, t.participants, t.nk]


def _appendix(doc, report: AnnualReport) -> None:
    heading(doc, _("Приложение. Таблицы"), 1)
    for build in APPENDIX:
        table = build(report)
        heading(doc, table.title, 2)
        _table(doc, table.headers, table.rows)


def to_docx(report: AnnualReport) -> bytes:
    from docx import Document

    story = narrative(report)
    doc = Document()
    doc.core_properties.title = text(story.title)
    heading(doc, story.title, 0)
    _chapter(doc, story.intro)
    for chapter in story.chapters:
        _chapter(doc, chapter)
    _appendix(doc, report)
    if story.notes is not None:
        _chapter(doc, story.notes)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
