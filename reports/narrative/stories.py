"""What was done, told per activity: the paragraphs of each direction's chapter and of «Планы».

Held activities are told in the past tense, planned ones in the future; nothing here says «проведено» of an
activity that was not held, because only a direction's held items reach the past-tense builders.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from itertools import groupby

from django.utils.translation import gettext as _

from core.kinds import kind_by_key
from core.models import Status
from reports.data import (
    HELD,
    TELEBRIDGE,
    AwardItem,
    ContestItem,
    EpisodeItem,
    EventItem,
    ExhibitionItem,
    Guest,
    KindItem,
    LibraryRef,
    SiteItem,
    StopItem,
)
from reports.narrative.words import (
    CONTEST,
    EPISODE,
    EXHIBITION,
    HOME_COUNTRY,
    IT_LOC,
    PASSED,
    POSTPONED,
    F,
    M,
    N,
    Noun,
    agree,
    capital,
    count,
    day_month,
    format_phrase,
    format_short,
    full_date,
    join_and,
    kind_noun,
    number,
    occupations,
    quoted,
    sentence,
    span,
    what,
)

PLANNED = Status.PLANNED.value
NOT_HELD = (Status.CANCELLED.value, Status.POSTPONED.value)
ONLINE_CONTEST = Noun(M, "интернет-конкурс", "интернет-конкурс", "интернет-конкурса", "интернет-конкурсов")
PARTICIPANTS = ("участник", "участника", "участников")
VISITORS = ("посетитель", "посетителя", "посетителей")
AWARDS_NAMED = 10  # a contest's awarded entrants named in the text; the rest are counted


# --------------------------------------------------------------------------------------------
# Libraries, people and staff's own words
# --------------------------------------------------------------------------------------------


def where(lib: LibraryRef) -> str:
    """«г. Томск», «г. Усть-Каменогорск, Казахстан»: the country only when it is not the home one."""
    parts = [f"г. {lib.city}"] if lib.city else []
    if lib.country and lib.country != HOME_COUNTRY:
        parts.append(lib.country)
    return ", ".join(parts)


def named(lib: LibraryRef, *extra: str) -> str:
    """«Томская ОДЮБ (г. Томск)»; the host by its name alone, as the report is its own."""
    inside = ", ".join(part for part in ([] if lib.is_host else [where(lib)]) + list(extra) if part)
    return f"{lib.name} ({inside})" if inside else lib.name


def named_inline(lib: LibraryRef) -> str:
    """«ХКДБ им. Н.Д. Наволочкина, г. Хабаровск»: for a name already inside brackets."""
    place = "" if lib.is_host else where(lib)
    return f"{lib.name}, {place}" if place else lib.name


def at(lib: LibraryRef) -> str:
    """Where something was on show: «в г. Кемерово (Библиотека Кузбасса для детей и молодёжи)»."""
    place = where(lib)
    return _("в %(place)s (%(name)s)") % {"place": place, "name": lib.name} if place else lib.name


def guests_sentence(guests: list[Guest], of: str = "") -> str:
    """«Гости — детские писатели Вера Леонидовна Лаврина и Наталья Семёновна Матвеева.»

    Guests of one occupation are named together after it, in the plural when the words are known; otherwise
    each is named with their own: «Гость — Лиля Калаус, писатель, поэт, публицист.»"""
    if not guests:
        return ""
    by_occupation: dict[str, list[Guest]] = defaultdict(list)
    for guest in guests:
        by_occupation[guest.occupation].append(guest)
    groups = []
    for occupation, people in by_occupation.items():
        names = [f"{g.name} ({g.place})" if g.place else g.name for g in people]
        together = occupations(occupation) if len(people) > 1 else ""
        if together:
            groups.append(f"{together} {join_and(names)}")
        else:
            groups += [f"{name}, {occupation}" if occupation else name for name in names]
    label = _("Гость") if len(guests) == 1 else _("Гости")
    if of:
        label = _("%(label)s мероприятия %(title)s") % {"label": label, "title": of}
    joined = "; ".join(groups) if len(groups) > 1 and any(by_occupation) else join_and(groups)
    return sentence(f"{label} — {joined}")


def paragraphs_of(text: str, lead: str = "") -> list[str]:
    """Staff's text as paragraphs (a blank line or a line break parts them), the first after `lead`."""
    parts = [sentence(line) for line in text.replace("\r", "").split("\n") if line.strip()]
    if parts and lead:
        parts[0] = f"{lead} {parts[0]}"
    return parts


