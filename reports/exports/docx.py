"""DOCX: a narrative draft laid out like the library's own yearly article.

A section per direction listing each activity, then the agreements, the form 6-НК figures and the
comparison with the year before.
"""

from __future__ import annotations

import io

from django.utils.translation import gettext as _

from coopnet.templatetags.coopnet import ru_plural_form
from reports.data import AnnualReport, ContestItem, EpisodeItem, EventItem, ExhibitionItem
from reports.exports.tables import (
    DATE_FORMAT,
    agreement_totals,
    cell_text,
    clean,
    comparison_headers,
    comparison_rows,
    nk_headers,
    nk_lines,
    yes,
)


def _n(number: int, one: str, few: str, many: str) -> str:
    return f"{number} {ru_plural_form(number, one, few, many)}"


def _fmt(day) -> str:
    return day.strftime(DATE_FORMAT) if day else "—"


def _partners_text(partners: list[str]) -> str:
    return ", ".join(partners) if partners else _("без партнёров")


def _draft_mark(flag: bool) -> str:
    return " " + _("[черновик, не опубликовано]") if flag else ""


# --------------------------------------------------------------------------------------------
# One line of the narrative per activity
# --------------------------------------------------------------------------------------------


def _describe_event(item: EventItem) -> str:
    figures = (
        _("участников: %(n)s") % {"n": item.participants}
        if item.participants is not None
        else _("число участников не указано")
    )
    return _("%(date)s — %(kind)s «%(title)s» (%(format)s, %(scope)s). Партнёры: %(partners)s; %(figures)s.") % {
        "date": _fmt(item.starts_on),
        "kind": item.kind_label,
        "title": item.title,
        "format": item.format_label,
        "scope": item.scope_label,
        "partners": _partners_text(item.partners),
        "figures": figures,
    }


def _describe_exhibition(item: ExhibitionItem) -> str:
    stops = "; ".join(
        _("%(venue)s, %(start)s–%(end)s") % {"venue": s.venue, "start": _fmt(s.starts_on), "end": _fmt(s.ends_on)}
        for s in item.stops
    )
    return _(
        "%(start)s–%(end)s — %(kind)s выставка «%(title)s». Партнёры: %(partners)s. Площадки: %(stops)s. "
        "Посетителей: %(visitors)s, экскурсий: %(excursions)s."
    ) % {
        "start": _fmt(item.first_day),
        "end": _fmt(item.last_day),
        "kind": item.kind_label,
        "title": item.title,
        "partners": _partners_text(item.partners),
        "stops": stops,
        "visitors": item.visitors,
        "excursions": item.excursions,
    }


def _describe_contest(item: ContestItem) -> str:
    return _(
        "Конкурс «%(title)s» (%(scope)s; приём работ %(start)s–%(end)s, итоги %(results)s). "
        "Партнёры: %(partners)s. Работ: %(entries)s, из них из нашего региона: %(ours)s; "
        "победителей: %(winners)s, лауреатов: %(laureates)s, финалистов: %(finalists)s."
    ) % {
        "title": item.title,
        "scope": item.scope_label,
        "start": _fmt(item.submissions_from),
        "end": _fmt(item.submissions_until),
        "results": _fmt(item.results_on),
        "partners": _partners_text(item.partners),
        "entries": item.entries,
        "ours": item.from_our_region,
        "winners": item.winners,
        "laureates": item.laureates,
        "finalists": item.finalists,
    }


def _describe_episode(item: EpisodeItem) -> str:
    tradition = f" ({item.tradition})" if item.tradition else ""
    return _(
        "%(date)s — проект «%(project)s», выпуск № %(number)s «%(title)s»%(tradition)s. Подготовила: %(library)s."
    ) % {
        "date": _fmt(item.published_on),
        "project": item.project,
        "number": item.number,
        "title": item.title,
        "tradition": tradition,
        "library": item.library,
    }


_DESCRIBE = {
    EventItem: _describe_event,
    ExhibitionItem: _describe_exhibition,
    ContestItem: _describe_contest,
    EpisodeItem: _describe_episode,
}


def describe(item) -> str:
    """One line of the narrative for an activity: date, title, partners and figures."""
    return _DESCRIBE[type(item)](item) + _draft_mark(item.is_draft)


# --------------------------------------------------------------------------------------------
# Building blocks
# --------------------------------------------------------------------------------------------


