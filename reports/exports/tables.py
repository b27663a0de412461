"""The report as plain tables with typed cells: the XLSX has a sheet per table, the CSV one long table of them.

Each table is built by a function of its own; TABLES lists them in reading order.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from core.cells import cell
from core.models import status_label
from reports.data import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    HELD,
    TABLE_ORDER,
    AnnualReport,
    EventItem,
    direction,
    shown,
)

DATE_FORMAT = "%d.%m.%Y"


def cell_text(value) -> str:
    """A cell as text, the way the CSV and the DOCX show it: cleaned by `core.cells.cell()` (no control
    characters; NaN refused), dates as ДД.ММ.ГГГГ, a decimal with a comma."""
    value = cell(value)
    if value is None:
        return ""
    if type(value) is str:
        return value
    if isinstance(value, datetime.datetime):
        return value.strftime(DATE_FORMAT + " %H:%M")
    if isinstance(value, datetime.date):
        return value.strftime(DATE_FORMAT)
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


@dataclass
class Table:
    key: str
    title: str  # also the sheet name: at most 31 characters
    headers: list[str]
    rows: list[list]  # cells: int, float, str (or a lazy translation), datetime.date or None; cleaned by the writers


def yes(flag: bool) -> str:
    return _("да") if flag else ""


def _draft(flag: bool) -> str:
    return _("черновик") if flag else ""


def comparison_headers(report: AnnualReport) -> list[str]:
    return [_("Показатель"), str(report.year), str(report.year - 1), _("Изменение"), _("Изменение, %")]


def comparison_rows(report: AnnualReport) -> list[list]:
    """Unknown figures read «нет данных» (never 0); a change that cannot be computed is left empty."""
    return [[f.label, shown(f.value), shown(f.previous), f.change, f.change_pct] for f in report.headline]


def summary(report: AnnualReport) -> Table:
    return Table("summary", _("Сводка"), comparison_headers(report), comparison_rows(report))


def agreement_totals(report: AnnualReport) -> Table:
    a, year = report.agreements, report.year
    return Table(
        "agreements_totals",
        _("Соглашения — итоги"),
        [_("Показатель"), _("Значение")],
        [
            [_("Действует на %(date)s") % {"date": a.as_of.strftime(DATE_FORMAT)}, a.in_force],
            [_("из них бессрочных"), a.no_end_date],
            [_("Подписано в %(year)s году") % {"year": year}, a.signed],
            [_("Расторгнуто в %(year)s году") % {"year": year}, a.terminated],
            [_("Истёк срок действия в %(year)s году") % {"year": year}, a.expired],
            [_("Истекает в %(year)s году") % {"year": year + 1}, a.expiring_next_year],
            [_("Бездействующих (действуют не меньше года, 12 месяцев без проведённой совместной работы)"), a.dormant],
            [_("Новых (действуют меньше года)"), a.new],
        ],
    )


def agreements(report: AnnualReport) -> Table:
    headers = [
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
        _("Действует с"),
        _("Новое (действует меньше года)"),
        _("Бездействует"),
    ]
    rows = [
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
            yes(r.in_force),
            yes(r.signed_in_year),
            yes(r.terminated_in_year),
            yes(r.expired_in_year),
            yes(r.expiring_next_year),
            r.events,
            r.exhibitions,
            r.contests,
            r.episodes,
            r.activities,
            r.drafts,
            r.activities_last_12_months,
            r.last_activity_on,
            r.in_force_since,
            yes(r.new),
            yes(r.dormant),
        ]
        for r in report.agreements.rows
    ]
    return Table("agreements", _("Соглашения"), headers, rows)


def partners_directions(report: AnnualReport) -> Table:
    m = report.partner_matrix
    headers = [
        _("Партнёр"),
        _("Страна"),
        _("Регион"),
        *[c.label for c in m.columns],
        _("Всего"),
        _("из них неопубликованных"),
    ]
    rows = [[r.name, r.country, r.region, *r.counts, r.total, r.drafts] for r in m.rows]
    rows.append([_("Итого (каждое мероприятие — один раз)"), "", "", *m.totals, m.total, m.total_drafts])
    return Table("partners_directions", _("Партнёры и направления"), headers, rows)


def events_breakdown(report: AnnualReport) -> Table:
    breakdowns = [
        (_("вид"), report.events_by_kind),
        (_("формат"), report.events_by_format),
        (_("уровень"), report.events_by_scope),
    ]
    return Table(
        "events_breakdown",
        _("Мероприятия по видам"),
        [
            _("Значение"),
            _("Разрез"),
            _("Мероприятий"),
            _("из них неопубликованных"),
            _("Участников"),
            _("Мероприятий без данных об участниках"),
        ],
        [[r.label, by, r.count, r.drafts, shown(r.visits), r.no_figure] for by, rows in breakdowns for r in rows],
    )


def directions(report: AnnualReport) -> Table:
    return Table(
        "directions",
        _("По направлениям"),
        [
            _("Направление"),
            _("Проведено"),
            _("из них совместно с партнёрами"),
            _("из них собственных (без партнёров)"),
            _("из них неопубликованных"),
        ],
        [[d.title, d.count, d.joint, d.own, d.drafts] for d in report.directions],
    )


def months(report: AnnualReport) -> Table:
    return Table(
        "months",
        _("По месяцам"),
        [_("Месяц"), *[str(d.column) for d in report.table_order], _("Всего")],
        [[r.label, *r.counts, r.total] for r in report.by_month],
    )


def participants(report: AnnualReport) -> Table:
    p = report.participants
    return Table(
        "participants",
        _("Участники"),
        [_("Показатель"), _("Значение")],
        [
            [_("Участников мероприятий"), shown(p.event_participants)],
            [_("из них участников телемостов"), shown(p.telebridge_participants)],
            [_("Мероприятий с данными об участниках"), p.events_with_figure],
            [_("Мероприятий без данных об участниках"), p.events_without_figure],
            [_("Посетителей выставок"), shown(p.exhibition_visitors)],
            [_("Экскурсий на выставках"), shown(p.exhibition_excursions)],
            [_("Площадок выставок без данных о посетителях"), p.stops_without_visitors],
            [_("Площадок партнёров в совместной работе"), p.partner_sites],
            [_("из них с цифрами (участники, посетители)"), p.partner_figures],
            [_("из них цифры подтвердили сами партнёры"), p.partner_figures_confirmed],
            [_("Работ участников конкурсов"), p.contest_entries],
            [_("из них от участников нашего региона"), p.contest_entries_from_our_region],
            [_("Победителей"), p.contest_winners],
            [_("Призёров"), p.contest_prize_winners],
            [_("Лауреатов"), p.contest_laureates],
            [_("Дипломантов"), p.contest_diplomas],
            [_("Финалистов"), p.contest_finalists],
            *[row for f in p.others for row in _kind_figure_rows(f)],
        ],
    )


def _kind_figure_rows(figure) -> list[list]:
    rows = [[figure.label, shown(figure.value)]]
    if figure.without_figure:
        rows.append([_("из них без данных об участниках"), figure.without_figure])
    return rows


def contests(report: AnnualReport) -> Table:
    headers = [
        _("Конкурс"),
        _("Организатор"),
        _("Партнёры"),
        _("Приём работ с"),
        _("Приём работ до"),
        _("Итоги"),
        _("Работ"),
        _("из нашего региона"),
        _("Победителей"),
        _("Призёров"),
        _("Лауреатов"),
        _("Дипломантов"),
        _("Финалистов"),
        _("Черновик"),
    ]
    rows = [
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
            c.prize_winners,
            c.laureates,
            c.diplomas,
            c.finalists,
            _draft(c.is_draft),
        ]
        for c in report.direction(DIRECTION_CONTESTS).items
    ]
    return Table("contests", str(direction(DIRECTION_CONTESTS).column), headers, rows)


def partners(report: AnnualReport) -> Table:
    pr = report.partners
    rows = [[_("%(country)s — всего") % {"country": c.country}, c.country, c.count] for c in pr.by_country]
    rows += [[c.region, c.country, c.count] for c in pr.by_region]
    rows.append([_("Всего"), "", pr.active])
    return Table("partners", _("Партнёры"), [_("Страна или регион"), _("Страна"), _("Активных партнёров")], rows)


def new_partners(report: AnnualReport) -> Table:
    return Table(
        "new_partners",
        _("Новые партнёры"),
        [_("Партнёр"), _("Страна"), _("Регион"), _("Первое соглашение")],
        [[n.name, n.country, n.region, n.first_signed_on] for n in report.partners.new],
    )


def nk_headers() -> list[str]:
    return [_("Показатель формы 6-НК"), _("Значение"), _("из них неопубликованных")]


def nk_lines(report: AnnualReport) -> list[list]:
    """Form 6-НК lines in the form's wording: the number of events, then visits, each with the same breakdown;
    then how many events lack a visits figure, and the methodological work kept out of the form."""
    visits = {
        "total": _("Число посещений мероприятий — всего"),
        "children": _("из них посещений детьми до 14 лет включительно"),
        "youth": _("из них посещений молодёжью 15–30 лет"),
        "off_site_remote": _("из них посещений вне стационара и удалённо"),
        "remote": _("из них посещений удалённо"),
    }
    nk = report.nk
    lines = [[r.label, r.events, r.drafts] for r in nk.rows]
    lines += [[visits[r.key], shown(r.visits), None] for r in nk.rows]
    lines.append([_("Мероприятий без данных о посещениях"), nk.row("total").no_visits, None])
    m = nk.methodological
    lines.append([m.label, m.events, m.drafts])
    lines.append([_("Посещений мероприятий для специалистов"), shown(m.visits), None])
    return lines


def nk(report: AnnualReport) -> Table:
    return Table("nk", _("Форма 6-НК"), nk_headers(), nk_lines(report))


def _confirmed_sites(event: EventItem) -> str:
    """The partner sites whose own staff entered their participants (the partner portal), with the figure."""
    return "; ".join(
        f"{s.library.name}: {s.participants}" for s in event.sites if s.confirmed and s.participants is not None
    )


def activities(report: AnnualReport) -> Table:
    headers = [
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
        _("Подтвердили свои цифры"),
        _("Черновик"),
    ]
    rows = [
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
            shown(e.participants),
            _confirmed_sites(e),
            _draft(e.is_draft),
        ]
        for d in report.directions
        if d.key in (DIRECTION_EVENTS, DIRECTION_TELEBRIDGES)
        for e in d.items
    ]
    return Table("activities", _("Мероприятия (список)"), headers, rows)


def exhibitions(report: AnnualReport) -> Table:
    headers = [
        _("Выставка"),
        _("Вид"),
        _("Предоставила"),
        _("Партнёры"),
        _("Площадка"),
        _("С"),
        _("По"),
        _("Статус"),
        _("Посетителей"),
        _("Экскурсий"),
        _("Подтверждено партнёром"),
        _("Черновик"),
    ]
    # A stop that did not take place (cancelled, postponed, awaiting confirmation) is marked, and its figures are
    # left out: they count nowhere.
    rows = [
        [
            x.title,
            x.kind_label,
            x.provider,
            ", ".join(x.partners),
            s.venue,
            s.starts_on,
            s.ends_on,
            status_label(s.status),
            shown(s.visitors) if s.status == HELD else None,
            shown(s.excursions) if s.status == HELD else None,
            yes(s.confirmed) if s.status == HELD else "",
            _draft(x.is_draft),
        ]
        for x in report.direction(DIRECTION_EXHIBITIONS).items
        for s in x.stops
    ]
    return Table("exhibitions", str(direction(DIRECTION_EXHIBITIONS).column), headers, rows)


def episodes(report: AnnualReport) -> Table:
    headers = [
        _("Проект"),
        _("Номер"),
        _("Выпуск"),
        _("Традиция"),
        _("Подготовила"),
        _("Опубликован"),
        _("Соглашение"),
        _("Черновик"),
    ]
    rows = [
        [e.project, e.number, e.title, e.tradition, e.library, e.published_on, e.agreement, _draft(e.is_draft)]
        for e in report.direction(DIRECTION_PROJECTS).items
    ]
    return Table("episodes", str(direction(DIRECTION_PROJECTS).column), headers, rows)


def statuses(report: AnnualReport) -> Table:
    return Table(
        "statuses",
        _("Статус за год"),
        [
            _("Направление"),
            _("Проведено"),
            _("Запланировано (ещё впереди)"),
            _("Ждёт подтверждения"),
            _("Отменено"),
            _("Перенесено"),
        ],
        [[r.label, r.held, r.planned, r.awaiting, r.cancelled, r.postponed] for r in report.statuses.rows],
    )


def not_held(report: AnnualReport) -> Table:
    labels = {d.key: str(d.short) for d in report.table_order}
    return Table(
        "not_held",
        _("Не проведено"),
        [_("Название"), _("Направление"), _("Дата"), _("Статус"), _("Что ждёт подтверждения")],
        [[i.title, labels[i.direction], i.day, i.status_label, i.detail] for i in report.statuses.items],
    )


def own(report: AnnualReport) -> Table:
    o = report.own
    rows = [
        [r.label, r.count, r.drafts, shown(r.visits) if r.key in ("events", "telebridges") else None] for r in o.rows
    ]
    rows.append([_("Всего"), o.total, sum(r.drafts for r in o.rows), shown(o.event_participants)])
    return Table(
        "own",
        _("Собственная работа"),
        [_("Направление"), _("Проведено без партнёров"), _("из них неопубликованных"), _("Участников мероприятий")],
        rows,
    )


TABLES: list[Callable[[AnnualReport], Table]] = [
    summary,
    statuses,
    agreement_totals,
    agreements,
    directions,
    partners_directions,
    own,
    events_breakdown,
    months,
    participants,
    contests,
    partners,
    new_partners,
    nk,
    not_held,
    activities,
    exhibitions,
    episodes,
]


def kind_tables(report: AnnualReport) -> list[Table]:
    """A sheet for each kind's own direction the report shows (`core.kinds.ActivityKind.report`): its activities of
    the year, held ones first, then the others with their status."""
    result = []
    for d in report.table_order[len(TABLE_ORDER) :]:
        section = report.direction(d.key)
        items = [*section.items, *section.planned, *section.awaiting, *section.not_held]
        headers = [
            _("Название"),
            _("Начало"),
            _("Окончание"),
            _("Статус"),
            _("Партнёры"),
            _("Участников"),
            _("Соглашение"),
            _("Черновик"),
        ]
        rows = [
            [
                i.title,
                i.first_day,
                i.last_day,
                i.status_label,
                ", ".join(i.partners),
                shown(i.participants) if i.status == HELD else None,
                i.agreement,
                _draft(i.is_draft),
            ]
            for i in items
        ]
        result.append(Table(d.key, str(d.column)[:31], headers, rows))
    return result


def tables(report: AnnualReport) -> list[Table]:
    """Every figure of the report as plain tables (typed cells), in reading order, then a sheet for each kind's own
    direction. Each writer passes every cell through `core.cells.cell()` on its way into the file."""
    return [build(report) for build in TABLES] + kind_tables(report)
