"""What was done, told per activity: the paragraphs of each direction's chapter and of «Планы».

Held activities are told in the past tense, planned ones in the future; nothing here says «проведено» of an
activity that was not held, because only a direction's held items reach the past-tense builders.

Libraries are named in full, the way the library's own article names them («Хабаровская краевая детская библиотека
им. Н.Д. Наволочкина»), never by the short names the tables use. What staff call conditional in their notes
(reports/narrative/unsure.py) is left out: a date told only as far as it is sure, a count not told, a kind told as
«мероприятие». Guests are named once in a chapter, and not when the description names them already.
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
from reports.narrative.unsure import DAY, MONTH, YEAR, Unsure, unsure
from reports.narrative.words import (
    CONTEST,
    EPISODE,
    EVENT,
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
    in_month,
    in_year,
    join_and,
    kind_noun,
    number,
    occupations,
    prose_name,
    quoted,
    scope_adjective,
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
# The results in the genitive plural, for «Среди победителей и финалистов — …».
AMONG = {
    "winner": "победителей",
    "prize_winner": "призёров",
    "laureate_1": "лауреатов",
    "laureate_2": "лауреатов",
    "laureate_3": "лауреатов",
    "laureate": "лауреатов",
    "diploma": "дипломантов",
    "finalist": "финалистов",
}
TOOK_PLACE = {M: "состоялся", F: "состоялась", N: "состоялось"}
DEMO_NAME = "(демо)"  # an entrant's name typed as a demonstration placeholder


# --------------------------------------------------------------------------------------------
# Libraries, people and staff's own words
# --------------------------------------------------------------------------------------------


def name_of(lib: LibraryRef) -> str:
    """A library in the prose: its full name («Томская областная детско-юношеская библиотека»)."""
    return prose_name(lib.full_name, lib.name)


def where(lib: LibraryRef) -> str:
    """«г. Томск», «г. Усть-Каменогорск, Казахстан»: the country only when it is not the home one."""
    parts = [f"г. {lib.city}"] if lib.city else []
    if lib.country and lib.country != HOME_COUNTRY:
        parts.append(lib.country)
    return ", ".join(parts)


def named(lib: LibraryRef, *extra: str) -> str:
    """«Томская областная детско-юношеская библиотека (г. Томск)»; the host by its name alone, as the report is its
    own."""
    inside = ", ".join(part for part in ([] if lib.is_host else [where(lib)]) + list(extra) if part)
    return f"{name_of(lib)} ({inside})" if inside else name_of(lib)


def named_inline(lib: LibraryRef) -> str:
    """«Хабаровская краевая детская библиотека им. Н.Д. Наволочкина, г. Хабаровск»: for a name inside brackets."""
    place = "" if lib.is_host else where(lib)
    return f"{name_of(lib)}, {place}" if place else name_of(lib)


def at(lib: LibraryRef) -> str:
    """Where something was on show: «в г. Кемерово (Государственная библиотека Кузбасса для детей и молодёжи)»."""
    place = where(lib)
    return _("в %(place)s (%(name)s)") % {"place": place, "name": name_of(lib)} if place else name_of(lib)


def _surname_stem(name: str) -> str:
    """What a name is found by in a text, whatever its case: «Лаврина» in «Лавриной», «Панов» in «Пановым»."""
    surname = name.split()[-1] if name.split() else name
    return surname[:-2] if len(surname) > 5 else surname


def _named_in(guest: Guest, text: str) -> bool:
    stem = _surname_stem(guest.name)
    return bool(stem) and stem in text


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


class Told:
    """What a chapter has said already, so no fact is told twice: the guests named so far."""

    def __init__(self):
        self.text = ""

    def new_guests(self, guests: list[Guest], *own_texts: str) -> list[Guest]:
        """The guests not named yet: neither earlier in the chapter nor in the activity's own description."""
        known = " ".join((self.text, *own_texts))
        return [g for g in guests if not _named_in(g, known)]

    def add(self, *texts: str) -> None:
        self.text = " ".join((self.text, *texts))


def paragraphs_of(text: str, lead: str = "") -> list[str]:
    """Staff's text as paragraphs (a blank line or a line break parts them), the first after `lead`."""
    parts = [sentence(line) for line in text.replace("\r", "").split("\n") if line.strip()]
    if parts and lead:
        parts[0] = f"{lead} {parts[0]}"
    return parts


