"""Files of the annual report (XLSX, CSV, DOCX), each rendered from an AnnualReport and nothing else.

XLSX and CSV share one tabular view of the report (`tables()`): the XLSX has a sheet per table, the
CSV is a single long table (section; row; column; value) so every figure sits in a cell of its own.
The DOCX is a narrative draft laid out like the library's own yearly article: a section per
direction listing each activity, then the agreements and the form 6-НК figures.
"""

from __future__ import annotations

import csv
import datetime
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _

from coopnet.templatetags.coopnet import ru_plural_form
from reports.report import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    AnnualReport,
    ContestItem,
    EpisodeItem,
    EventItem,
    ExhibitionItem,
)

DATE_FORMAT = "%d.%m.%Y"
CSV_DELIMITER = ";"  # what Excel expects for CSV in the Russian locale


# Control characters (a vertical tab pasted from Word, say) are not allowed in XML: XLSX and DOCX
# writers would refuse the whole file. Tab, newline and carriage return are fine.
_CONTROL = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def clean(text: str) -> str:
    return text.translate(_CONTROL)


@dataclass
class Table:
    key: str
    title: str  # also the sheet name: at most 31 characters
    headers: list[str]
    rows: list[list]  # cells: int, float, str, datetime.date or None


def _yes(flag: bool) -> str:
    return _("да") if flag else ""


def _draft(flag: bool) -> str:
    return _("черновик") if flag else ""


def tables(report: AnnualReport) -> list[Table]:
    """Every figure of the report as plain tables (typed cells), in reading order."""
    result = _tables(report)
    for table in result:
        table.rows = [[clean(v) if isinstance(v, str) else v for v in row] for row in table.rows]
    return result


