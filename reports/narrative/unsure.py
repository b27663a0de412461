"""What staff marked as not sure in their own notes, so the narrative does not state it as a fact.

Methodologists enter what they know and say in the record's «служебные заметки» what is only assumed: «Дата
условная (в статье не указана).», «Число и месяц условные: в статье указан только 2019 год.», «Число участников
условное.», «Вид мероприятия условный…», «Имена участников демонстрационные.» A sentence of the notes that calls
something conditional («условн…») or demonstrational («демонстрац…») marks it; the words before the mark say
what. The narrative then leaves that fact out, or tells only the part that is sure (the year, or the month and
year, when the note says the source gives only those), and lists what it left out for the editor.

Plain text in, a plain value out: no database, no gettext (the notes are Russian as staff typed them).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

DAY, MONTH, YEAR, NOTHING = "day", "month", "year", ""

_SENTENCES = re.compile(r"(?<=[.;!?])\s+")
_MARK = re.compile(r"условн|демонстрац")
_YEAR_ONLY = re.compile(r"(только|лишь)\s+(\d{4}\s+)?год|год\s+[—–-]\s+по|в конце \d{4} года|указан только \d{4}")
_MONTH_ONLY = re.compile(
    r"(только|лишь)\s+месяц и год|в (январе|феврале|марте|апреле|мае|июне|июле|августе|сентябре|октябре|ноябре"
    r"|декабре) \d{4}"
)
_FIGURE_WORDS = ("участник", "посетител", "экскурси", "цифр")


@dataclass(frozen=True)
class Unsure:
    """What of an activity or agreement is not sure. `date` says how much of its date is: DAY (all of it), MONTH
    (the month and the year), YEAR (the year alone) or NOTHING."""

    date: str = DAY
    figures: bool = False  # participants, sites' counts, visitors, excursions, entries
    kind: bool = False  # an event's kind (a webinar, a conference): only «мероприятие» is sure
    organiser: bool = False
    title: bool = False
    names: bool = False  # the names of contest entrants are placeholders
    number: bool = False  # an episode's number
    curator: bool = False
    format: bool = False
    demo: bool = False  # the whole record is a demonstration («Демонстрационное мероприятие»): nothing is true

    @property
    def any(self) -> bool:
        return self != SURE


SURE = Unsure()
_IGNORED = ("время начала", "маркировк", "координат", "краткое название", "срок действия")


def _is_figure(text: str) -> bool:
    return any(word in text for word in _FIGURE_WORDS)


def _says_date(head: str) -> bool:
    return (
        "дата" in head
        or "сроки" in head
        or "срок экспонирования" in head
        or "числа" in head
        or "число и месяц" in head
        or ("число" in head and not _is_figure(head))
        or head.strip().startswith("год")
    )


def _sure_of_date(notes: str) -> str:
    """How much of a date marked conditional is still sure: what the notes say the source gives."""
    if _MONTH_ONLY.search(notes):
        return MONTH
    if _YEAR_ONLY.search(notes):
        return YEAR
    return NOTHING


def unsure(notes: str) -> Unsure:
    """Read staff notes: what they call conditional or demonstrational."""
    text = notes.lower()
    found: dict[str, object] = {}
    for sentence in _SENTENCES.split(text):
        if not _MARK.search(sentence):
            continue
        head = _MARK.split(sentence, maxsplit=1)[0]
        if not head.strip():
            found["demo"] = True  # «Демонстрационное мероприятие»: the record itself
            continue
        if any(word in head for word in _IGNORED) and not _is_figure(head) and not _says_date(head):
            continue
        if _says_date(head):
            found["date"] = _sure_of_date(text)
        if _is_figure(head) and "имена" not in head:
            found["figures"] = True
        flags = {
            "names": "имена участников",
            "kind": "вид мероприятия",
            "organiser": "организатор",
            "title": "название",
            "number": "номер",
            "curator": "куратор",
            "format": "формат",
        }
        for flag, words in flags.items():
            if words in head:
                found[flag] = True
    return Unsure(**found) if found else SURE