def results_paragraphs(results: str, of: str = "") -> list[str]:
    lead = _("Итоги %(of)s:") % {"of": of} if of else _("Итоги:")
    return paragraphs_of(results, lead)


def when(day: datetime.date | None, sure: Unsure, year: int | None = None) -> str:
    """A day as far as staff are sure of it: «25 ноября 2020 года», «в августе 2018 года», «в 2019 году», or ""
    when nothing is sure or only the report's own year (the chapter says the year)."""
    if day is None:
        return ""
    if sure.date == DAY:
        return full_date(day)
    if sure.date == MONTH:
        return in_month(day)
    if sure.date == YEAR and day.year != year:
        return in_year(day.year)
    return ""


def when_span(first: datetime.date, last: datetime.date, sure: Unsure, year: int | None = None) -> str:
    return span(first, last) if sure.date == DAY else when(first, sure, year)


def titled(noun: Noun, scope: str, title: str, case: str = "nom", sure: Unsure | None = None) -> str:
    """The kind and the title: «международная конференция «…»»; a title that begins with its kind is not repeated:
    «межрегиональная творческая встреча томских писателей с молодёжью г. Кемерово». A title staff call conditional
    is marked so."""
    title = " ".join(title.split())
    head = noun.one
    if title.lower().startswith(head) and title[len(head) : len(head) + 1] in (" ", ","):
        adjective = scope_adjective(scope, noun.gender, case)
        word = noun.acc if case == "acc" else noun.one
        return " ".join(p for p in (adjective, word) if p) + title[len(head) :]
    said = f"{what(noun, scope, case)} {quoted(title)}"
    if sure is not None and sure.title:
        said += " " + _("(название условное)")
    return said


def _attendance(total: int | None, sure: Unsure) -> str:
    if total is None or sure.figures:
        return ""
    return _("Число участников — %(n)s.") % {"n": number(total)}


def _site(site: SiteItem, sure: Unsure, organiser: bool = False) -> str:
    figure = count(site.participants, PARTICIPANTS) if site.participants is not None and not sure.figures else ""
    return named(site.library, _("организатор") if organiser else "", figure)


def _organiser(item) -> LibraryRef | None:
    """The organiser to name as such: a partner, unless staff are not sure it organised."""
    org = item.organiser_library
    if org is None or org.is_host or unsure(item.notes).organiser:
        return None
    return org


def _partners_of(item: EventItem) -> list[LibraryRef]:
    """The libraries taking part besides the organiser named as such."""
    organiser = _organiser(item)
    return [s.library for s in item.sites if organiser is None or s.library.id != organiser.id]


def _host_took_part(item: EventItem) -> bool:
    return any(s.library.is_host for s in item.sites)


# --------------------------------------------------------------------------------------------
# Events and telebridges
# --------------------------------------------------------------------------------------------


def event_noun(item: EventItem) -> Noun:
    """Its kind, or «мероприятие» when staff are not sure of the kind."""
    return EVENT if unsure(item.notes).kind else kind_noun(item.kind)


def event_lead(item: EventItem, future: bool = False, year: int | None = None) -> str:
    """«26 ноября 2020 года в онлайн-формате прошла межрегиональная стратегическая сессия «…».», or, with no sure
    day, «В онлайн-формате состоялась межрегиональная стратегическая сессия «…».»"""
    sure = unsure(item.notes)
    noun = event_noun(item)
    plain = item.format == "offline" or (item.kind == TELEBRIDGE and item.format == "online")
    fmt = "" if plain else format_phrase(item.format)  # a telebridge is online, an event in person, unless said
    verb = _("пройдёт") if future else PASSED[noun.gender]
    subject = titled(noun, item.scope, item.title, sure=sure)
    day = when(item.starts_on, sure, year)
    if not day:  # «В онлайн-формате состоялась …», «Состоялся …»: the verb says the event took place
        verb = _("состоится") if future else TOOK_PLACE[noun.gender]
    return sentence(capital(" ".join(p for p in (day, fmt, verb, subject) if p)))