def _tables(report: AnnualReport) -> list[Table]:
    year, prev = report.year, report.year - 1
    result = [
        Table(
            "summary",
            _("Сводка"),
            [_("Показатель"), str(year), str(prev), _("Изменение"), _("Изменение, %")],
            [[f.label, f.value, f.previous, f.change, f.change_pct] for f in report.headline],
        )
    ]
    a = report.agreements
    as_of = a.as_of.strftime(DATE_FORMAT)
    result.append(
        Table(
            "agreements_totals",
            _("Соглашения — итоги"),
            [_("Показатель"), _("Значение")],
            [
                [_("Действует на %(date)s") % {"date": as_of}, a.in_force],
                [_("из них бессрочных"), a.no_end_date],
                [_("Подписано в %(year)s году") % {"year": year}, a.signed],
                [_("Расторгнуто в %(year)s году") % {"year": year}, a.terminated],
                [_("Истёк срок действия в %(year)s году") % {"year": year}, a.expired],
                [_("Истекает в %(year)s году") % {"year": year + 1}, a.expiring_next_year],
                [_("Бездействующих (нет совместной работы 12 месяцев)"), a.dormant],
            ],
        )
    )
    result.append(
        Table(
            "agreements",
            _("Соглашения"),
            [
                _("Соглашение"),
                _("Партнёр"),
                _("Страна"),
                _("Регион"),
                _("Номер"),
                _("Подписано"),
                _("Действует с"),
                _("Действует до"),
                _("Состояние на дату отчёта"),
                _("Действует"),
                _("Подписано в году"),
                _("Расторгнуто в году"),
                _("Истёк срок в году"),
                _("Истекает в следующем году"),
                _("Мероприятий"),
                _("Выставок"),
                _("Конкурсов"),
                _("Выпусков"),
                _("Всего за год"),
                _("из них неопубликованных"),
                _("За 12 месяцев"),
                _("Последняя активность"),
                _("Бездействует"),
            ],
            [
                [
                    r.label,
                    r.partner,
                    r.partner_country,
                    r.partner_region,
                    r.number,
                    r.signed_on,
                    r.valid_from,
                    r.valid_until if r.valid_until else _("бессрочно"),
                    r.state_label,
                    _yes(r.in_force),
                    _yes(r.signed_in_year),
                    _yes(r.terminated_in_year),
                    _yes(r.expired_in_year),
                    _yes(r.expiring_next_year),
                    r.events,
                    r.exhibitions,
                    r.contests,
                    r.episodes,
                    r.activities,
                    r.drafts,
                    r.activities_last_12_months,
                    r.last_activity_on,
                    _yes(r.dormant),
                ]
                for r in a.rows
            ],
        )
    )
    m = report.partner_matrix
    result.append(
        Table(
            "partners_directions",
            _("Партнёры и направления"),
            [
                _("Партнёр"),
                _("Страна"),
                _("Регион"),
                *[c.label for c in m.columns],
                _("Всего"),
                _("из них неопубликованных"),
            ],
            [[r.name, r.country, r.region, *r.counts, r.total, r.drafts] for r in m.rows]
            + [[_("Итого (каждое мероприятие — один раз)"), "", "", *m.totals, m.total, m.total_drafts]],
        )
    )
    result.append(
        Table(
            "events_breakdown",
            _("Мероприятия по видам"),
            [_("Значение"), _("Разрез"), _("Мероприятий"), _("из них неопубликованных"), _("Участников")],
            [[r.label, _("вид"), r.count, r.drafts, r.visits] for r in report.events_by_kind]
            + [[r.label, _("формат"), r.count, r.drafts, r.visits] for r in report.events_by_format]
            + [[r.label, _("уровень"), r.count, r.drafts, r.visits] for r in report.events_by_scope],
        )
    )
    result.append(
        Table(
            "months",
            _("По месяцам"),
            [
                _("Месяц"),
                _("Мероприятия"),
                _("Телемосты"),
                _("Выставки"),
                _("Конкурсы"),
                _("Выпуски проектов"),
                _("Всего"),
            ],
            [
                [r.label, r.events, r.telebridges, r.exhibitions, r.contests, r.episodes, r.total]
                for r in report.by_month
            ],
        )
    )
    p = report.participants
    result.append(
        Table(
            "participants",
            _("Участники"),
            [_("Показатель"), _("Значение")],
            [
                [_("Участников мероприятий"), p.event_participants],
                [_("из них участников телемостов"), p.telebridge_participants],
                [_("Мероприятий без данных об участниках"), p.events_without_figure],
                [_("Посетителей выставок"), p.exhibition_visitors],
                [_("Экскурсий на выставках"), p.exhibition_excursions],
                [_("Работ участников конкурсов"), p.contest_entries],
                [_("из них от участников нашего региона"), p.contest_entries_from_our_region],
                [_("Победителей"), p.contest_winners],
                [_("Лауреатов"), p.contest_laureates],
                [_("Финалистов"), p.contest_finalists],
            ],
        )
    )
    result.append(
        Table(
            "contests",
            _("Конкурсы"),
            [
                _("Конкурс"),
                _("Организатор"),
                _("Партнёры"),
                _("Приём работ с"),
                _("Приём работ до"),
                _("Итоги"),
                _("Работ"),
                _("из нашего региона"),
                _("Победителей"),
                _("Лауреатов"),
                _("Финалистов"),
                _("Черновик"),
            ],
            [
                [
                    c.title,
                    c.organiser,
                    ", ".join(c.partners),
                    c.submissions_from,
                    c.submissions_until,
                    c.results_on,
                    c.entries,
                    c.from_our_region,
                    c.winners,
                    c.laureates,
                    c.finalists,
                    _draft(c.is_draft),
                ]
                for c in report.direction(DIRECTION_CONTESTS).items
            ],
        )
    )
    pr = report.partners
    result.append(
        Table(
            "partners",
            _("Партнёры"),
            [_("Страна или регион"), _("Страна"), _("Активных партнёров")],
            [[_("%(country)s — всего") % {"country": c.country}, c.country, c.count] for c in pr.by_country]
            + [[c.region, c.country, c.count] for c in pr.by_region]
            + [[_("Всего"), "", pr.active]],
        )
    )
    result.append(
        Table(
            "new_partners",
            _("Новые партнёры"),
            [_("Партнёр"), _("Страна"), _("Регион"), _("Первое соглашение")],
            [[n.name, n.country, n.region, n.first_signed_on] for n in pr.new],
        )
    )
    result.append(
        Table(
            "nk",
            _("Форма 6-НК"),
            [_("Показатель формы 6-НК"), _("Значение"), _("из них неопубликованных")],
            nk_lines(report),
        )
    )
    result.append(
        Table(
            "activities",
            _("Мероприятия (список)"),
            [
                _("Название"),
                _("Дата"),
                _("Вид"),
                _("Формат"),
                _("Уровень"),
                _("Возрастная группа"),
                _("Место проведения"),
                _("Партнёры"),
                _("Соглашение"),
                _("Участников"),
                _("Черновик"),
            ],
            [
                [
                    e.title,
                    e.starts_on,
                    e.kind_label,
                    e.format_label,
                    e.scope_label,
                    e.target_group_label,
                    e.venue_label,
                    ", ".join(e.partners),
                    e.agreement,
                    e.participants,
                    _draft(e.is_draft),
                ]
                for d in report.directions
                if d.key in (DIRECTION_EVENTS, DIRECTION_TELEBRIDGES)
                for e in d.items
            ],
        )
    )
    result.append(
        Table(
            "exhibitions",
            _("Выставки"),
            [
                _("Выставка"),
                _("Вид"),
                _("Предоставила"),
                _("Партнёры"),
                _("Площадка"),
                _("С"),
                _("По"),
                _("Посетителей"),
                _("Экскурсий"),
                _("Черновик"),
            ],
            [
                [
                    x.title,
                    x.kind_label,
                    x.provider,
                    ", ".join(x.partners),
                    s.venue,
                    s.starts_on,
                    s.ends_on,
                    s.visitors,
                    s.excursions,
                    _draft(x.is_draft),
                ]
                for x in report.direction(DIRECTION_EXHIBITIONS).items
                for s in x.stops
            ],
        )
    )
    result.append(
        Table(
            "episodes",
            _("Выпуски проектов"),
            [
                _("Проект"),
                _("Номер"),
                _("Выпуск"),
                _("Традиция"),
                _("Подготовила"),
                _("Опубликован"),
                _("Соглашение"),
                _("Черновик"),
            ],
            [
                [e.project, e.number, e.title, e.tradition, e.library, e.published_on, e.agreement, _draft(e.is_draft)]
                for e in report.direction(DIRECTION_PROJECTS).items
            ],
        )
    )
    return result


