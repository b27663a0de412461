"""A partner library's own report as files: XLSX (`tabular.xlsx`, as the annual report) and DOCX (python-docx,
laid out the way reports/exports/docx.py lays out the annual report), each rendered from a PartnerReport
(reports/partner.py) and nothing else, so the page and the files cannot disagree. Every cell and text is cleaned by
`core.cells` on its way into the file.

The tables are built once here (`partner_tables`); the XLSX has a sheet per table, the DOCX the same figures in
narrower tables under Russian headings. Unknown figures read «нет данных», never 0.
"""

from __future__ import annotations

import datetime
import io

from django.utils.translation import gettext as _

from core.cells import text
from core.figures import known_sum
from reports.data import shown
from reports.exports.docx import _paragraphs, _table, heading
from reports.exports.tables import DATE_FORMAT, Table, yes
from reports.exports.xlsx import column_widths
from reports.partner import SITE_FIGURE, STOP_FIGURE, PartnerActivity, PartnerReport
from tabular.xlsx import Workbook

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def partner_report_filename(library, year: int | str, ext: str) -> str:
    """coopnet-partner-vko-odub-2020.xlsx: ASCII only (the library's slug), safe in a Content-Disposition header."""
    return f"coopnet-partner-{library.slug}-{year}.{ext}"


def _date(day: datetime.date | None) -> str:
    return day.strftime(DATE_FORMAT) if day else ""


def lead(report: PartnerReport) -> str:
    return _("По состоянию на %(date)s. Календарный год по времени Кемерова.") % {"date": _date(report.as_of)}


# --------------------------------------------------------------------------------------------
# The tables
# --------------------------------------------------------------------------------------------


def summary(report: PartnerReport) -> Table:
    t = report.totals
    rows = [[_("Проведено совместно за год"), t.held]]
    rows += [[_("по направлению «%(name)s»") % {"name": line.label}, line.count] for line in t.by_direction]
    rows += [[_("по виду: %(name)s") % {"name": line.label}, line.count] for line in t.by_kind]
    rows += [
        [_("Запланировано (ещё впереди)"), t.planned],
        [_("Ждёт подтверждения (дата прошла, не отмечено проведённым)"), t.awaiting],
        [_("Отменено"), t.cancelled],
        [_("Перенесено"), t.postponed],
        [_("Участников на собственных площадках"), shown(t.site_participants)],
        [_("Площадок мероприятий с данными об участниках"), t.sites_with_figure],
        [_("Площадок мероприятий без данных об участниках"), t.sites_without_figure],
        [_("Организовано мероприятий"), t.organised_events],
        [_("Участников организованных мероприятий (всего)"), shown(t.organised_participants)],
        [_("Выставочных площадок, открытых в году"), t.stops],
        [_("Посетителей выставок на собственных площадках"), shown(t.stop_visitors)],
        [_("Экскурсий на собственных площадках"), shown(t.stop_excursions)],
        [_("Выставочных площадок без данных"), t.stops_without_figure],
        [_("Цифр собственных площадок"), t.figures],
        [_("из них подтверждены библиотекой (внесены в портале партнёров)"), t.figures_confirmed],
    ]
    return Table("summary", _("Итоги года"), [_("Показатель"), _("Значение")], rows)


def _amendments_text(agreement) -> str:
    return "; ".join(
        _("№ %(number)s от %(date)s") % {"number": m.number or "—", "date": _date(m.signed_on)}
        + (f": {m.summary}" if m.summary else "")
        for m in agreement.amendments
    )


def agreements(report: PartnerReport) -> Table:
    headers = [
        _("Соглашение"),
        _("Номер"),
        _("Подписано"),
        _("Действует с"),
        _("Действует до"),
        _("Автоматическая пролонгация"),
        _("Состояние на дату отчёта"),
        _("Текущий срок: с"),
        _("Текущий срок: по"),
        _("Срок"),
        _("Расторгнуто"),
        _("Подписано в году"),
        _("Проведено по соглашению за год"),
        _("Дополнительные соглашения, подписанные в году"),
    ]
    rows = [
        [
            str(a.title),
            a.number,
            a.signed_on,
            a.valid_from,
            a.valid_until or _("бессрочно"),
            yes(a.auto_prolongation),
            a.state_label,
            a.term_start,
            a.term_end or (_("бессрочно") if a.term_start else None),
            a.term_label,
            a.terminated_on,
            yes(a.signed_in_year),
            a.activities,
            _amendments_text(a),
        ]
        for a in report.agreements
    ]
    return Table("agreements", _("Соглашения"), headers, rows)


def _own(activity: PartnerActivity, kind: str, name: str):
    """A sum of the library's own figures of one kind: None when it has no such site (an empty cell), «нет данных»
    when it has and none is known."""
    values = [getattr(f, name) for f in activity.figures if f.kind == kind]
    return shown(known_sum(values)) if values else None