def _who(item: EventItem) -> str:
    """The organiser, unless it is the host, and the others: telebridges name every site with its count."""
    sure = unsure(item.notes)
    org = _organiser(item)
    said = []
    if item.kind == TELEBRIDGE and item.sites:
        # The organiser is named once, among the sites, when it is one.
        sites = [_site(s, sure, organiser=org is not None and s.library.id == org.id) for s in item.sites]
        if org is not None and not any(s.library.id == org.id for s in item.sites):
            said.append(_("Организатор — %(org)s.") % {"org": named(org)})
        said.append(_("Площадки: %(sites)s.") % {"sites": "; ".join(sites)})
        return " ".join(said)
    if org is not None:
        said.append(_("Организатор — %(org)s.") % {"org": named(org)})
    said.append(_partners_sentence(item))
    if org is not None and _host_took_part(item):
        it = IT_LOC[event_noun(item).gender]
        said.append(_("Специалисты нашей библиотеки приняли в %(it)s участие.") % {"it": it})
    return " ".join(said)


def _partners_sentence(item: EventItem) -> str:
    """«Партнёр — Центральная городская детская библиотека им. А.П. Гайдара (г. Москва).»: the partner libraries
    taking part besides the organiser."""
    others = [named(lib) for lib in _partners_of(item) if not lib.is_host]
    if not others:
        return ""
    label = _("Партнёр") if len(others) == 1 else _("Партнёры")
    return f"{label} — {join_and(others)}."


def event_story(item: EventItem, year: int | None = None, told: Told | None = None) -> list[str]:
    """An event told on its own: what, when, who, how many, the guests not named yet; then staff's description
    and results."""
    told = told if told is not None else Told()
    sure = unsure(item.notes)
    guests = told.new_guests(item.guests, item.description, item.results)
    said = (event_lead(item, year=year), _who(item), _attendance(item.participants, sure), guests_sentence(guests))
    first = " ".join(p for p in said if p)
    paragraphs = [first, *paragraphs_of(item.description), *results_paragraphs(item.results)]
    told.add(*paragraphs)
    return paragraphs


def _listed(item: EventItem, year: int | None = None) -> str:
    """«международную конференцию «…» (19 ноября 2020 года, онлайн, 120 участников)»."""
    sure = unsure(item.notes)
    figure = count(item.participants, PARTICIPANTS) if item.participants is not None and not sure.figures else ""
    details = [when(item.starts_on, sure, year), format_short(item.format), figure]
    inside = ", ".join(p for p in details if p)
    said = titled(event_noun(item), item.scope, item.title, "acc", sure)
    return f"{said} ({inside})" if inside else said


def partner_group_story(
    organiser: LibraryRef, items: list[EventItem], year: int | None = None, told: Told | None = None
) -> list[str]:
    """The events one partner organised, in one paragraph, the way the article lists them: what, when, how many
    took part, who else, the guests; then the results staff wrote."""
    told = told if told is not None else Told()
    listed = join_and([_listed(i, year) for i in items])
    said = [_("%(org)s провела %(list)s.") % {"org": named(organiser), "list": listed}]
    joined = [i for i in items if _host_took_part(i)]
    genders = {event_noun(i).gender for i in items}
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
    others = [o for o in others if o != named(organiser)]
    if others:
        said.append(_("Среди участников — %(list)s.") % {"list": join_and(others)})
    for i in items:
        guests = told.new_guests(i.guests, i.results)
        said.append(guests_sentence(guests, of=f"{quoted(i.title)}" if len(items) > 1 else ""))
        told.add(*(g.name for g in guests))
    paragraphs = [" ".join(s for s in said if s)]
    for item in items:
        paragraphs += results_paragraphs(item.results, of=f"{quoted(item.title)}")
    told.add(*paragraphs)
    return paragraphs


def _kinds_breakdown(items: list[EventItem]) -> str:
    by_kind: dict[str, int] = defaultdict(int)
    for item in items:
        by_kind[item.kind] += 1
    ordered = sorted(by_kind.items(), key=lambda kv: (-kv[1], kind_noun(kv[0]).one))
    return join_and([count(n, kind_noun(kind)) for kind, n in ordered])