def _bullets(doc, texts: list[str]) -> None:
    """Append bulleted paragraphs in linear time.

    python-docx's add_paragraph() looks up the style by name and searches the body for the section
    properties on every call, which turns ten thousand paragraphs into minutes; build them directly.
    """
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    style_id = doc.styles["List Bullet"].style_id
    body = doc.element.body
    section = body.find(qn("w:sectPr"))
    if section is not None:
        body.remove(section)
    for text in texts:
        p = OxmlElement("w:p")
        p.get_or_add_pPr().style = style_id
        run = OxmlElement("w:r")
        t = OxmlElement("w:t")
        t.text = clean(text)
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        run.append(t)
        p.append(run)
        body.append(p)
    if section is not None:
        body.append(section)


def _table(doc, headers: list[str], rows: list[list]) -> None:
    table = doc.add_table(rows=1, cols=len(headers))
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, headers, strict=True):
        cell.text = ""
        cell.paragraphs[0].add_run(header).bold = True
    for row in rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            cell.text = clean(cell_text(value))


# --------------------------------------------------------------------------------------------
# The document
# --------------------------------------------------------------------------------------------


def _intro(report: AnnualReport) -> str:
    f = {fig.key: fig.value for fig in report.headline}
    a = report.agreements
    return _(
        "На %(date)s %(host)s реализует %(agreements)s о профессиональном сотрудничестве "
        "(в %(year)s году подписано: %(signed)s). В %(year)s году вместе с партнёрами (%(partners)s) проведено "
        "%(activities)s: %(events)s, %(telebridges)s, %(exhibitions)s, %(contests)s и %(episodes)s. "
        "Участников мероприятий — %(participants)s, посетителей выставок — %(visitors)s, "
        "работ участников конкурсов — %(entries)s."
    ) % {
        "date": _fmt(a.as_of),
        "host": report.host or _("библиотека"),
        "agreements": _n(a.in_force, _("соглашение"), _("соглашения"), _("соглашений")),
        "year": report.year,
        "signed": a.signed,
        "partners": f["partners_active"],
        "activities": _n(
            f["activities"],
            _("совместное мероприятие или проект"),
            _("совместных мероприятия и проекта"),
            _("совместных мероприятий и проектов"),
        ),
        "events": _n(
            f["events"],
            _("профессиональное мероприятие"),
            _("профессиональных мероприятия"),
            _("профессиональных мероприятий"),
        ),
        "telebridges": _n(f["telebridges"], _("телемост"), _("телемоста"), _("телемостов")),
        "exhibitions": _n(f["exhibitions"], _("выставка"), _("выставки"), _("выставок")),
        "contests": _n(f["contests"], _("конкурс"), _("конкурса"), _("конкурсов")),
        "episodes": _n(
            f["episodes"],
            _("выпуск просветительских проектов"),
            _("выпуска просветительских проектов"),
            _("выпусков просветительских проектов"),
        ),
        "participants": f["event_participants"],
        "visitors": f["exhibition_visitors"],
        "entries": f["contest_entries"],
    }


def _directions(doc, report: AnnualReport) -> None:
    for section in report.directions:
        doc.add_heading(section.title, 1)
        if not section.items:
            doc.add_paragraph(_("В %(year)s году мероприятий по этому направлению нет.") % {"year": report.year})
            continue
        count = _("Всего: %(n)s.") % {"n": section.count}
        if section.drafts:
            count += " " + _("из них неопубликованных: %(n)s.") % {"n": section.drafts}
        doc.add_paragraph(count)
        _bullets(doc, [describe(item) for item in section.items])


def _agreements(doc, report: AnnualReport) -> None:
    doc.add_heading(_("Соглашения о профессиональном сотрудничестве"), 1)
    totals = agreement_totals(report)
    _table(doc, totals.headers, totals.rows)
    doc.add_paragraph()
    _table(
        doc,
        [_("Партнёр"), _("Подписано"), _("Действует до"), _("Состояние"), _("Активностей за год"), _("Бездействует")],
        [
            [r.partner, r.signed_on, r.valid_until or _("бессрочно"), r.state_label, r.activities, yes(r.dormant)]
            for r in report.agreements.rows
        ],
    )


def to_docx(report: AnnualReport) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = _("Отчёт о сотрудничестве за %(year)s год") % {"year": report.year}
    doc.add_heading(
        _("Реализация соглашений о профессиональном сотрудничестве в %(year)s году") % {"year": report.year}, 0
    )
    doc.add_paragraph(_intro(report))
    if report.drafts:
        doc.add_paragraph(
            _("Из них неопубликованных (черновиков): %(n)s — они отмечены в тексте.") % {"n": report.drafts}
        )
    _directions(doc, report)
    _agreements(doc, report)
    doc.add_heading(_("Показатели для формы 6-НК"), 1)
    _table(doc, nk_headers(), nk_lines(report))
    doc.add_heading(_("Сравнение с %(year)s годом") % {"year": report.year - 1}, 1)
    _table(doc, comparison_headers(report), comparison_rows(report))
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
