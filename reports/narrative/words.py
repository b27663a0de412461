"""Russian words the narrative needs: numbers with their nouns, dates, genders, the kinds of events.

The narrative's grammar is Russian's (genders, cases, plural forms); a narrative in another language would
need words of its own, so these tables are data, not translations. Every sentence built from them still
passes through gettext.
"""

from __future__ import annotations

import datetime
import re
from functools import lru_cache
from typing import NamedTuple

from django.utils.translation import gettext as _

from core.templatetags.coopnet import format_ru, ru_plural_form

NBSP = "\u00a0"

M, F, N = "m", "f", "n"  # masculine, feminine, neuter


class Noun(NamedTuple):
    """A noun (with its adjectives) in the forms the narrative uses."""

    gender: str
    one: str  # nominative singular: «стратегическая сессия»
    acc: str  # accusative singular: «стратегическую сессию»
    few: str  # after 2, 3, 4: «стратегические сессии»
    many: str  # after 5 and more: «стратегических сессий»


# Event.Kind, word by word. A kind missing here is named as «мероприятие».
EVENT = Noun(N, "мероприятие", "мероприятие", "мероприятия", "мероприятий")
KINDS = {
    "webinar": Noun(M, "вебинар", "вебинар", "вебинара", "вебинаров"),
    "seminar": Noun(M, "семинар", "семинар", "семинара", "семинаров"),
    "workshop": Noun(M, "семинар-практикум", "семинар-практикум", "семинара-практикума", "семинаров-практикумов"),
    "conference": Noun(F, "конференция", "конференцию", "конференции", "конференций"),
    "strategic_session": Noun(
        F, "стратегическая сессия", "стратегическую сессию", "стратегические сессии", "стратегических сессий"
    ),
    "round_table": Noun(M, "круглый стол", "круглый стол", "круглых стола", "круглых столов"),
    "telebridge": Noun(M, "телемост", "телемост", "телемоста", "телемостов"),
    "creative_meeting": Noun(F, "творческая встреча", "творческую встречу", "творческие встречи", "творческих встреч"),
    "presentation": Noun(F, "презентация", "презентацию", "презентации", "презентаций"),
    "business_meeting": Noun(F, "деловая встреча", "деловую встречу", "деловые встречи", "деловых встреч"),
    "master_class": Noun(M, "мастер-класс", "мастер-класс", "мастер-класса", "мастер-классов"),
    "other": EVENT,
}
EXHIBITION = Noun(F, "выставка", "выставку", "выставки", "выставок")
CONTEST = Noun(M, "конкурс", "конкурс", "конкурса", "конкурсов")
EPISODE = Noun(M, "выпуск", "выпуск", "выпуска", "выпусков")

# core.vocabulary.Scope: the adjective's stem, and its endings by gender and case.
_SCOPE_STEMS = {"international": "международн", "interregional": "межрегиональн", "regional": "региональн"}
_ENDINGS = {(M, "nom"): "ый", (F, "nom"): "ая", (N, "nom"): "ое", (M, "acc"): "ый", (F, "acc"): "ую", (N, "acc"): "ое"}

# Event.Format: in a sentence («в онлайн-формате прошла…») and in brackets («(23 апреля 2020 года, онлайн)»).
_FORMAT_PHRASES = {
    "online": "в онлайн-формате",
    "offline": "очно",
    "hybrid": "в смешанном формате",
    "correspondence": "заочно",
}
_FORMAT_SHORT = {"online": "онлайн", "offline": "очно", "hybrid": "очно и онлайн", "correspondence": "заочно"}

# Verbs agreeing with a noun's gender, and with the plural.
PASSED = {M: "прошёл", F: "прошла", N: "прошло"}
IT_LOC = {M: "нём", F: "ней", N: "нём"}  # «приняли участие в нём»
POSTPONED = {M: "перенесён", F: "перенесена", N: "перенесено"}

# Countries in the genitive: «библиотеками России и Казахстана». Keyed by the label Library.Country shows.
COUNTRY_GENITIVE = {
    "Россия": "России",
    "Казахстан": "Казахстана",
    "Беларусь": "Беларуси",
    "Киргизия": "Киргизии",
    "Узбекистан": "Узбекистана",
}
HOME_COUNTRY = "Россия"  # a partner's country is named only when it is another


# Occupations of guests in the plural, word by word: «детский писатель» → «детские писатели».
_PLURAL_WORDS = {
    "писатель": "писатели",
    "поэт": "поэты",
    "поэтесса": "поэтессы",
    "публицист": "публицисты",
    "иллюстратор": "иллюстраторы",
    "художник": "художники",
    "художник-иллюстратор": "художники-иллюстраторы",
    "журналист": "журналисты",
    "краевед": "краеведы",
    "переводчик": "переводчики",
    "детский": "детские",
}


def occupations(occupation: str) -> str:
    """An occupation in the plural («писатель, поэт» → «писатели, поэты»), or "" when a word is not known."""
    plural = []
    for part in occupation.split(","):
        words = part.split()
        if not words or any(w.lower() not in _PLURAL_WORDS for w in words):
            return ""
        plural.append(" ".join(_PLURAL_WORDS[w.lower()] for w in words))
    return ", ".join(plural)


_LEGAL_FORM = re.compile(r"^[А-ЯЁA-Z]{2,8}\s+«(?P<name>.+)»$")