def results_paragraphs(results: str, of: str = "") -> list[str]:
    lead = _("Итоги %(of)s:") % {"of": of} if of else _("Итоги:")
    return paragraphs_of(results, lead)


def _attendance(total: int | None) -> str:
    return _("Число участников — %(n)s.") % {"n": number(total)} if total is not None else ""


def _site(site: SiteItem) -> str:
    figure = count(site.participants, PARTICIPANTS) if site.participants is not None else ""
    return named(site.library, figure)


def _partners_of(item: EventItem) -> list[LibraryRef]:
    """The libraries taking part besides the organiser."""
    organiser = item.organiser_library.id if item.organiser_library else None
    return [s.library for s in item.sites if s.library.id != organiser]


def _host_took_part(item: EventItem) -> bool:
    return any(s.library.is_host for s in item.sites)


# --------------------------------------------------------------------------------------------
# Events and telebridges
# --------------------------------------------------------------------------------------------


def event_lead(item: EventItem, future: bool = False) -> str:
    """«26 ноября 2020 года в онлайн-формате прошла межрегиональная стратегическая сессия «…».»"""
    noun = kind_noun(item.kind)
    fmt = "" if item.kind == TELEBRIDGE and item.format == "online" else format_phrase(item.format)
    verb = _("пройдёт") if future else PASSED[noun.gender]
    words = " ".join(p for p in (full_date(item.starts_on), fmt, verb, what(noun, item.scope)) if p)
    return f"{words} {quoted(item.title)}."


def _who(item: EventItem) -> str:
    """The organiser, unless it is the host, and the others: telebridges name every site with its count."""
    org = item.organiser_library
    said = []
    if org is not None and not org.is_host:
        said.append(_("Организатор — %(org)s.") % {"org": named(org)})
    if item.kind == TELEBRIDGE and item.sites:
        said.append(_("Площадки: %(sites)s.") % {"sites": "; ".join(_site(s) for s in item.sites)})
        return " ".join(said)
    said.append(_partners_sentence(item))
    if org is not None and not org.is_host and _host_took_part(item):
        said.append(
            _("Специалисты нашей библиотеки приняли в %(it)s участие.") % {"it": IT_LOC[kind_noun(item.kind).gender]}
        )
    return " ".join(said)


def _partners_sentence(item: EventItem) -> str:
    """«Партнёр — ЦГДБ им. А.П. Гайдара (г. Москва).»: the partner libraries taking part besides the organiser."""
    others = [named(lib) for lib in _partners_of(item) if not lib.is_host]
    if not others:
        return ""
    label = _("Партнёр") if len(others) == 1 else _("Партнёры")
    return f"{label} — {join_and(others)}."


def event_story(item: EventItem) -> list[str]:
    """An event told on its own: what, when, who, how many, the guests; then staff's description and results."""
    said = (event_lead(item), _who(item), _attendance(item.participants), guests_sentence(item.guests))
    first = " ".join(p for p in said if p)
    return [first, *paragraphs_of(item.description), *results_paragraphs(item.results)]


def _listed(item: EventItem) -> str:
    """«международную конференцию «…» (19 ноября 2020 года, онлайн, 120 участников)»."""
    noun = kind_noun(item.kind)
    figure = count(item.participants, PARTICIPANTS) if item.participants is not None else ""
    when = ", ".join(p for p in (full_date(item.starts_on), format_short(item.format), figure) if p)
    return f"{what(noun, item.scope, 'acc')} {quoted(item.title)} ({when})"


def partner_group_story(organiser: LibraryRef, items: list[EventItem]) -> list[str]:
    """The events one partner organised, in one paragraph, the way the article lists them: what, when, how many
    took part, who else, the guests; then the results staff wrote."""
    said = [_("%(org)s провела %(list)s.") % {"org": named(organiser), "list": join_and([_listed(i) for i in items])}]
    joined = [i for i in items if _host_took_part(i)]
    genders = {kind_noun(i.kind).gender for i in items}
    if len(items) == 1 and joined:
        it = IT_LOC[genders.pop()]
        said.append(_("Специалисты нашей библиотеки приняли в %(it)s участие.") % {"it": it})
    elif len(joined) == len(items):
        each = _("каждой") if genders == {F} else _("каждом")
        said.append(_("Специалисты нашей библиотеки приняли участие в %(each)s из них.") % {"each": each})
    elif joined:
        titles = join_and([f"{quoted(i.title)}" for i in joined])
        which = _("в мероприятии") if len(joined) == 1 else _("в мероприятиях")
        said.append(
            _("Специалисты нашей библиотеки участвовали %(which)s %(titles)s.") % {"which": which, "titles": titles}
        )
    others = []
    for item in items:
        others += [named(lib) for lib in _partners_of(item) if not lib.is_host and named(lib) not in others]
    if others:
        said.append(_("Среди участников — %(list)s.") % {"list": join_and(others)})
    said += [guests_sentence(i.guests, of=f"{quoted(i.title)}" if len(items) > 1 else "") for i in items]
    paragraphs = [" ".join(s for s in said if s)]
    for item in items:
        paragraphs += results_paragraphs(item.results, of=f"{quoted(item.title)}")
    return paragraphs