def events_chapter(items: list[EventItem], year: int) -> list[str]:
    """The professional events in date order: those the host organised each told in full, those of a partner
    listed together under its name (as the article does: what, when, in what form). The kinds are counted only
    when staff are sure of each."""
    intro = _("В %(year)s году по этому направлению проведено %(n)s") % {"year": year, "n": count(len(items), EVENT)}
    kinds = {i.kind for i in items}
    sure_kinds = not any(unsure(i.notes).kind for i in items)
    intro += f": {_kinds_breakdown(items)}." if len(kinds) > 1 and sure_kinds else "."
    told = Told()
    blocks: list[tuple[datetime.date, int, list[EventItem]]] = []
    by_organiser: dict[int, list[EventItem]] = defaultdict(list)
    for item in items:
        org = _organiser(item)
        if org is None:
            blocks.append((item.starts_on, 0, [item]))
        else:
            by_organiser[org.id].append(item)
    blocks += [(group[0].starts_on, 1, group) for group in by_organiser.values()]
    blocks.sort(key=lambda block: (block[0], block[1]))
    paragraphs = [intro]
    for _day, grouped, group in blocks:
        if grouped:
            paragraphs += partner_group_story(_organiser(group[0]), group, year, told)
        else:
            paragraphs += event_story(group[0], year, told)
    return paragraphs


def telebridges_chapter(items: list[EventItem], year: int) -> list[str]:
    held = agree(len(items), M, {M: "проведён", F: "проведена", N: "проведено"}, "проведено")
    intro = _("В %(year)s году %(verb)s %(n)s.") % {
        "year": year,
        "verb": held,
        "n": count(len(items), kind_noun(TELEBRIDGE)),
    }
    told = Told()
    return [intro] + [p for item in items for p in event_story(item, year, told)]


# --------------------------------------------------------------------------------------------
# Exhibitions
# --------------------------------------------------------------------------------------------


def _stop(stop: StopItem, sure: Unsure, year: int | None, with_dates: bool = True) -> str:
    """«г. Кемерово (Государственная библиотека Кузбасса для детей и молодёжи), с 3 февраля по 20 марта 2020 года,
    850 посетителей»."""
    lib = stop.library
    parts = [f"{where(lib)} ({name_of(lib)})" if lib and where(lib) else (name_of(lib) if lib else stop.venue)]
    if with_dates:
        parts.append(when_span(stop.starts_on, stop.ends_on, sure, year))
    if stop.visitors is not None and not sure.figures:
        parts.append(count(stop.visitors, VISITORS))
    return ", ".join(p for p in parts if p)


def route_phrase(stops: list[StopItem], verb: str, sure: Unsure | None = None, year: int | None = None) -> str:
    """«экспонировалась с … по … в г. Кемерово (…)», or, for several stops, «… на 3 площадках: …; …»."""
    sure = sure or Unsure()
    if len(stops) == 1:
        stop = stops[0]
        place = at(stop.library) if stop.library else stop.venue
        return " ".join(p for p in (verb, when_span(stop.starts_on, stop.ends_on, sure, year), place) if p)
    places = count(len(stops), ("площадке", "площадках", "площадках"))
    return _("%(verb)s на %(places)s: %(stops)s") % {
        "verb": verb,
        "places": places,
        "stops": "; ".join(_stop(s, sure, year) for s in stops),
    }


def _shown_stops(item: ExhibitionItem) -> list[StopItem]:
    held = [s for s in item.stops if s.status == HELD]
    return held or [s for s in item.stops if s.status not in NOT_HELD]


def _exhibition_figures(stops: list[StopItem], year: int, sure: Unsure) -> str:
    """Visitors and excursions of the stops opened in the year: a stop's figures count in the year it opens."""
    if sure.figures:
        return ""
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


def _exhibition_sentence(
    item: ExhibitionItem, title_noun: str, stops: list[StopItem], verb: str, year: int | None = None
) -> str:
    sure = unsure(item.notes)
    provider = item.provider_library
    only_venue = len(stops) == 1 and stops[0].library is not None and provider is not None
    gives = provider is not None and not (only_venue and stops[0].library.id == provider.id)
    inside = [_("название условное") if sure.title else ""]
    inside.append(_("предоставила %(lib)s") % {"lib": named_inline(provider)} if gives else "")
    inside = "; ".join(p for p in inside if p)
    by = f" ({inside})" if inside else ""
    if not item.partner_libraries:
        by += _(", подготовленная без участия партнёров,")
    route = route_phrase(stops, verb, sure, year) if stops else verb
    return sentence(f"{title_noun} {quoted(item.title)}{by} {route}")