def prose_name(full_name: str, short_name: str = "") -> str:
    """A library as the prose names it: its full name without the legal form and its quotes («ГАУК «Государственная
    библиотека…»» → «Государственная библиотека…»); the short name only when there is no full one."""
    name = " ".join((full_name or "").split())
    match = _LEGAL_FORM.match(name)
    if match:
        name = match.group("name")
    return name or short_name


def agreement_kind(title: str) -> str:
    """What an agreement is about, from its title: «Соглашение о взаимодействии…» → «о взаимодействии…»; a title
    of another form is quoted."""
    title = " ".join((title or "").split())
    head = "соглашение"
    if title.lower().startswith(head) and len(title) > len(head):
        return title[len(head) :].strip()
    return quoted(title) if title else ""


def kind_noun(kind: str) -> Noun:
    return KINDS.get(kind, EVENT)


def scope_adjective(scope: str, gender: str, case: str = "nom") -> str:
    """«международная», «межрегиональный», «региональное»; "" for a scope the table does not know."""
    stem = _SCOPE_STEMS.get(scope)
    return stem + _ENDINGS[(gender, case)] if stem else ""


def what(noun: Noun, scope: str = "", case: str = "nom") -> str:
    """The scope and the noun: «межрегиональная стратегическая сессия», «международную конференцию»."""
    word = noun.acc if case == "acc" else noun.one
    adjective = scope_adjective(scope, noun.gender, case)
    return f"{adjective} {word}" if adjective else word


def format_phrase(fmt: str) -> str:
    return _FORMAT_PHRASES.get(fmt, "")


def format_short(fmt: str) -> str:
    return _FORMAT_SHORT.get(fmt, "")


def number(n: int) -> str:
    """1200, 12 500: thousands are set apart (with a no-break space) from five digits on."""
    return f"{n:,}".replace(",", NBSP) if abs(n) >= 10000 else str(n)


def count(n: int, noun: Noun | tuple[str, str, str]) -> str:
    """«1 конференция», «3 конференции», «5 конференций»."""
    one, few, many = (noun.one, noun.few, noun.many) if isinstance(noun, Noun) else noun
    return f"{number(n)} {ru_plural_form(n, one, few, many)}"


def count_acc(n: int, noun: Noun) -> str:
    """The object of a verb: «провела 1 выставку», «3 выставки», «5 выставок»."""
    return f"{number(n)} {ru_plural_form(n, noun.acc, noun.few, noun.many)}"


def agree(n: int, gender: str, singular: dict[str, str], plural: str) -> str:
    """The verb before a number: «проведена 1 выставка», «проведено 2 выставки», «проведён 21 телемост»."""
    return singular[gender] if ru_plural_form(n, "one", "few", "many") == "one" else plural


def join_and(parts: list[str]) -> str:
    """«а», «а и б», «а, б и в»."""
    parts = [p for p in parts if p]
    if len(parts) < 2:
        return "".join(parts)
    return _("%(list)s и %(last)s") % {"list": ", ".join(parts[:-1]), "last": parts[-1]}


def quoted(title: str) -> str:
    """A title in «ёлочки», quotes inside it as „лапки“: «Сказка „Аксак-кулан“». One already in quotes keeps them."""
    title = title.strip()
    if len(title) > 1 and title.startswith("«") and title.endswith("»"):
        title = title[1:-1]
    return "«" + title.replace("«", "„").replace("»", "“") + "»"


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(text: str) -> str:
    """A sentence ends with a full stop, unless it ends with one already (or ! ? …). After a closing quote the
    stop is set even when the quoted title ends with its own mark: «…обнуление или обновление?»."""
    text = text.strip()
    if not text:
        return ""
    return text if text.endswith((".", "!", "?", "…")) else text + "."


# --------------------------------------------------------------------------------------------
# Dates
# --------------------------------------------------------------------------------------------


@lru_cache(maxsize=1024)  # a year has 366 days; formatting one switches the language each time
def full_date(day: datetime.date) -> str:
    """«25 ноября 2020 года»."""
    return _("%(date)s года") % {"date": format_ru(day, "j E Y")}


# The months after «в»: «в августе 2018 года».
MONTHS_IN = [
    "январе",
    "феврале",
    "марте",
    "апреле",
    "мае",
    "июне",
    "июле",
    "августе",
    "сентябре",
    "октябре",
    "ноябре",
    "декабре",
]


def in_month(day: datetime.date) -> str:
    """«в августе 2018 года»."""
    return _("в %(month)s %(year)s года") % {"month": MONTHS_IN[day.month - 1], "year": day.year}


def in_year(year: int) -> str:
    """«в 2019 году»."""
    return _("в %(year)s году") % {"year": year}


@lru_cache(maxsize=1024)
def day_month(day: datetime.date) -> str:
    """«25 ноября»."""
    return format_ru(day, "j E")


def _from(day: datetime.date) -> str:
    """«с» or, before «второго», «со»."""
    return "со" if day.day == 2 else "с"


def span(first: datetime.date, last: datetime.date) -> str:
    """«с 3 по 20 марта 2020 года», «со 2 ноября по 28 декабря 2020 года», «25 ноября 2020 года»."""
    if first == last:
        return full_date(first)
    if first.year != last.year:
        start = full_date(first)
    elif first.month != last.month:
        start = day_month(first)
    else:
        start = str(first.day)
    return _("%(from)s %(start)s по %(end)s") % {"from": _from(first), "start": start, "end": full_date(last)}