def _kinds_breakdown(items: list[EventItem]) -> str:
    by_kind: dict[str, int] = defaultdict(int)
    for item in items:
        by_kind[item.kind] += 1
    ordered = sorted(by_kind.items(), key=lambda kv: (-kv[1], kind_noun(kv[0]).one))
    return join_and([count(n, kind_noun(kind)) for kind, n in ordered])


def events_chapter(items: list[EventItem], year: int) -> list[str]:
    """The professional events in date order: those the host organised each told in full, those of a partner
    listed together under its name (as the article does: what, when, in what form)."""
    noun = Noun(N, "мероприятие", "мероприятие", "мероприятия", "мероприятий")
    intro = _("В %(year)s году по этому направлению проведено %(n)s") % {"year": year, "n": count(len(items), noun)}
    kinds = {i.kind for i in items}
    intro += f": {_kinds_breakdown(items)}." if len(kinds) > 1 else "."
    blocks: list[tuple[datetime.date, list[str]]] = []
    by_organiser: dict[int, list[EventItem]] = defaultdict(list)
    for item in items:
        org = item.organiser_library
        if org is None or org.is_host:
            blocks.append((item.starts_on, event_story(item)))
        else:
            by_organiser[org.id].append(item)
    for group in by_organiser.values():
        blocks.append((group[0].starts_on, partner_group_story(group[0].organiser_library, group)))
    blocks.sort(key=lambda block: block[0])
    return [intro] + [p for _day, story in blocks for p in story]


def telebridges_chapter(items: list[EventItem], year: int) -> list[str]:
    held = agree(len(items), M, {M: "проведён", F: "проведена", N: "проведено"}, "проведено")
    intro = _("В %(year)s году %(verb)s %(n)s.") % {
        "year": year,
        "verb": held,
        "n": count(len(items), kind_noun(TELEBRIDGE)),
    }
    return [intro] + [p for item in items for p in event_story(item)]


# --------------------------------------------------------------------------------------------
# Exhibitions
# --------------------------------------------------------------------------------------------


def _stop(stop: StopItem, with_dates: bool = True) -> str:
    """«г. Кемерово (Библиотека Кузбасса для детей и молодёжи), с 3 февраля по 20 марта 2020 года, 850 посетителей»."""
    lib = stop.library
    parts = [f"{where(lib)} ({lib.name})" if lib and where(lib) else (lib.name if lib else stop.venue)]
    if with_dates:
        parts.append(span(stop.starts_on, stop.ends_on))
    if stop.visitors is not None:
        parts.append(count(stop.visitors, VISITORS))
    return ", ".join(parts)


def route_phrase(stops: list[StopItem], verb: str) -> str:
    """«экспонировалась с … по … в г. Кемерово (…)», or, for several stops, «… на 3 площадках: …; …»."""
    if len(stops) == 1:
        stop = stops[0]
        place = at(stop.library) if stop.library else stop.venue
        return f"{verb} {span(stop.starts_on, stop.ends_on)} {place}"
    places = count(len(stops), ("площадке", "площадках", "площадках"))
    return _("%(verb)s на %(places)s: %(stops)s") % {
        "verb": verb,
        "places": places,
        "stops": "; ".join(_stop(s) for s in stops),
    }


def _shown_stops(item: ExhibitionItem) -> list[StopItem]:
    held = [s for s in item.stops if s.status == HELD]
    return held or [s for s in item.stops if s.status not in NOT_HELD]