def exhibition_story(
    item: ExhibitionItem, year: int, counterpart: ExhibitionItem | None = None, told: Told | None = None
) -> list[str]:
    """An exhibition and its route, the figures, staff's words; an exchange tells its other half too."""
    stops = _shown_stops(item)
    sure = unsure(item.notes)
    noun = capital(f"{item.kind_label} {EXHIBITION.one}".strip())
    said = (
        _exhibition_sentence(item, noun, stops, _("экспонировалась"), year),
        _exhibition_figures(stops, year, sure),
    )
    first = " ".join(p for p in said if p)
    paragraphs = [first, *paragraphs_of(item.description)]
    ahead = [s for s in item.route if s.status == PLANNED]
    if ahead:
        paragraphs.append(
            _("Далее выставка будет экспонироваться: %(stops)s.")
            % {"stops": "; ".join(_stop(s, sure, year) for s in ahead)}
        )
    paragraphs += results_paragraphs(item.results)
    if counterpart is not None:
        other = _shown_stops(counterpart)
        other_sure = unsure(counterpart.notes)
        said = _exhibition_sentence(counterpart, _("Ответная выставка"), other, _("экспонировалась"), year)
        paragraphs.append(" ".join(p for p in (said, _exhibition_figures(other, year, other_sure)) if p))
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


def _contest_noun(item: ContestItem) -> Noun:
    return ONLINE_CONTEST if item.is_online and not unsure(item.notes).format else CONTEST


def _contest_lead(item: ContestItem, future: bool, year: int | None = None) -> str:
    sure = unsure(item.notes)
    noun = _contest_noun(item)
    which = f"{what(noun, item.scope, 'acc')} {quoted(item.title)}"
    start, end = item.submissions_from, item.submissions_until
    if sure.date == DAY and start and end:
        days = span(start, end)
    elif sure.date == DAY and (start or end):
        days = (_("с %(day)s") if start else _("до %(day)s")) % {"day": full_date(start or end)}
    else:
        verb = _("Пройдёт") if future else _("Проходил")
        day = when(start or end or item.results_on, sure, year)
        return sentence(" ".join(p for p in (verb, day, what(noun, item.scope), quoted(item.title)) if p))
    verb = _("пройдёт") if future else _("шёл")
    said = _("%(when)s %(verb)s приём работ на %(which)s") % {"when": days, "verb": verb, "which": which}
    return capital(sentence(said))


def _curators(item: ContestItem) -> str:
    if not item.curators or unsure(item.notes).curator:
        return ""
    if len(item.curators) == 1 and item.curators[0].library.is_host:
        region = item.curators[0].region
        if region:
            return _("Региональным куратором конкурса (%(region)s) была наша библиотека.") % {"region": region}
        return _("Региональным куратором конкурса была наша библиотека.")
    listed = [f"{name_of(c.library)} ({c.region})" if c.region else named(c.library) for c in item.curators]
    label = _("Региональный куратор") if len(listed) == 1 else _("Региональные кураторы")
    return sentence(f"{label} — {join_and(listed)}")


def _among(awards: list[AwardItem]) -> str:
    """«Среди победителей и финалистов»: named by the results they had, a finalist never «награждённый»."""
    results = list(dict.fromkeys(AMONG.get(a.result, "") for a in awards))
    results = [r for r in results if r]
    if not results:
        return _("Среди отмеченных жюри")
    return _("Среди %(results)s") % {"results": join_and(results)}


def _contest_figures(item: ContestItem) -> str:
    """Entries and results; left out when staff say the entrants are placeholders or the figures conditional."""
    sure = unsure(item.notes)
    if sure.names or sure.figures:
        return ""
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
    awards = [a for a in item.awards if DEMO_NAME not in a.entrant]
    if awards:
        named_ones = [_award(a) for a in awards[:AWARDS_NAMED]]
        if len(awards) > AWARDS_NAMED:
            named_ones.append(_("и ещё %(n)s") % {"n": number(len(awards) - AWARDS_NAMED)})
        said.append(f"{_among(awards)} — {'; '.join(named_ones)}.")
    return " ".join(said)


def contest_story(item: ContestItem, as_of: datetime.date, year: int | None = None) -> list[str]:
    sure = unsure(item.notes)
    said = [_contest_lead(item, future=False, year=year)]
    org = item.organiser_library
    if org is not None and not org.is_host and not sure.organiser:
        said.append(_("Организатор — %(org)s.") % {"org": named(org)})
    said.append(_curators(item))
    if item.results_on and sure.date == DAY:
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
    return [intro] + [p for item in items for p in contest_story(item, as_of, year)]


