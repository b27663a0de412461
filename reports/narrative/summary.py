"""The narrative's frame: the introduction (who, with whom, from where), the year's figures against the year
before, and the notes for whoever edits the draft (what is not confirmed or not known)."""

from __future__ import annotations

from collections import defaultdict

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.models import AWAITING_CONFIRMATION
from reports.data import HELD, AgreementRow, AnnualReport, EventItem, ExhibitionItem, Figure
from reports.narrative.stories import plan_day
from reports.narrative.words import (
    COUNTRY_GENITIVE,
    HOME_COUNTRY,
    capital,
    count,
    full_date,
    join_and,
    number,
    quoted,
    span,
)

AGREEMENTS = ("соглашение", "соглашения", "соглашений")
OF_AGREEMENTS = ("соглашения", "соглашений", "соглашений")
WITH_LIBRARIES = ("библиотекой", "библиотеками", "библиотеками")

# The headline figures the narrative names, with the noun each is counted in.
ACTIVITIES = (
    "совместное мероприятие или проект",
    "совместных мероприятия и проекта",
    "совместных мероприятий и проектов",
)
BY_DIRECTION = [
    ("events", ("мероприятие", "мероприятия", "мероприятий")),
    ("telebridges", ("телемост", "телемоста", "телемостов")),
    ("exhibitions", ("выставка", "выставки", "выставок")),
    ("contests", ("конкурс", "конкурса", "конкурсов")),
    (
        "episodes",
        ("выпуск просветительских проектов", "выпуска просветительских проектов", "выпусков просветительских проектов"),
    ),
]
PEOPLE = [
    ("event_participants", gettext_lazy("участников мероприятий")),
    ("exhibition_visitors", gettext_lazy("посетителей выставок")),
    ("contest_entries", gettext_lazy("работ участников конкурсов")),
]
LISTED = 20  # names in one note before «и ещё N»


def figure(report: AnnualReport, key: str) -> Figure | None:
    """A headline figure, or None when the report has none by that key."""
    return next((f for f in report.headline if f.key == key), None)


def _value(value: int | None) -> str:
    return _("нет данных") if value is None else number(value)


# --------------------------------------------------------------------------------------------
# The introduction
# --------------------------------------------------------------------------------------------


def _in_force(report: AnnualReport) -> list[AgreementRow]:
    rows = [r for r in report.agreements.rows if r.in_force]
    return sorted(
        rows, key=lambda r: (r.partner_country != HOME_COUNTRY, r.partner_country, r.partner_region, r.partner)
    )


def _with_whom(rows: list[AgreementRow]) -> str:
    """«с 8 библиотеками России и 2 библиотеками Казахстана»."""
    partners: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        partners[row.partner_country].add(row.partner)
    listed = [f"{count(len(names), WITH_LIBRARIES)} {COUNTRY_GENITIVE.get(c, c)}" for c, names in partners.items()]
    return _("с %(list)s") % {"list": join_and(listed)}


def _done_together(report: AnnualReport) -> str:
    total = figure(report, "activities")
    if total is None or not total.value:
        return ""
    parts = []
    for key, forms in BY_DIRECTION:
        f = figure(report, key)
        if f is not None and f.value:
            parts.append(count(f.value, forms))
    listed = f": {join_and(parts)}" if parts else ""
    return _("В %(year)s году вместе с партнёрами проведено %(n)s%(list)s.") % {
        "year": report.year,
        "n": count(total.value, ACTIVITIES),
        "list": listed,
    }


def _done_alone(report: AnnualReport) -> str:
    alone = report.own.total
    if not alone:
        return ""
    return _("Ещё %(n)s (включая выставки и выпуски проектов) библиотека провела без участия партнёров.") % {
        "n": count(alone, ("мероприятие", "мероприятия", "мероприятий"))
    }


def _geography(rows: list[AgreementRow]) -> str:
    regions: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        if row.partner_region and row.partner_region not in regions[row.partner_country]:
            regions[row.partner_country].append(row.partner_region)
    listed = [f"{country} — {', '.join(sorted(names))}" for country, names in regions.items() if names]
    return _("География сотрудничества: %(list)s.") % {"list": "; ".join(listed)} if listed else ""


def _partner_lines(rows: list[AgreementRow]) -> list[str]:
    """«Томская ОДЮБ (Томская область, Россия) — соглашение от 10 мая 2019 года», a partner once."""
    signed: dict[str, list[AgreementRow]] = defaultdict(list)
    for row in rows:
        signed[row.partner].append(row)
    lines = []
    for partner, own in signed.items():
        where = ", ".join(p for p in (own[0].partner_region, own[0].partner_country) if p)
        days = join_and([full_date(r.signed_on) for r in sorted(own, key=lambda r: r.signed_on)])
        text = (
            _("%(partner)s (%(where)s) — соглашение от %(days)s")
            if len(own) == 1
            else _("%(partner)s (%(where)s) — соглашения от %(days)s")
        )
        lines.append(text % {"partner": partner, "where": where, "days": days})
    return lines


