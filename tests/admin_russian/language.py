"""What a page must never say to a Russian reader: the patterns the language walk fails on, and the page's visible
text they are looked for in (text, and the attributes a person reads or hears: titles, labels, placeholders,
button captions, the inlines' «add» links).

Each pattern names a defect found on a real page and fixed; the list grows with every one found.
"""

import json
import re
from dataclasses import dataclass
from html import unescape
from html.parser import HTMLParser

MONTHS = "Январь|Февраль|Март|Апрель|Май|Июнь|Июль|Август|Сентябрь|Октябрь|Ноябрь|Декабрь"
# Participles and words Russian writes with ё; written with е they are the second spelling on a page.
YO_STEMS = (
    "посвящ|распростран|запрещ|разреш|измен|удал|сохран|подтвержд|заверш|определ|перенес|провед|утвержд|включ"
    "|отключ|введ|завед|приглаш|отмен|внес|прекращ|продл|заключ|объедин|соедин"
)
YO_WORDS = (
    r"еще|ее|молодеж\w*|партнер\w*|отчет\w*|учет\w*|учетн\w*|расчет\w*|зачет\w*|счетчик\w*|объем\w*|семенов\w*"
    r"|волонтер\w*|режиссер\w*|актер\w*|ребенок|ребенка|тяжел\w*|пришел|нашел|вошел|ушел|прочел|прием\w*|подъем\w*"
    r"|трех|четырех|вперед|щелкн\w*|зелен(?:ый|ая|ое|ые)|черн(?:ый|ая|ое|ые)|желт\w*"
    r"|(?:при|про|на|вой|пере)?(?:йдет|йдете)|идет|ждет|ведет|живет|берет|несет|растет|начнет|(?:да|созда|сда|отда|вы)ет|"
    rf"(?:{YO_STEMS})ен(?:н\w*)?"
)
IANA_ZONE = re.compile(
    r"\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc|US|Canada|Brazil)"
    r"/[A-Z][A-Za-z_-]+|\b[A-Z][a-z]+/[A-Z][a-z_]+"
)
# Latin words a Russian page may hold: the site's name, file formats, keys, abbreviations, a browser's name in a
# login record. Lower-case Latin is data (addresses, user names, slugs) and is not looked at.
LATIN_ALLOWED = {
    "coopnet", "iCalendar", "RSS", "XLSX", "DOCX", "PDF", "CSV", "ICS", "JPEG", "PNG", "WebP", "Word", "Excel",
    "UTC", "Ctrl", "Cmd", "Mac", "LDAP", "Accept", "HTTP", "Mozilla", "SHA", "POST", "GET",
    "Apple", "Google", "Outlook",  # calendars a reader may add an event to
}  # fmt: skip


@dataclass(frozen=True)
class Pattern:
    name: str
    regex: re.Pattern
    per_chunk: bool = False  # looked for in each text node alone (a doubled word across two elements is no defect)


def pattern(name: str, regex: str, flags=0, per_chunk=False) -> Pattern:
    return Pattern(name, re.compile(regex, flags), per_chunk)


PATTERNS = [
    pattern("a related-field title without its type", r"объект типа\s*(?:[»\"“]|$)", re.MULTILINE),
    pattern("«объект», Django's jargon", r"\b[Оо]бъект(?:а|ов|ы|у|ом|е|ами|ах)?\b"),
    pattern("«связанные объекты», Django's jargon", r"связанн\w+ объект"),
    pattern("«Не удаётся удалить» beside «Нельзя удалить»", r"Не уда[её]тся"),
    pattern("a month in the nominative after a day", rf"\b\d{{1,2}} (?:{MONTHS}|{MONTHS.lower()})\b"),
    pattern("straight double quotes", r"\""),
    pattern("English quotes", r"[“”„]"),
    pattern("a word without its ё", rf"\b(?:{YO_WORDS})\b", re.IGNORECASE),
    pattern("an IANA time-zone name", IANA_ZONE.pattern),
    pattern("a word said twice", r"(?<![\w-])([А-Яа-яЁё]{2,})\s+\1(?![\w-])", re.IGNORECASE, per_chunk=True),
    pattern(
        "English left as it comes",
        r"\b(?:Can (?:add|change|delete|view)|Access Log|Failed access|Attempted Access|Locked Out|User Agent"
        r"|None|True|False|object \(\d+\)|Slug|Marathon)\b",
    ),
    pattern("«его/её» for a person whose gender the page could know", r"его/её|его/ее|\(а\)"),
]
# Said to a man or to a woman, each the other's mistake.
FOR_A_WOMAN = [pattern("masculine said to a woman", r"\bя (?:уверен|согласен|готов)\b")]
FOR_A_MAN = [pattern("feminine said to a man", r"\bя (?:уверена|согласна|готова)\b")]


class VisibleText(HTMLParser):
    """The chunks of a page a person reads: each text node, and each readable attribute."""

    SKIPPED = {"script", "style", "svg", "template", "noscript"}
    READ_ATTRIBUTES = {"title", "alt", "placeholder", "aria-label", "label"}
    BUTTONS = {"submit", "button", "reset"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag, attrs):
        if tag in self.SKIPPED:
            self.skipping += 1
            return
        attrs = dict(attrs)
        for name in self.READ_ATTRIBUTES:
            if attrs.get(name):
                self.chunks.append(attrs[name])
        if tag == "input" and attrs.get("type") in self.BUTTONS and attrs.get("value"):
            self.chunks.append(attrs["value"])
        if attrs.get("data-inline-formset"):
            self.chunks.append(json.loads(unescape(attrs["data-inline-formset"]))["options"]["addText"])

    def handle_startendtag(self, tag, attrs):
        if tag not in self.SKIPPED:
            self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in self.SKIPPED and self.skipping:
            self.skipping -= 1

    def handle_data(self, data):
        if not self.skipping and data.strip():
            self.chunks.append(" ".join(data.split()))


def visible_chunks(html: str) -> list[str]:
    reader = VisibleText()
    reader.feed(html)
    return reader.chunks


def latin_words(chunks: list[str]) -> list[str]:
    """Latin words with a capital on the page that are not addresses, e-mails or allowed abbreviations."""
    found = []
    for chunk in chunks:
        text = re.sub(r"\S+@\S+|https?://\S+|www\.\S+|/\S*", " ", chunk)
        found += [word for word in re.findall(r"\b[A-Z][A-Za-z]{3,}\b", text) if word not in LATIN_ALLOWED]
    return found


def problems(html: str, gender: str = "") -> list[str]:
    """What on the page breaks the rules above, each as «defect: …the words around it…»."""
    chunks = visible_chunks(html)
    text = " ¦ ".join(chunks)
    checks = PATTERNS + (FOR_A_WOMAN if gender == "f" else FOR_A_MAN if gender == "m" else [])
    found = []
    for check in checks:
        for place in chunks if check.per_chunk else [text]:
            for match in check.regex.finditer(place):
                around = place[max(0, match.start() - 40) : match.end() + 40]
                found.append(f"{check.name} [{match.group(0)}]: …{around}…")
    found += [f"a Latin word: {word}" for word in sorted(set(latin_words(chunks)))]
    return found
