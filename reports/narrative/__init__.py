"""The annual report told as prose, the way the library's own yearly article tells it.

`narrative(report)` turns the report's tree (reports/data.py) into a title, an introduction, a chapter per
direction with held work (held activities, in date order, in the past tense; the directions with none are named
in one sentence), the year's figures against the year before, the dormant agreements and what to do about them,
«Планы» (in the future tense) and notes for whoever edits the draft. A year with no data says so once. No
database and no file format here: reports/exports/docx.py lays the text out.
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
    is_demo,
    item_noun,
    kind_story,
    plan_sentence,
    postponed_sentence,
    projects_chapter,
    telebridges_chapter,
)
from reports.narrative.summary import (
    DEFAULT_KIND,
    agreement_kinds,
    conclusion,
    dormant_paragraphs,
    editor_notes,
    intro,
    nothing_held,
    planned_items,
)

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
    closing: list[str] = field(default_factory=list)  # after the bullets


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
    items, year = [i for i in section.items if not is_demo(i)], report.year
    if not items:
        return []
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


def title(report: AnnualReport) -> str:
    """The article's title, «Реализация соглашений о профессиональном сотрудничестве в 2020 году», when every
    agreement in force is of that kind; «о сотрудничестве» when they are of several."""
    kinds = set(agreement_kinds([r for r in report.agreements.rows if r.in_force])) or {DEFAULT_KIND}
    if kinds == {DEFAULT_KIND}:
        return _("Реализация соглашений о профессиональном сотрудничестве в %(year)s году") % {"year": report.year}
    if len(kinds) == 1:
        return _("Реализация соглашений %(kind)s в %(year)s году") % {"kind": kinds.pop(), "year": report.year}
    return _("Реализация соглашений о сотрудничестве в %(year)s году") % {"year": report.year}


def narrative(report: AnnualReport) -> Narrative:
    opening, partners = intro(report)
    chapters = []
    if not nothing_held(report):
        told = [(section, direction_paragraphs(section, report)) for section in report.directions]
        chapters = [Chapter(section.title, paragraphs) for section, paragraphs in told if paragraphs]
        figures = conclusion(report)
        if figures:
            chapters.append(Chapter(_("Итоги года"), figures))
    dormant, dormant_list, advice = dormant_paragraphs(report)
    if dormant:
        chapters.append(Chapter(_("Бездействующие соглашения"), dormant, dormant_list, advice))
    planned = plans(report)
    if planned is not None:
        chapters.append(planned)
    notes = editor_notes(report)
    return Narrative(
        title=title(report),
        intro=Chapter("", opening, partners),
        chapters=chapters,
        notes=Chapter(_("Для редактора: что уточнить перед отправкой"), [str(NOTES_LEAD)], notes) if notes else None,
    )