def _changes(report: AnnualReport) -> str:
    """The agreements signed in the year and those that ended in it, with their partners (each named once)."""
    rows, said = report.agreements.rows, []
    signed = [r for r in rows if r.signed_in_year]
    ended = [r for r in rows if r.terminated_in_year or r.expired_in_year]
    if signed:
        said.append(
            _("В %(year)s году подписано %(n)s; партнёры — %(list)s.")
            % {"year": report.year, "n": count(len(signed), AGREEMENTS), "list": _partner_names(signed)}
        )
    if ended:
        said.append(
            _("Завершилось действие %(n)s; партнёры — %(list)s.")
            % {"n": count(len(ended), OF_AGREEMENTS), "list": _partner_names(ended)}
        )
    return " ".join(said)


def _partner_names(rows: list[AgreementRow]) -> str:
    return ", ".join(dict.fromkeys(r.partner for r in rows))


def intro(report: AnnualReport) -> tuple[list[str], list[str]]:
    """The opening paragraphs, and the partners under the agreements in force (a list, like the article's)."""
    rows = _in_force(report)
    host = report.host or _("Библиотека")
    if rows:
        first = _("На %(day)s %(host)s реализует %(n)s о профессиональном сотрудничестве %(with)s.") % {
            "day": full_date(report.agreements.as_of),
            "host": host,
            "n": count(len(rows), AGREEMENTS),
            "with": _with_whom(rows),
        }
    else:
        first = _("На %(day)s действующих соглашений о профессиональном сотрудничестве нет.") % {
            "day": full_date(report.agreements.as_of)
        }
    paragraphs = [" ".join(p for p in (first, _done_together(report), _done_alone(report)) if p)]
    paragraphs += [p for p in (_geography(rows), _changes(report)) if p]
    if rows:
        paragraphs.append(_("Партнёры по действующим соглашениям:"))
    return paragraphs, _partner_lines(rows)


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


def _total(total: Figure, year: int) -> str:
    """«В 2020 году вместе с партнёрами проведено 12 совместных мероприятий и проектов — на 5 больше, …»."""
    if total.value == 0:
        was = _(" (в %(year)s году — %(n)s)") % {"year": year - 1, "n": _value(total.previous)}
        return _("В %(year)s году совместных мероприятий и проектов с партнёрами не было%(was)s.") % {
            "year": year,
            "was": was if total.previous else "",
        }
    against = _against(total, year)
    return _("В %(year)s году вместе с партнёрами проведено %(n)s%(against)s.") % {
        "year": year,
        "n": count(total.value, ACTIVITIES),
        "against": f" — {against}" if against else "",
    }


def conclusion(report: AnnualReport) -> list[str]:
    """The year's key figures against the year before: the joint work, by direction, people and partners."""
    year, paragraphs = report.year, []
    total = figure(report, "activities")
    if total is not None and total.value is not None:
        paragraphs.append(_total(total, year))
    parts = []
    for key, forms in BY_DIRECTION:
        f = figure(report, key)
        if f is not None and f.value is not None and (f.value or f.previous):
            parts.append(f"{count(f.value, forms)} ({_value(f.previous)})")
    if parts:
        paragraphs.append(
            _("По направлениям (в скобках — %(year)s год): %(list)s.") % {"year": year - 1, "list": ", ".join(parts)}
        )
    people = []
    for key, label in [*PEOPLE, ("partners_active", gettext_lazy("активных партнёров"))]:
        f = figure(report, key)
        if f is not None:
            people.append(
                _("%(label)s — %(n)s (в %(year)s году — %(was)s)")
                % {"label": label, "n": _value(f.value), "year": year - 1, "was": _value(f.previous)}
            )
    if people:
        paragraphs.append(capital("; ".join(people)) + ".")
    return paragraphs


# --------------------------------------------------------------------------------------------
# Plans, and the notes for the editor
# --------------------------------------------------------------------------------------------


def planned_items(report: AnnualReport) -> list:
    """What is still ahead: the rest of the year, and what was postponed to a later day."""
    items = [i for d in report.directions for i in d.planned]
    later = [
        i
        for d in report.directions
        for i in d.not_held
        if i.rescheduled_to is not None and i.rescheduled_to > report.as_of
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


def editor_notes(report: AnnualReport) -> list[str]:
    """What to check before sending: unconfirmed or cancelled activities, drafts, figures nobody entered."""
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
    return notes