# --------------------------------------------------------------------------------------------
# Projects and their episodes
# --------------------------------------------------------------------------------------------


def _traditions(episodes: list[EpisodeItem]) -> str:
    """«русские, украинские и шорские сказки»: the traditions of the episodes, their common last word once."""
    traditions = [e.tradition.strip() for e in episodes]
    last = {t.split()[-1] for t in traditions if t.split()}
    if len(last) == 1 and all(len(t.split()) > 1 for t in traditions):
        word = last.pop()
        return f"{join_and([' '.join(t.split()[:-1]) for t in traditions])} {word}"
    return join_and(traditions)


def _episode_named(episode: EpisodeItem, with_day: bool = True) -> str:
    """«№ 1 «Русские народные сказки» (2 марта)», as far as staff are sure of the number and the day."""
    sure = unsure(episode.notes)
    number_part = "" if sure.number else f"№ {episode.number} "
    day = "" if sure.date != DAY or not with_day else f" ({day_month(episode.published_on)})"
    return f"{number_part}{quoted(episode.title)}{day}"


def project_story(episodes: list[EpisodeItem], year: int) -> list[str]:
    """A project's episodes of the year in one paragraph; the partners' episodes told on their own. Episodes whose
    titles staff call conditional are told by their traditions («русские, украинские … сказки»)."""
    first = episodes[0]
    org = first.project_organiser
    by = _(" (организатор — %(org)s)") % {"org": named(org)} if org is not None and not org.is_host else ""
    verb = agree(len(episodes), M, {M: "опубликован", F: "опубликована", N: "опубликовано"}, "опубликовано")
    untitled = all(unsure(e.notes).title and e.tradition for e in episodes)
    listed = _traditions(episodes) if untitled else join_and([_episode_named(e) for e in episodes])
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
            if len(episodes) == 1:  # the lead has just named it
                made = _("Выпуск подготовила %(lib)s.") % {"lib": named(maker)}
            else:
                made = _("Выпуск %(episode)s подготовила %(lib)s.") % {
                    "episode": _episode_named(episode, with_day=False),
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
    return Noun(*kind.report.noun) if kind is not None and kind.report is not None else EVENT


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
        _attendance(item.participants, unsure(item.notes)),
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
    sure = unsure(item.notes)
    stops = [s for s in item.route if s.status == PLANNED] or item.stops
    noun = capital(f"{item.kind_label} {EXHIBITION.one}".strip())
    provider = item.provider_library
    by = _(" (предоставит %(lib)s)") % {"lib": named_inline(provider)} if provider else ""
    title = quoted(item.title) + (" " + _("(название условное)") if sure.title else "")
    if not stops:
        planned = _("Планируется %(what)s %(title)s%(by)s")
        return sentence(planned % {"what": noun.lower(), "title": title, "by": by})
    return sentence(f"{noun} {title}{by} {route_phrase(stops, _('будет экспонироваться'), sure)}")


def _planned_event(item: EventItem) -> str:
    said = [event_lead(item, future=True)]
    org = _organiser(item)
    if org is not None:
        said.append(_("Организатор — %(org)s.") % {"org": named(org)})
    said.append(_partners_sentence(item))
    said.append(guests_sentence(item.guests))
    return " ".join(s for s in said if s)


def _planned_episode(item: EpisodeItem) -> str:
    maker = item.maker
    by = _(" (подготовит %(lib)s)") % {"lib": named(maker)} if maker and not maker.is_host else ""
    day = when(item.published_on, unsure(item.notes))
    said = _("%(day)s планируется выпуск %(episode)s проекта %(project)s%(by)s.") % {
        "day": day,
        "episode": _episode_named(item),
        "project": quoted(item.project),
        "by": by,
    }
    return capital(said.strip())


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
        org = item.organiser_library
        if org is not None and not org.is_host:
            said.append(_("Организатор — %(org)s.") % {"org": named(org)})
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
        return event_noun(item)
    if isinstance(item, ExhibitionItem):
        return EXHIBITION
    if isinstance(item, ContestItem):
        return CONTEST
    return EPISODE


def is_demo(item) -> bool:
    """A record staff marked as a demonstration: nothing of it is told as a fact."""
    return unsure(item.notes).demo