def nk_lines(report: AnnualReport) -> list[list]:
    """Form 6-НК lines in the form's wording: the number of events, then visits, each with the same breakdown."""
    visits = {
        "total": _("Число посещений мероприятий — всего"),
        "children": _("из них посещений детьми до 14 лет включительно"),
        "youth": _("из них посещений молодёжью 15–30 лет"),
        "off_site_remote": _("из них посещений вне стационара и удалённо"),
        "remote": _("из них посещений удалённо"),
    }
    lines = [[r.label, r.events, r.drafts] for r in report.nk]
    lines += [[visits[r.key], r.visits, None] for r in report.nk]
    return lines


# --------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        return value.strftime(DATE_FORMAT + " %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


def _formula_like(value) -> bool:
    return isinstance(value, str) and value.startswith("=")


def _csv_text(value) -> str:
    """Text that a spreadsheet would run as a formula (=, +, -, @ first) gets a leading apostrophe."""
    if isinstance(value, str) and value[:1] in ("=", "+", "-", "@"):
        return "'" + value
    return _text(value)


def to_csv(report: AnnualReport) -> bytes:
    """One long table: section; row; column; value — UTF-8 with a BOM so Excel reads Cyrillic."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
    writer.writerow(["section", "row", "column", "value"])
    for table in tables(report):
        for row in table.rows:
            label = _csv_text(row[0])
            for header, value in zip(table.headers[1:], row[1:], strict=True):
                writer.writerow([table.title, label, header, _csv_text(value)])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


# --------------------------------------------------------------------------------------------
# XLSX
# --------------------------------------------------------------------------------------------


WIDTH_SAMPLE_ROWS = 500


def to_xlsx(report: AnnualReport) -> bytes:
    """A summary sheet, then a sheet per section; written in openpyxl's streaming mode to stay fast and small."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.chart import BarChart, Reference
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook(write_only=True)
    wb.properties.title = _("Отчёт о сотрудничестве за %(year)s год") % {"year": report.year}
    bold = Font(bold=True)
    wrap = Alignment(wrap_text=True, vertical="top")
    sheets = {}
    for table in tables(report):
        ws = wb.create_sheet(table.title[:31])
        sheets[table.key] = ws
        # Streaming sheets need their column widths and panes before the first row.
        # The first rows are enough to size a column (widths are capped anyway); long lists are not walked twice.
        widths = [len(h) for h in table.headers]
        for row in table.rows[:WIDTH_SAMPLE_ROWS]:
            for i, value in enumerate(row):
                size = 10 if isinstance(value, datetime.date) else len(_text(value))
                if size > widths[i]:
                    widths[i] = size
        for i, width in enumerate(widths, start=1):
            ws.column_dimensions[get_column_letter(i)].width = min(max(width + 2, 8), 60)
        ws.freeze_panes = "A2"
        header = []
        for title in table.headers:
            cell = WriteOnlyCell(ws, value=title)
            cell.font = bold
            cell.alignment = wrap
            header.append(cell)
        ws.append(header)
        # A streaming sheet writes each row as it is appended, so one cell object per column and format
        # is reused for every row. Careful: after a styled cell, openpyxl writes the following plain
        # values through that same cell object (with its number format), so the first plain value
        # after a styled one is wrapped in an unstyled cell of its own.
        cache: dict[tuple[int, str], WriteOnlyCell] = {}
        for row in table.rows:
            if not any(isinstance(v, datetime.date | float) or _formula_like(v) for v in row):
                ws.append(row)
                continue
            cells = list(row)
            after_cell = False
            for i, value in enumerate(row):
                if isinstance(value, datetime.date):
                    fmt = "DD.MM.YYYY"
                elif isinstance(value, float):
                    fmt = "0.0"
                elif _formula_like(value):
                    fmt = "@"  # text: a title typed as "=…" must not become a live formula
                elif value is not None and after_cell:
                    fmt = "General"
                else:
                    continue
                cell = cache.get((i, fmt))
                if cell is None:
                    cell = cache[(i, fmt)] = WriteOnlyCell(ws)
                    cell.number_format = fmt
                cell.value = value
                if fmt == "@":
                    cell.data_type = "s"
                cells[i] = cell
                after_cell = fmt != "General"
            ws.append(cells)
        if table.rows:
            ws.auto_filter.ref = f"A1:{get_column_letter(len(table.headers))}{len(table.rows) + 1}"

    months = sheets["months"]
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = _("Совместная работа по месяцам, %(year)s") % {"year": report.year}
    chart.y_axis.title = _("Количество")
    chart.x_axis.title = _("Месяц")
    chart.add_data(Reference(months, min_col=2, max_col=6, min_row=1, max_row=13), titles_from_data=True)
    chart.set_categories(Reference(months, min_col=1, min_row=2, max_row=13))
    chart.width, chart.height = 22, 11
    months.add_chart(chart, "I2")

    matrix = sheets["partners_directions"]
    count = len(report.partner_matrix.rows)
    if count:
        by_partner = BarChart()
        by_partner.type = "bar"
        by_partner.title = _("Совместная работа по партнёрам")
        total_col = 4 + len(report.partner_matrix.columns)
        by_partner.add_data(Reference(matrix, min_col=total_col, min_row=1, max_row=count + 1), titles_from_data=True)
        by_partner.set_categories(Reference(matrix, min_col=1, min_row=2, max_row=count + 1))
        by_partner.width, by_partner.height = 22, min(max(8, count * 0.6), 60)
        matrix.add_chart(by_partner, f"A{count + 4}")

    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# DOCX
