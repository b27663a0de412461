"""The annual report told as prose, the way the library's own yearly article tells it.

`narrative(report)` turns the report's tree (reports/data.py) into a title, an introduction, a chapter per
direction of the work (held activities, in date order, in the past tense), the year's figures against the
year before, «Планы» (in the future tense) and notes for whoever edits the draft. No database and no file
format here: reports/exports/docx.py lays the text out.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from core.models import Status
from reports.data import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    AnnualReport,
    DirectionSection,
    KindItem,
)
from reports.narrative.stories import (
    contests_chapter,
    events_chapter,
    exhibitions_chapter,
    item_noun,
    kind_story,
    plan_sentence,
    postponed_sentence,
    projects_chapter,
    telebridges_chapter,
)
from reports.narrative.summary import conclusion, editor_notes, intro, planned_items

PLANS = "Планы"
NOTES_LEAD = _lazy(
    "Этот раздел — не для отправки: он перечисляет, что стоит проверить или дополнить в системе; "
    "после правки выгрузите отчёт заново или удалите раздел."
)


@dataclass
class Chapter:
    title: str
    paragraphs: list[str]
    bullets: list[str] = field(default_factory=list)  # after the paragraphs


@dataclass
class Narrative:
    title: str
    intro: Chapter  # its title is empty: the introduction opens the text
    chapters: list[Chapter]  # the directions, the year's figures, the plans
    notes: Chapter | None  # for the editor, to delete before sending; None when there is nothing to check


def _with_partners(section: DirectionSection) -> str:
    """How many of a direction's held activities partners took part in, when not all of them."""
    held = len(section.items)
    if section.joint == held:
        return ""
    if section.joint:
        return _("Из них совместно с партнёрами — %(n)s.") % {"n": section.joint}
    return _("Все — без участия библиотек-партнёров.")


def direction_paragraphs(section: DirectionSection, report: AnnualReport) -> list[str]:
    items, year = list(section.items), report.year
    if not items:
        return [_("В %(year)s году совместной работы по этому направлению не было.") % {"year": year}]
    if section.key == DIRECTION_PROJECTS:
        return projects_chapter(items, year)
    if section.key == DIRECTION_EVENTS:
        paragraphs = events_chapter(items, year)
    elif section.key == DIRECTION_TELEBRIDGES:
        paragraphs = telebridges_chapter(items, year)
    elif section.key == DIRECTION_EXHIBITIONS:
        paragraphs = exhibitions_chapter(items, year)
    elif section.key == DIRECTION_CONTESTS:
        paragraphs = contests_chapter(items, year, report.as_of)
    elif isinstance(items[0], KindItem):
        paragraphs = [p for item in items for p in kind_story(item)]
    else:
        raise ValueError(section.key)
    together = _with_partners(section)
    if together:
        paragraphs[0] += " " + together
    return paragraphs


def plans(report: AnnualReport) -> Chapter | None:
    items = planned_items(report)
    if not items:
        return None
    paragraphs = [
        postponed_sentence(item, item_noun(item)) if item.status == Status.POSTPONED else plan_sentence(item)
        for item in items
    ]
    return Chapter(_(PLANS), paragraphs)


def narrative(report: AnnualReport) -> Narrative:
    opening, partners = intro(report)
    chapters = [Chapter(section.title, direction_paragraphs(section, report)) for section in report.directions]
    chapters.append(Chapter(_("Итоги года"), conclusion(report)))
    planned = plans(report)
    if planned is not None:
        chapters.append(planned)
    notes = editor_notes(report)
    return Narrative(
        title=_("Реализация соглашений о профессиональном сотрудничестве в %(year)s году") % {"year": report.year},
        intro=Chapter("", opening, partners),
        chapters=chapters,
        notes=Chapter(_("Для редактора: что уточнить перед отправкой"), [str(NOTES_LEAD)], notes) if notes else None,
    )