def _confirmed(activity: PartnerActivity) -> str:
    known = [f for f in activity.figures if f.has_figures]
    return yes(bool(known) and all(f.confirmed for f in known))


def activities(report: PartnerReport) -> Table:
    headers = [
        _("Дата"),
        _("По"),
        _("Направление"),
        _("Вид"),
        _("Название"),
        _("Роль библиотеки"),
        _("Организатор"),
        _("Статус"),
        _("Учтено как проведённое"),
        _("Соглашение"),
        _("Участников на собственной площадке"),
        _("Посетителей"),
        _("Экскурсий"),
        _("Цифры подтверждены библиотекой"),
        _("Участников всего (организованное мероприятие)"),
        _("Работ (организованный конкурс)"),
    ]
    rows = [
        [
            a.first_day,
            a.last_day,
            a.direction_label,
            a.kind_label,
            a.title,
            a.role,
            a.organiser,
            a.status_label,
            yes(a.held),
            "; ".join(a.agreements),
            _own(a, SITE_FIGURE, "participants"),
            _own(a, STOP_FIGURE, "visitors"),
            _own(a, STOP_FIGURE, "excursions"),
            _confirmed(a),
            shown(a.total_participants) if a.organised_event else None,
            a.entries,
        ]
        for a in report.activities
    ]
    return Table("activities", _("Совместные дела"), headers, rows)


def partner_tables(report: PartnerReport) -> list[Table]:
    """Every figure of the partner's report as plain tables (typed cells), in reading order."""
    return [summary(report), agreements(report), activities(report)]


# --------------------------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------------------------


def to_xlsx(report: PartnerReport) -> bytes:
    book = Workbook(report.title)
    for table in partner_tables(report):
        book.sheet(table.title, table.headers, table.rows, column_widths(table, sample=None))
    return book.content()


# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------


def _figures_text(activity: PartnerActivity) -> str:
    """The library's own figures of an activity in words, for the DOCX's narrow table."""
    parts = []
    for f in activity.figures:
        if f.kind == SITE_FIGURE:
            text = _("участников на площадке: %(n)s") % {"n": shown(f.participants)}
        else:
            text = _("посетителей: %(v)s, экскурсий: %(e)s") % {"v": shown(f.visitors), "e": shown(f.excursions)}
        if f.confirmed and f.has_figures:
            text += " " + _("(подтверждено библиотекой)")
        parts.append(text)
    if activity.organised_event:
        parts.append(_("всего участников: %(n)s") % {"n": shown(activity.total_participants)})
    if activity.entries is not None:
        parts.append(_("работ: %(n)s") % {"n": activity.entries})
    return "; ".join(parts)


def _docx_activities(report: PartnerReport) -> tuple[list[str], list[list]]:
    headers = [_("Дата"), _("Название"), _("Роль библиотеки"), _("Статус"), _("Цифры")]
    rows = []
    for a in report.activities:
        day = _date(a.first_day) + (f"–{_date(a.last_day)}" if a.last_day and a.last_day != a.first_day else "")
        title = a.name
        rows.append([day, title, a.role, a.status_label, _figures_text(a)])
    return headers, rows


def _docx_agreements(report: PartnerReport) -> tuple[list[str], list[list]]:
    headers = [_("Соглашение"), _("Подписано"), _("Срок"), _("Состояние"), _("Проведено за год")]
    rows = []
    for a in report.agreements:
        term = _("бессрочно") if a.valid_until is None else _("до %(date)s") % {"date": _date(a.valid_until)}
        if a.auto_prolongation:
            term += ", " + _("с автоматической пролонгацией")
        name = f"{a.title} № {a.number}" if a.number else str(a.title)
        rows.append([name, a.signed_on, term, a.state_label, a.activities])
    return headers, rows


def to_docx(report: PartnerReport) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = text(report.title)
    heading(doc, report.title, 0)
    _paragraphs(doc, [lead(report)])
    summary_table = summary(report)
    heading(doc, summary_table.title, 1)
    _table(doc, summary_table.headers, summary_table.rows)
    heading(doc, _("Соглашения"), 1)
    if report.agreements:
        _table(doc, *_docx_agreements(report))
        for a in report.agreements:
            if a.amendments:
                _paragraphs(doc, [_("Дополнительные соглашения за год: %(list)s.") % {"list": _amendments_text(a)}])
    else:
        _paragraphs(doc, [_("Соглашений в этом году не было.")])
    heading(doc, _("Совместные дела"), 1)
    if report.activities:
        _table(doc, *_docx_activities(report))
    else:
        _paragraphs(doc, [_("Совместных дел в этом году не было.")])
    heading(doc, _("Как считается"), 1)
    _paragraphs(doc, report.rules, "List Bullet")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
