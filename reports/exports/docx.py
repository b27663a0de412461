"""DOCX: the draft a manager edits and sends on, told like the library's own yearly article.

The text comes from reports/narrative (a title, the introduction with the partners, a chapter per direction,
the year's figures, the dormant agreements, «Планы»); the tables of reports/exports/tables.py follow as an
appendix, and last come the notes for whoever edits the draft, to delete before sending.

The pages are A4: the text upright, the appendix in a landscape section of its own, its tables in a smaller type
with each column at least as wide as its longest word, so no word is broken across lines (the partner × direction
table leaves the country and the region to the XLSX).

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
    _paragraphs(doc, chapter.closing)


A4 = (210, 297)  # millimetres
MARGIN_MM = 20
TABLE_PT = 9  # the appendix's type size
# A word's width at TABLE_PT, generously: a bold Cyrillic letter of the common serif fonts is at most about 0.72 em
# wide, and a cell has its own margins on both sides (0.19 cm each in Word and LibreOffice).
LETTER_MM = TABLE_PT * 0.72 * 0.3528
CELL_PADDING_MM = 4.0
LINE_MM = TABLE_PT * 1.4 * 0.3528 + CELL_PADDING_MM  # a column whose header is turned on its side needs a line
HEADER_MM = 45  # the tallest a row of turned headers grows; a longer header takes a second line


def _page(section, landscape: bool) -> None:
    from docx.enum.section import WD_ORIENT
    from docx.shared import Mm

    short, long = A4
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(long), Mm(short)) if landscape else (Mm(short), Mm(long))
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Mm(MARGIN_MM))


def _new_section(doc, landscape: bool) -> None:
    """Start a section on a new page. The section before ends with the last paragraph written (python-docx's
    add_section() would end it with an empty paragraph of its own)."""
    import copy

    from docx.enum.section import WD_SECTION
    from docx.oxml.ns import qn
    from docx.section import Section

    body = doc.element.body
    current = body.find(qn("w:sectPr"))
    last = current.getprevious()
    if last is None or last.tag != qn("w:p"):  # after a table a paragraph must close it anyway
        doc.add_paragraph()
        last = current.getprevious()
    last.get_or_add_pPr().append(copy.deepcopy(current))
    section = Section(current, doc.part)
    section.start_type = WD_SECTION.NEW_PAGE
    _page(section, landscape)


def text_width_mm(section) -> float:
    return (section.page_width - section.left_margin - section.right_margin) / 36000


def word_mm(word: str) -> float:
    """The width a word needs in a cell of the appendix."""
    return len(word) * LETTER_MM + CELL_PADDING_MM


def _least(texts: list[str]) -> float:
    return max((word_mm(word) for text in texts for word in text.split()), default=CELL_PADDING_MM)


def _numeric(rows: list[list], i: int) -> bool:
    return all(row[i] is None or row[i] == "" or isinstance(row[i], int | float) for row in rows)


def layout(headers: list[str], rows: list[list], available_mm: float) -> tuple[list[float], list[bool]]:
    """Each column's width, and whether its header is turned on its side. Every column is at least as wide as its
    longest word; when the headers do not fit side by side, those over columns of numbers are turned (read from the
    bottom up, as in the library's statistical forms) and the column is as wide as its numbers. What is left of
    the page goes to the columns with the most text."""
    head = [cell_text(h) for h in headers]
    body = [[cell_text(r[i]) for r in rows] for i in range(len(headers))]
    least = [max(_least([h]), _least(column)) for h, column in zip(head, body, strict=True)]
    turned = [False] * len(headers)
    if sum(least) > available_mm:
        for i, column in enumerate(body):
            if i and _numeric(rows, i):
                turned[i] = True
                least[i] = max(_least(column), LINE_MM)
    spare = max(available_mm - sum(least), 0)
    weights = [max(len(t) for t in ([] if turned[i] else [head[i]]) + body[i] + [""]) for i in range(len(head))]
    total = sum(weights) or 1
    return [w + spare * weight / total for w, weight in zip(least, weights, strict=True)], turned


def _turn(cell) -> None:
    """Header text read from the bottom up."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    direction = OxmlElement("w:textDirection")
    direction.set(qn("w:val"), "btLr")
    cell._tc.get_or_add_tcPr().append(direction)


def _table(doc, headers: list[str], rows: list[list]) -> None:
    from docx.shared import Mm, Pt

    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    table.autofit = False
    widths, turned = layout(headers, rows, text_width_mm(doc.sections[-1]))
    for cell, header, sideways in zip(table.rows[0].cells, headers, turned, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(cell_text(header))
        run.bold = True
        run.font.size = Pt(TABLE_PT)
        if sideways:
            _turn(cell)
    if any(turned):
        from docx.enum.table import WD_ROW_HEIGHT_RULE

        # Turned headers run up the row: it is as tall as the longest of them (the heading's words kept whole).
        longest = max(word_mm(cell_text(h)) for h, sideways in zip(headers, turned, strict=True) if sideways)
        table.rows[0].height = Mm(min(longest, HEADER_MM))
        table.rows[0].height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = ""
            cell.paragraphs[0].add_run(cell_text(value)).font.size = Pt(TABLE_PT)
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)


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


def _partners_directions(report: AnnualReport) -> Table:
    """The partner × direction table without the country and the region (the XLSX has them)."""
    full = t.partners_directions(report)
    keep = [i for i in range(len(full.headers)) if i not in (1, 2)]
    return Table(full.key, full.title, [full.headers[i] for i in keep], [[row[i] for i in keep] for row in full.rows])


# The appendix, in reading order: the year against the year before, the agreements, the work by direction
# and by partner, the participants, form 6-НК.
APPENDIX = [t.summary, t.agreement_totals, _agreements_short, t.directions, _partners_directions, t.participants, t.nk]


def _appendix(doc, report: AnnualReport) -> None:
    _new_section(doc, landscape=True)
    heading(doc, _("Приложение. Таблицы"), 1)
    for build in APPENDIX:
        table = build(report)
        heading(doc, table.title, 2)
        _table(doc, table.headers, table.rows)


def to_docx(report: AnnualReport) -> bytes:
    from docx import Document

    story = narrative(report)
    doc = Document()
    _page(doc.sections[0], landscape=False)
    doc.core_properties.title = text(story.title)
    heading(doc, story.title, 0)
    _chapter(doc, story.intro)
    for chapter in story.chapters:
        _chapter(doc, chapter)
    _appendix(doc, report)
    if story.notes is not None:
        _new_section(doc, landscape=False)
        _chapter(doc, story.notes)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