def _exhibition_figures(stops: list[StopItem], year: int) -> str:
    """Visitors and excursions of the stops opened in the year: a stop's figures count in the year it opens."""
    stops = [s for s in stops if s.starts_on.year == year]
    visitors = [s.visitors for s in stops if s.visitors is not None]
    excursions = [s.excursions for s in stops if s.excursions is not None]
    if not visitors and not excursions:
        return ""
    parts = []
    if visitors:
        parts.append(_("Число посетителей — %(n)s") % {"n": number(sum(visitors))})
    if excursions and sum(excursions):
        parts.append(_("экскурсий — %(n)s") % {"n": number(sum(excursions))})
    return sentence(", ".join(parts) if visitors else capital(parts[0]))


def _exhibition_sentence(item: ExhibitionItem, title_noun: str, stops: list[StopItem], verb: str) -> str:
    provider = item.provider_library
    only_venue = len(stops) == 1 and stops[0].library is not None and provider is not None
    gives = provider is not None and not (only_venue and stops[0].library.id == provider.id)
    by = _(" (предоставила %(lib)s)") % {"lib": named_inline(provider)} if gives else ""
    route = route_phrase(stops, verb) if stops else verb
    return sentence(f"{title_noun} {quoted(item.title)}{by} {route}")


def exhibition_story(item: ExhibitionItem, year: int, counterpart: ExhibitionItem | None = None) -> list[str]:
    """An exhibition and its route, the figures, staff's words; an exchange tells its other half too."""
    stops = _shown_stops(item)
    noun = capital(f"{item.kind_label} {EXHIBITION.one}".strip())
    said = (_exhibition_sentence(item, noun, stops, _("экспонировалась")), _exhibition_figures(stops, year))
    first = " ".join(p for p in said if p)
    paragraphs = [first, *paragraphs_of(item.description)]
    ahead = [s for s in item.route if s.status == PLANNED]
    if ahead:
        paragraphs.append(
            _("Далее выставка будет экспонироваться: %(stops)s.") % {"stops": "; ".join(_stop(s) for s in ahead)}
        )
    paragraphs += results_paragraphs(item.results)
    if counterpart is not None:
        other = _shown_stops(counterpart)
        said = _exhibition_sentence(counterpart, _("Ответная выставка"), other, _("экспонировалась"))
        paragraphs.append(" ".join(p for p in (said, _exhibition_figures(other, year)) if p))
        paragraphs += paragraphs_of(counterpart.description)
        paragraphs += results_paragraphs(counterpart.results)
    return paragraphs


def exhibitions_chapter(items: list[ExhibitionItem], year: int) -> list[str]:
    verb = agree(len(items), F, {M: "экспонировался", F: "экспонировалась", N: "экспонировалось"}, "экспонировалось")
    n = count(len(items), EXHIBITION)
    paragraphs = [_("В %(year)s году %(verb)s %(n)s.") % {"year": year, "verb": verb, "n": n}]
    by_id = {item.id: item for item in items}
    told: set[int] = set()
    for item in items:
        if item.id in told:
            continue
        pair = by_id.get(item.counterpart_id) if item.counterpart_id not in told else None
        if pair is None:
            pair = next((o for o in items if o.counterpart_id == item.id and o.id not in told), None)
        told |= {item.id, pair.id} if pair else {item.id}
        paragraphs += exhibition_story(item, year, pair)
    return paragraphs


# --------------------------------------------------------------------------------------------
# Contests
# --------------------------------------------------------------------------------------------


def _award(award: AwardItem) -> str:
    who = f"{award.entrant}, {award.locality}" if award.locality else award.entrant
    result = award.result_label + (_(", %(n)s место") % {"n": award.place} if award.place else "")
    work = f", {quoted(award.work_title)}" if award.work_title else ""
    return f"{who} — {result}{work}"


def _contest_lead(item: ContestItem, future: bool) -> str:
    noun = ONLINE_CONTEST if item.is_online else CONTEST
    which = f"{what(noun, item.scope, 'acc')} {quoted(item.title)}"
    start, end = item.submissions_from, item.submissions_until
    if start and end:
        when = span(start, end)
    elif start or end:
        when = (_("с %(day)s") if start else _("до %(day)s")) % {"day": full_date(start or end)}
    else:
        verb = _("Пройдёт") if future else _("Проходил")
        return f"{verb} {what(noun, item.scope)} {quoted(item.title)}."
    verb = _("пройдёт") if future else _("шёл")
    return capital(
        sentence(_("%(when)s %(verb)s приём работ на %(which)s") % {"when": when, "verb": verb, "which": which})
    )


def _curators(item: ContestItem) -> str:
    if not item.curators:
        return ""
    listed = [f"{c.library.name} ({c.region})" if c.region else named(c.library) for c in item.curators]
    label = _("Региональный куратор") if len(listed) == 1 else _("Региональные кураторы")
    return sentence(f"{label} — {join_and(listed)}")