# --------------------------------------------------------------------------------------------


def _n(number: int, one: str, few: str, many: str) -> str:
    return f"{number} {ru_plural_form(number, one, few, many)}"


def _fmt(day) -> str:
    return day.strftime(DATE_FORMAT) if day else "—"


def _partners_text(partners: list[str]) -> str:
    return ", ".join(partners) if partners else _("без партнёров")


def _draft_mark(flag: bool) -> str:
    return " " + _("[черновик, не опубликовано]") if flag else ""


def describe(item) -> str:
    """One line of the narrative for an activity: date, title, partners and figures."""
    if isinstance(item, EventItem):
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
        } + _draft_mark(item.is_draft)
    if isinstance(item, ExhibitionItem):
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
        } + _draft_mark(item.is_draft)
    if isinstance(item, ContestItem):
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
        } + _draft_mark(item.is_draft)
    if isinstance(item, EpisodeItem):
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
        } + _draft_mark(item.is_draft)
    return str(item)


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
            cell.text = clean(_text(value))


def to_docx(report: AnnualReport) -> bytes:
    from docx import Document

    doc = Document()
    doc.core_properties.title = _("Отчёт о сотрудничестве за %(year)s год") % {"year": report.year}
    doc.add_heading(
        _("Реализация соглашений о профессиональном сотрудничестве в %(year)s году") % {"year": report.year}, 0
    )
    f = {fig.key: fig for fig in report.headline}
    a = report.agreements
    intro = _(
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
        "partners": f["partners_active"].value,
        "activities": _n(
            f["activities"].value,
            _("совместное мероприятие или проект"),
            _("совместных мероприятия и проекта"),
            _("совместных мероприятий и проектов"),
        ),
        "events": _n(
            f["events"].value,
            _("профессиональное мероприятие"),
            _("профессиональных мероприятия"),
            _("профессиональных мероприятий"),
        ),
        "telebridges": _n(f["telebridges"].value, _("телемост"), _("телемоста"), _("телемостов")),
        "exhibitions": _n(f["exhibitions"].value, _("выставка"), _("выставки"), _("выставок")),
        "contests": _n(f["contests"].value, _("конкурс"), _("конкурса"), _("конкурсов")),
        "episodes": _n(
            f["episodes"].value,
            _("выпуск просветительских проектов"),
            _("выпуска просветительских проектов"),
            _("выпусков просветительских проектов"),
        ),
        "participants": f["event_participants"].value,
        "visitors": f["exhibition_visitors"].value,
        "entries": f["contest_entries"].value,
    }
    doc.add_paragraph(intro)
    if report.drafts:
        doc.add_paragraph(
            _("Из них неопубликованных (черновиков): %(n)s — они отмечены в тексте.") % {"n": report.drafts}
        )

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

    doc.add_heading(_("Соглашения о профессиональном сотрудничестве"), 1)
    totals = next(t for t in tables(report) if t.key == "agreements_totals")
    _table(doc, totals.headers, totals.rows)
    doc.add_paragraph()
    _table(
        doc,
        [_("Партнёр"), _("Подписано"), _("Действует до"), _("Состояние"), _("Активностей за год"), _("Бездействует")],
        [
            [r.partner, r.signed_on, r.valid_until or _("бессрочно"), r.state_label, r.activities, _yes(r.dormant)]
            for r in a.rows
        ],
    )

    doc.add_heading(_("Показатели для формы 6-НК"), 1)
    _table(doc, [_("Показатель формы 6-НК"), _("Значение"), _("из них неопубликованных")], nk_lines(report))

    doc.add_heading(_("Сравнение с %(year)s годом") % {"year": report.year - 1}, 1)
    _table(
        doc,
        [_("Показатель"), str(report.year), str(report.year - 1), _("Изменение"), _("Изменение, %")],
        [[fig.label, fig.value, fig.previous, fig.change, fig.change_pct] for fig in report.headline],
    )

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
