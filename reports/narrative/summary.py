"""The narrative's frame: the introduction (who, with whom, under which agreements, from where), the year's figures
against the year before, the dormant agreements with what to do about them, and the notes for whoever edits the
draft (what is not confirmed, not known, or left out as conditional)."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.utils.translation import gettext as _

from core.models import AWAITING_CONFIRMATION
from reports.data import (
    DIRECTION_CONTESTS,
    DIRECTION_EVENTS,
    DIRECTION_EXHIBITIONS,
    DIRECTION_PROJECTS,
    DIRECTION_TELEBRIDGES,
    HELD,
    AgreementRow,
    AnnualReport,
    ContestItem,
    EventItem,
    ExhibitionItem,
    Figure,
)
from reports.narrative.stories import is_demo, plan_day
from reports.narrative.unsure import DAY, MONTH, YEAR, unsure
from reports.narrative.words import (
    CONTEST,
    COUNTRY_GENITIVE,
    EVENT,
    EXHIBITION,
    HOME_COUNTRY,
    Noun,
    agreement_kind,
    capital,
    count,
    count_acc,
    full_date,
    in_month,
    in_year,
    join_and,
    kind_noun,
    number,
    prose_name,
    quoted,
    span,
)

AGREEMENTS = ("соглашение", "соглашения", "соглашений")
OF_AGREEMENTS = ("соглашения", "соглашений", "соглашений")
WITH_LIBRARIES = ("библиотекой", "библиотеками", "библиотеками")
DEFAULT_KIND = "о профессиональном сотрудничестве"

# The headline figures the narrative names, with the noun each is counted in.
ACTIVITIES = (
    "совместное мероприятие или проект",
    "совместных мероприятия и проекта",
    "совместных мероприятий и проектов",
)
EPISODES = (
    "выпуск просветительских проектов",
    "выпуска просветительских проектов",
    "выпусков просветительских проектов",
)
BY_DIRECTION = [
    ("events", ("мероприятие", "мероприятия", "мероприятий")),
    ("telebridges", ("телемост", "телемоста", "телемостов")),
    ("exhibitions", ("выставка", "выставки", "выставок")),
    ("contests", ("конкурс", "конкурса", "конкурсов")),
    ("episodes", EPISODES),
]
# What each people figure counts, said in full: the summary repeats no figure the text gives otherwise.
PEOPLE = [
    ("event_participants", "участников совместных мероприятий (сумма по площадкам и онлайн-зрителей)"),
    ("exhibition_visitors", "посетителей совместных выставок (на площадках, открывшихся в году)"),
    ("contest_entries", "работ, присланных на совместные конкурсы,"),
    ("partners_active", "библиотек-партнёров, с которыми в году проведена совместная работа,"),
]
# What the host did alone, by direction: the verb and the noun in the accusative.
OWN_DONE = {
    DIRECTION_EVENTS: ("провела", EVENT),
    DIRECTION_TELEBRIDGES: ("провела", kind_noun("telebridge")),
    DIRECTION_EXHIBITIONS: ("организовала", EXHIBITION),
    DIRECTION_CONTESTS: ("провела", CONTEST),
    DIRECTION_PROJECTS: ("опубликовала", Noun("m", EPISODES[0], EPISODES[0], EPISODES[1], EPISODES[2])),
}
# The directions in the genitive plural, for «… в системе не отмечено»: the held work of a direction with none.
NONE_OF = {
    DIRECTION_EVENTS: "профессиональных мероприятий",
    DIRECTION_TELEBRIDGES: "телемостов",
    DIRECTION_EXHIBITIONS: "выставок",
    DIRECTION_CONTESTS: "конкурсов",
    DIRECTION_PROJECTS: "выпусков просветительских проектов",
}
LISTED = 20  # names in one note before «и ещё N»


def figure(report: AnnualReport, key: str) -> Figure | None:
    """A headline figure, or None when the report has none by that key."""
    return next((f for f in report.headline if f.key == key), None)


def _value(value: int | None) -> str:
    return _("нет данных") if value is None else number(value)


def host_name(report: AnnualReport) -> str:
    return prose_name(report.host_full_name, report.host) or _("Библиотека")


def nothing_held(report: AnnualReport) -> bool:
    """Nothing held in the year (demonstrations aside): the text has no work of the year to tell."""
    return not any(not is_demo(i) for d in report.directions for i in d.items)


# --------------------------------------------------------------------------------------------
# The introduction
# --------------------------------------------------------------------------------------------


def _in_force(report: AnnualReport) -> list[AgreementRow]:
    rows = [r for r in report.agreements.rows if r.in_force]
    return sorted(
        rows, key=lambda r: (r.partner_country != HOME_COUNTRY, r.partner_country, r.partner_region, r.partner)
    )


def _partner_name(row: AgreementRow) -> str:
    return prose_name(row.partner_full_name, row.partner)


def _with_whom(rows: list[AgreementRow]) -> str:
    """«с 8 библиотеками России и 2 библиотеками Казахстана»."""
    partners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        partners[row.partner_country].add(row.partner)
    listed = [f"{count(len(names), WITH_LIBRARIES)} {COUNTRY_GENITIVE.get(c, c)}" for c, names in partners.items()]
    return _("с %(list)s") % {"list": join_and(listed)}


def agreement_kinds(rows: list[AgreementRow]) -> dict[str, int]:
    """How many agreements of each kind, by what the title says they are about."""
    kinds: dict[str, int] = defaultdict(int)
    for row in rows:
        kinds[agreement_kind(row.title) or DEFAULT_KIND] += 1
    return dict(sorted(kinds.items(), key=lambda kv: -kv[1]))


def _agreements_sentence(report: AnnualReport, rows: list[AgreementRow]) -> str:
    """«На 31 декабря 2020 года … реализует 10 соглашений с …: 9 — о профессиональном сотрудничестве, 1 — о
    взаимодействии в проведении межрегиональных мероприятий.»: each agreement by its own kind."""
    day, host = full_date(report.agreements.as_of), host_name(report)
    if not rows:
        return _("На %(day)s действующих соглашений о сотрудничестве нет.") % {"day": day}
    kinds = agreement_kinds(rows)
    if len(kinds) == 1:
        (kind,) = kinds
        return _("На %(day)s %(host)s реализует %(n)s %(kind)s %(with)s.") % {
            "day": day,
            "host": host,
            "n": count(len(rows), AGREEMENTS),
            "kind": kind,
            "with": _with_whom(rows),
        }
    listed = "; ".join(f"{number(n)} — {kind}" for kind, n in kinds.items())
    return _("На %(day)s %(host)s реализует %(n)s %(with)s: %(list)s.") % {
        "day": day,
        "host": host,
        "n": count(len(rows), AGREEMENTS),
        "with": _with_whom(rows),
        "list": listed,
    }


def _geography(rows: list[AgreementRow]) -> str:
    regions: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.partner_region and row.partner_region not in regions[row.partner_country]:
            regions[row.partner_country].append(row.partner_region)
    listed = [f"{country} — {', '.join(sorted(names))}" for country, names in regions.items() if names]
    return _("География сотрудничества: %(list)s.") % {"list": "; ".join(listed)} if listed else ""


def _signed(row: AgreementRow) -> str:
    """When the agreement was signed, as far as staff are sure: «от 22 августа 2018 года», «подписано в августе
    2018 года», «подписано в 2019 году», or nothing."""
    sure = unsure(row.notes)
    if sure.date == DAY:
        return _("от %(day)s") % {"day": full_date(row.signed_on)}
    if sure.date == MONTH:
        return _("подписано %(when)s") % {"when": in_month(row.signed_on)}
    if sure.date == YEAR:
        return _("подписано %(when)s") % {"when": in_year(row.signed_on.year)}
    return ""


def _partner_lines(rows: list[AgreementRow]) -> list[str]:
    """«Томская областная детско-юношеская библиотека (Томская область, Россия) — соглашение о профессиональном
    сотрудничестве, подписано в 2019 году», a partner once."""
    signed: dict[str, list[AgreementRow]] = defaultdict(list)
    for row in rows:
        signed[row.partner].append(row)
    lines = []
    for own in signed.values():
        where = ", ".join(p for p in (own[0].partner_region, own[0].partner_country) if p)
        said = []
        for row in sorted(own, key=lambda r: r.signed_on):
            kind = agreement_kind(row.title) or DEFAULT_KIND
            signed_when = _signed(row)
            glue = ", " if signed_when.startswith(_("подписано")) else " "
            said.append(_("соглашение %(kind)s") % {"kind": kind} + (glue + signed_when if signed_when else ""))
        lines.append(f"{_partner_name(own[0])} ({where}) — {'; '.join(said)}")
    return lines


def _changes(report: AnnualReport) -> str:
    """The agreements signed in the year (whose year staff are sure of) and those that ended in it."""
    rows, said = report.agreements.rows, []
    signed = [r for r in rows if r.signed_in_year and unsure(r.notes).date in (DAY, MONTH, YEAR)]
    ended = [r for r in rows if r.terminated_in_year or r.expired_in_year]
    if signed:
        text = _("В %(year)s году подписано %(n)s; партнёр — %(list)s.")
        if len({r.partner for r in signed}) > 1:
            text = _("В %(year)s году подписано %(n)s; партнёры — %(list)s.")
        said.append(text % {"year": report.year, "n": count(len(signed), AGREEMENTS), "list": _partner_names(signed)})
    if ended:
        text = _("Завершилось действие %(n)s; партнёр — %(list)s.")
        if len({r.partner for r in ended}) > 1:
            text = _("Завершилось действие %(n)s; партнёры — %(list)s.")
        said.append(text % {"n": count(len(ended), OF_AGREEMENTS), "list": _partner_names(ended)})
    return " ".join(said)


def _partner_names(rows: list[AgreementRow]) -> str:
    return join_and(list(dict.fromkeys(_partner_name(r) for r in rows)))


def intro(report: AnnualReport) -> tuple[list[str], list[str]]:
    """The opening paragraphs, and the partners under the agreements in force (a list, like the article's)."""
    rows = _in_force(report)
    paragraphs = [_agreements_sentence(report, rows)]
    if nothing_held(report):
        current = report.as_of < datetime.date(report.year, 12, 31)
        text = _("Данных о проведённой совместной работе в %(year)s году в системе нет.")
        if current:
            text = _("Данных о проведённой совместной работе в %(year)s году в системе пока нет.")
        paragraphs.append(text % {"year": report.year})
    else:
        paragraphs.append(none_held_sentence(report))
    paragraphs += [_geography(rows), _changes(report)]
    paragraphs = [p for p in paragraphs if p]
    if rows:
        paragraphs.append(_("Партнёры по действующим соглашениям:"))
    return paragraphs, _partner_lines(rows)


def none_held_sentence(report: AnnualReport) -> str:
    """The directions with no held work in a year that has some: said once, not a chapter each."""
    empty = [d for d in report.directions if not any(not is_demo(i) for i in d.items)]
    if not empty or len(empty) == len(report.directions):
        return ""
    names = [NONE_OF.get(d.key, str(d.title).lower()) for d in empty]
    return _("В %(year)s году %(list)s в системе не отмечено.") % {"list": join_and(names), "year": report.year}


# --------------------------------------------------------------------------------------------
# The year against the year before
# --------------------------------------------------------------------------------------------


def _against(f: Figure, year: int) -> str:
    """«на 12 больше, чем в 2019 году (15)»."""
    if f.value is None or f.previous is None:
        return ""
    before = year - 1
    if f.value == f.previous:
        return _("столько же, сколько в %(year)s году") % {"year": before}
    if f.value > f.previous:
        text = _("на %(n)s больше, чем в %(year)s году (%(was)s)")
    else:
        text = _("на %(n)s меньше, чем в %(year)s году (%(was)s)")
    return text % {"n": number(abs(f.value - f.previous)), "year": before, "was": number(f.previous)}


def _total(report: AnnualReport, total: Figure) -> str:
    """«В 2020 году вместе с партнёрами проведено 12 совместных мероприятий и проектов — на 5 больше, … : 6
    мероприятий (в 2019 году — 4), 2 телемоста (1) …»."""
    year = report.year
    if total.value == 0:
        said = _(
            "В %(year)s году проведённой совместной работы с партнёрами в системе нет (в %(before)s году — %(n)s)."
        )
        return said % {"year": year, "before": year - 1, "n": _value(total.previous)}
    parts = []
    for key, forms in BY_DIRECTION:
        f = figure(report, key)
        if f is not None and f.value:
            if parts:
                was = f" ({_value(f.previous)})"
            else:
                was = " (" + _("в %(year)s году — %(n)s") % {"year": year - 1, "n": _value(f.previous)} + ")"
            parts.append(count(f.value, forms) + was)
    against = _against(total, year)
    said = _("В %(year)s году вместе с партнёрами проведено %(n)s%(against)s") % {
        "year": year,
        "n": count(total.value, ACTIVITIES),
        "against": f" — {against}" if against else "",
    }
    return f"{said}: {', '.join(parts)}." if parts else f"{said}."


def _own_sentence(report: AnnualReport) -> str:
    """What the host did alone, named by direction: «Без участия партнёров библиотека организовала 1 выставку и
    опубликовала 10 выпусков просветительских проектов.»"""
    done = []
    for row in report.own.rows:
        if not row.count:
            continue
        verb, noun = OWN_DONE.get(row.key, ("провела", EVENT))
        done.append((verb, count_acc(row.count, noun)))
    if not done:
        return ""
    phrases, last_verb = [], None
    for verb, what in done:
        phrases.append(what if verb == last_verb else f"{verb} {what}")
        last_verb = verb
    return _("Без участия партнёров библиотека %(list)s.") % {"list": join_and(phrases)}


def _uncertain_figures(report: AnnualReport) -> bool:
    return any(
        unsure(i.notes).figures for d in report.directions for i in d.items if i.partner_libraries and not is_demo(i)
    )


def conclusion(report: AnnualReport) -> list[str]:
    """The year's key figures against the year before, each saying what it counts: the joint work by direction, the
    host's own, people and partners. Nothing for a year with no data in it or the one before."""
    year, paragraphs = report.year, []
    total = figure(report, "activities")
    if total is not None and total.value is not None and (total.value or total.previous):
        paragraphs.append(_total(report, total))
    own = _own_sentence(report)
    if own:
        paragraphs.append(own)
    people = []
    for key, label in PEOPLE:
        f = figure(report, key)
        if f is not None and (f.value or f.previous):
            people.append(
                _("%(label)s — %(n)s (в %(year)s году — %(was)s)")
                % {"label": label, "n": _value(f.value), "year": year - 1, "was": _value(f.previous)}
            )
    if people:
        paragraphs.append(capital("; ".join(people)) + ".")
    if people and _uncertain_figures(report):
        paragraphs.append(
            _(
                "Часть этих цифр в системе отмечена как условная: в тексте выше они не приводятся, в итоги вошли "
                "все внесённые данные."
            )
        )
    return paragraphs


# --------------------------------------------------------------------------------------------
# Dormant agreements
# --------------------------------------------------------------------------------------------


def dormant_paragraphs(report: AnnualReport) -> tuple[list[str], list[str], list[str]]:
    """The agreements in force a year or more under which nothing was held in the last 12 months, each with the year
    of its last joint work, and what to do about them: the lead, the list, the advice."""
    rows = sorted((r for r in report.agreements.rows if r.dormant), key=lambda r: _partner_name(r))
    if not rows:
        return [], [], []
    day = full_date(report.agreements.as_of)
    one = len(rows) == 1
    lead = (
        _("По %(n)s за 12 месяцев до %(day)s не проведено ни одного совместного дела, хотя оно действует больше года:")
        if one
        else _(
            "По %(n)s за 12 месяцев до %(day)s не проведено ни одного совместного дела, хотя они действуют больше года:"
        )
    ) % {"n": count(len(rows), ("соглашению", "соглашениям", "соглашениям")), "day": day}
    # Grouped by the year of the last joint work, each partner named once: a list a manager acts on.
    by_year: dict[int | None, list[str]] = defaultdict(list)
    for row in rows:
        kind = agreement_kind(row.title) or DEFAULT_KIND
        other = "" if kind == DEFAULT_KIND else " (" + _("соглашение %(kind)s") % {"kind": kind} + ")"
        by_year[row.last_activity_on.year if row.last_activity_on else None].append(_partner_name(row) + other)
    lines = [
        _("последняя совместная работа — в %(year)s году: %(list)s") % {"year": year, "list": "; ".join(names)}
        for year, names in sorted((y, n) for y, n in by_year.items() if y is not None)
    ]
    if None in by_year:
        lines.append(_("совместной работы ещё не было: %(list)s") % {"list": "; ".join(by_year[None])})
    lines = [capital(line) for line in lines]
    advice = (
        _(
            "С этой библиотекой стоит связаться: согласовать план совместной работы на следующий год или решить, "
            "сохранять ли соглашение."
        )
        if one
        else _(
            "С этими библиотеками стоит связаться: согласовать планы совместной работы на следующий год или решить, "
            "сохранять ли соглашения."
        )
    )
    return [lead], lines, [advice]


# --------------------------------------------------------------------------------------------
# Plans, and the notes for the editor
# --------------------------------------------------------------------------------------------


def planned_items(report: AnnualReport) -> list:
    """What is still ahead: the rest of the year, and what was postponed to a later day (demonstrations aside)."""
    items = [i for d in report.directions for i in d.planned if not is_demo(i)]
    later = [
        i
        for d in report.directions
        for i in d.not_held
        if i.rescheduled_to is not None and i.rescheduled_to > report.as_of and not is_demo(i)
    ]
    return sorted(items, key=plan_day) + sorted(later, key=lambda i: i.rescheduled_to)


def _day(item) -> str:
    day = plan_day(item)
    if isinstance(item, ExhibitionItem) and item.last_day != item.first_day:
        return span(item.first_day, item.last_day)
    return full_date(day) if day else ""


def _titles(items: list) -> str:
    shown = [f"{quoted(i.title)}" for i in items[:LISTED]]
    more = len(items) - LISTED
    return ", ".join(shown) + (_(" и ещё %(n)s") % {"n": number(more)} if more > 0 else "")


def _gaps(report: AnnualReport) -> list[str]:
    """Activities the text leaves out, each named: unconfirmed, cancelled, postponed with no later day; and the
    stops of a held exhibition still unconfirmed. A long list names the first ones and counts the rest."""
    notes = []
    for d in report.directions:
        for item in d.awaiting:
            notes.append(
                _("%(title)s, %(day)s: дата прошла, а статус не подтверждён — в тексте не упомянуто.")
                % {"title": quoted(item.title), "day": _day(item)}
            )
        for item in d.not_held:
            if item.rescheduled_to is None or item.rescheduled_to <= report.as_of:
                notes.append(
                    _("%(title)s, %(day)s: %(status)s — в тексте не упомянуто.")
                    % {"title": quoted(item.title), "day": _day(item), "status": item.status_label}
                )
        for item in d.items:
            for stop in item.stops if isinstance(item, ExhibitionItem) else []:
                if stop.status == AWAITING_CONFIRMATION:
                    notes.append(
                        _("Выставка %(title)s, площадка %(venue)s (%(span)s): статус не подтверждён.")
                        % {"title": quoted(item.title), "venue": stop.venue, "span": span(stop.starts_on, stop.ends_on)}
                    )
    if len(notes) > LISTED:
        more = _("И ещё %(n)s — полный список в таблице «Не проведено» (файл XLSX).") % {
            "n": number(len(notes) - LISTED)
        }
        notes = notes[:LISTED] + [more]
    return notes


def _conditional(report: AnnualReport) -> list[str]:
    """What the text leaves out or marks because staff's notes call it conditional, and the demonstrations."""
    dates, figures, kinds, names, demos = [], [], [], [], []
    for d in report.directions:
        for item in [*d.items, *d.planned]:
            sure = unsure(item.notes)
            if sure.demo:
                demos.append(item)
                continue
            if sure.date != DAY:
                dates.append(item)
            if sure.figures:
                figures.append(item)
            if sure.kind:
                kinds.append(item)
            if sure.names and isinstance(item, ContestItem):
                names.append(item)
    notes = []
    if dates:
        notes.append(
            _(
                "Даты отмечены в заметках как условные, в тексте названы лишь год или месяц, если они известны: "
                "%(list)s."
            )
            % {"list": _titles(dates)}
        )
    if figures:
        notes.append(_("Цифры отмечены как условные и в тексте не приводятся: %(list)s.") % {"list": _titles(figures)})
    if kinds:
        notes.append(_("Вид отмечен как условный, в тексте — «мероприятие»: %(list)s.") % {"list": _titles(kinds)})
    if names:
        notes.append(
            _("Имена участников демонстрационные, в тексте не названы ни они, ни итоги: %(list)s.")
            % {"list": _titles(names)}
        )
    if demos:
        notes.append(_("Демонстрационные записи в текст не вошли: %(list)s.") % {"list": _titles(demos)})
    return notes


def editor_notes(report: AnnualReport) -> list[str]:
    """What to check before sending: unconfirmed or cancelled activities, drafts, figures nobody entered, what the
    text left out as conditional."""
    notes = _gaps(report)
    held = [i for d in report.directions for i in d.items]
    drafts = [i for i in held if i.is_draft]
    if drafts:
        notes.append(_("Не опубликованы на сайте, но в тексте упомянуты: %(list)s.") % {"list": _titles(drafts)})
    silent = [i for i in held if isinstance(i, EventItem) and i.participants is None]
    if silent:
        notes.append(_("Не указано число участников: %(list)s.") % {"list": _titles(silent)})
    unseen = [
        i
        for i in held
        if isinstance(i, ExhibitionItem) and i.stops and all(s.visitors is None for s in i.stops if s.status == HELD)
    ]
    if unseen:
        notes.append(_("Не указано число посетителей: %(list)s.") % {"list": _titles(unseen)})
    return notes + _conditional(report)