def _contest_figures(item: ContestItem) -> str:
    said = []
    if item.entries:
        said.append(
            _("Работ участников — %(n)s, из них из нашего региона — %(ours)s.")
            % {"n": number(item.entries), "ours": number(item.from_our_region)}
        )
    awarded = [
        count(n, forms)
        for n, forms in (
            (item.winners, ("победитель", "победителя", "победителей")),
            (item.prize_winners, ("призёр", "призёра", "призёров")),
            (item.laureates, ("лауреат", "лауреата", "лауреатов")),
            (item.diplomas, ("дипломант", "дипломанта", "дипломантов")),
            (item.finalists, ("финалист", "финалиста", "финалистов")),
        )
        if n
    ]
    if awarded:
        said.append(_("По итогам конкурса: %(list)s.") % {"list": join_and(awarded)})
    if item.awards:
        named_ones = [_award(a) for a in item.awards[:AWARDS_NAMED]]
        if len(item.awards) > AWARDS_NAMED:
            named_ones.append(_("и ещё %(n)s") % {"n": number(len(item.awards) - AWARDS_NAMED)})
        said.append(_("Среди награждённых — %(list)s.") % {"list": "; ".join(named_ones)})
    return " ".join(said)


def contest_story(item: ContestItem, as_of: datetime.date) -> list[str]:
    said = [_contest_lead(item, future=False)]
    org = item.organiser_library
    if org is not None:
        said.append(_("Организатор — %(org)s.") % {"org": named(org)})
    said.append(_curators(item))
    if item.results_on:
        done = item.results_on <= as_of
        said.append(
            (_("Итоги подведены %(day)s.") if done else _("Итоги будут подведены %(day)s."))
            % {"day": full_date(item.results_on)}
        )
    if item.theme and not item.description:
        said.append(sentence(_("Тема — %(theme)s") % {"theme": item.theme}))
    paragraphs = [" ".join(s for s in said if s), *paragraphs_of(item.description)]
    figures = _contest_figures(item)
    if figures:
        paragraphs.append(figures)
    return paragraphs


def contests_chapter(items: list[ContestItem], year: int, as_of: datetime.date) -> list[str]:
    verb = agree(len(items), M, {M: "проходил", F: "проходила", N: "проходило"}, "проходило")
    intro = _("В %(year)s году %(verb)s %(n)s.") % {"year": year, "verb": verb, "n": count(len(items), CONTEST)}
    return [intro] + [p for item in items for p in contest_story(item, as_of)]


# --------------------------------------------------------------------------------------------
# Projects and their episodes
# --------------------------------------------------------------------------------------------


def project_story(episodes: list[EpisodeItem], year: int) -> list[str]:
    """A project's episodes of the year in one paragraph; the partners' episodes told on their own."""
    first = episodes[0]
    by = _(" (организатор — %(org)s)") % {"org": named(first.project_organiser)} if first.project_organiser else ""
    verb = agree(len(episodes), M, {M: "опубликован", F: "опубликована", N: "опубликовано"}, "опубликовано")
    listed = join_and([f"№ {e.number} {quoted(e.title)} ({day_month(e.published_on)})" for e in episodes])
    lead = _("В %(year)s году в рамках просветительского проекта %(project)s%(by)s %(verb)s %(n)s: %(list)s.") % {
        "year": year,
        "project": quoted(first.project),
        "by": by,
        "verb": verb,
        "n": count(len(episodes), EPISODE),
        "list": listed,
    }
    paragraphs = [lead, *paragraphs_of(first.project_description)]
    for episode in episodes:
        maker = episode.maker
        if maker is not None and not maker.is_host:
            made = _("Выпуск № %(number)s %(title)s подготовила %(lib)s.") % {
                "number": episode.number,
                "title": quoted(episode.title),
                "lib": named(maker),
            }
            paragraphs += paragraphs_of(episode.description, made) or [made]
    return paragraphs


def projects_chapter(items: list[EpisodeItem], year: int) -> list[str]:
    paragraphs = []
    ordered = sorted(items, key=lambda e: (e.project_id, e.published_on, e.number))
    stories = [list(group) for _id, group in groupby(ordered, key=lambda e: e.project_id)]
    stories.sort(key=lambda group: min(e.published_on for e in group))
    for group in stories:
        paragraphs += project_story(sorted(group, key=lambda e: (e.published_on, e.number)), year)
    return paragraphs


# --------------------------------------------------------------------------------------------
# Plans: the future tense
# --------------------------------------------------------------------------------------------


def kind_noun_of(item: KindItem) -> Noun:
    """The noun a registered kind gives its activities (`core.kinds.ReportDirection.noun`)."""
    kind = kind_by_key(item.key)
    return Noun(*kind.report.noun) if kind is not None and kind.report is not None else Noun(*_EVENT_FORMS)


_EVENT_FORMS = (N, "мероприятие", "мероприятие", "мероприятия", "мероприятий")


def _when(item: KindItem) -> str:
    return full_date(item.first_day) if item.last_day == item.first_day else span(item.first_day, item.last_day)


def kind_story(item: KindItem) -> list[str]:
    """An activity of a kind that brings its own direction: what, when, with whom, how many."""
    partners = [named(lib) for lib in item.partner_libraries]
    said = [
        sentence(f"{capital(_when(item))} — {kind_noun_of(item).one} {quoted(item.title)}"),
        (_("Партнёр — %(who)s.") if len(partners) == 1 else _("Партнёры — %(who)s.")) % {"who": join_and(partners)}
        if partners
        else "",
        _attendance(item.participants),
    ]
    return [" ".join(p for p in said if p)]


def plan_day(item) -> datetime.date:
    if isinstance(item, KindItem):
        return item.first_day
    if isinstance(item, EventItem):
        return item.starts_on
    if isinstance(item, ExhibitionItem):
        return item.first_day
    if isinstance(item, ContestItem):
        return item.submissions_from or item.submissions_until or item.results_on or item.first_day
    return item.published_on


def _planned_exhibition(item: ExhibitionItem) -> str:
    stops = [s for s in item.route if s.status == PLANNED] or item.stops
    noun = capital(f"{item.kind_label} {EXHIBITION.one}".strip())
    provider = item.provider_library
    by = _(" (предоставит %(lib)s)") % {"lib": named_inline(provider)} if provider else ""
    if not stops:
        planned = _("Планируется %(what)s %(title)s%(by)s")
        return sentence(planned % {"what": noun.lower(), "title": quoted(item.title), "by": by})
    return sentence(f"{noun} {quoted(item.title)}{by} {route_phrase(stops, _('будет экспонироваться'))}")


def _planned_event(item: EventItem) -> str:
    said = [event_lead(item, future=True)]
    org = item.organiser_library
    if org is not None and not org.is_host:
        said.append(_("Организатор — %(org)s.") % {"org": named(org)})
    said.append(_partners_sentence(item))
    said.append(guests_sentence(item.guests))
    return " ".join(s for s in said if s)


def _planned_episode(item: EpisodeItem) -> str:
    maker = item.maker
    by = _(" (подготовит %(lib)s)") % {"lib": named(maker)} if maker and not maker.is_host else ""
    return _("%(day)s планируется выпуск № %(number)s %(title)s проекта %(project)s%(by)s.") % {
        "day": full_date(item.published_on),
        "number": item.number,
        "title": quoted(item.title),
        "project": quoted(item.project),
        "by": by,
    }


def plan_sentence(item) -> str:
    """One planned activity in the future tense."""
    if isinstance(item, KindItem):
        return _("%(when)s планируется %(what)s %(title)s.") % {
            "when": capital(_when(item)),
            "what": kind_noun_of(item).one,
            "title": quoted(item.title),
        }
    if isinstance(item, EventItem):
        return _planned_event(item)
    if isinstance(item, ExhibitionItem):
        return _planned_exhibition(item)
    if isinstance(item, ContestItem):
        said = [_contest_lead(item, future=True)]
        if item.organiser_library is not None:
            said.append(_("Организатор — %(org)s.") % {"org": named(item.organiser_library)})
        return " ".join(said)
    return _planned_episode(item)


def postponed_sentence(item, noun: Noun) -> str:
    """«Вебинар «…» перенесён на 10 апреля 2021 года.»"""
    return _("%(what)s %(title)s %(verb)s на %(day)s.") % {
        "what": capital(noun.one),
        "title": quoted(item.title),
        "verb": POSTPONED[noun.gender],
        "day": full_date(item.rescheduled_to),
    }


def item_noun(item) -> Noun:
    if isinstance(item, KindItem):
        return kind_noun_of(item)
    if isinstance(item, EventItem):
        return kind_noun(item.kind)
    if isinstance(item, ExhibitionItem):
        return EXHIBITION
    if isinstance(item, ContestItem):
        return CONTEST
    return EPISODE
