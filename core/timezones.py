"""Time zones as people read them: by Russian city and country names, never by IANA name.

Staff choose a library's zone from a list: the zones of Russia, Kazakhstan and their neighbours first, by city,
then every other zone of the world under «Другие часовые пояса». Each label names the cities and the UTC offset,
which is read from the tz database for the moment the list is shown (Kazakhstan moved all of its zones to UTC+5 on
1 March 2024; labels typed by hand would go stale the same way).

Which cities a zone of Russia or Kazakhstan covers follows the comments of the tz database's zone1970.tab /
zone.tab («MSK+04 - Kemerovo» for Asia/Novokuznetsk), said here in Russian; `tests/admin_russian` checks each zone
against those tables. Every other zone is named by the Unicode CLDR's Russian names, through Babel: its exemplar
city and its country («Абиджан, Кот-д’Ивуар»). The same names reach readers: the admin's lists, the portal, the
public pages, and the reader's own zone on an event's page (static/js/zone-names.js, written from `zone_names()`
by `manage.py write_zone_names`). The value stored is always the IANA name.
"""

import datetime
import re
import zoneinfo
from dataclasses import dataclass
from functools import cache
from importlib import resources

from babel import Locale
from babel.core import get_global
from django import forms
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Zone:
    name: str  # IANA name, as stored
    country: str  # ISO 3166 code of the zone's row in zone1970.tab / zone.tab
    cities: Promise
    tab: str  # the zone's comment in zone.tab, which its cities were read from ("" for a country's only zone)


RUSSIA = [
    Zone("Europe/Kaliningrad", "RU", _("Калининград"), "MSK-01 - Kaliningrad"),
    Zone("Europe/Moscow", "RU", _("Москва, Санкт-Петербург"), "MSK+00 - Moscow area"),
    Zone("Europe/Simferopol", "RU", _("Симферополь, Севастополь"), "Crimea"),
    Zone("Europe/Kirov", "RU", _("Киров"), "MSK+00 - Kirov"),
    Zone("Europe/Volgograd", "RU", _("Волгоград"), "MSK+00 - Volgograd"),
    Zone("Europe/Astrakhan", "RU", _("Астрахань"), "MSK+01 - Astrakhan"),
    Zone("Europe/Saratov", "RU", _("Саратов"), "MSK+01 - Saratov"),
    Zone("Europe/Ulyanovsk", "RU", _("Ульяновск"), "MSK+01 - Ulyanovsk"),
    Zone("Europe/Samara", "RU", _("Самара, Ижевск"), "MSK+01 - Samara, Udmurtia"),
    Zone("Asia/Yekaterinburg", "RU", _("Екатеринбург, Челябинск, Тюмень, Пермь, Уфа"), "MSK+02 - Urals"),
    Zone("Asia/Omsk", "RU", _("Омск"), "MSK+03 - Omsk"),
    Zone("Asia/Novosibirsk", "RU", _("Новосибирск"), "MSK+04 - Novosibirsk"),
    Zone("Asia/Barnaul", "RU", _("Барнаул, Горно-Алтайск"), "MSK+04 - Altai"),
    Zone("Asia/Tomsk", "RU", _("Томск"), "MSK+04 - Tomsk"),
    Zone("Asia/Novokuznetsk", "RU", _("Кемерово, Новокузнецк"), "MSK+04 - Kemerovo"),
    Zone("Asia/Krasnoyarsk", "RU", _("Красноярск, Абакан, Кызыл"), "MSK+04 - Krasnoyarsk area"),
    Zone("Asia/Irkutsk", "RU", _("Иркутск, Улан-Удэ"), "MSK+05 - Irkutsk, Buryatia"),
    Zone("Asia/Chita", "RU", _("Чита"), "MSK+06 - Zabaykalsky"),
    Zone("Asia/Yakutsk", "RU", _("Якутск, Благовещенск"), "MSK+06 - Lena River"),
    Zone("Asia/Khandyga", "RU", _("Хандыга (Томпонский и Усть-Майский улусы)"), "MSK+06 - Tomponsky, Ust-Maysky"),
    Zone("Asia/Vladivostok", "RU", _("Владивосток, Хабаровск"), "MSK+07 - Amur River"),
    Zone("Asia/Ust-Nera", "RU", _("Усть-Нера (Оймяконский улус)"), "MSK+07 - Oymyakonsky"),
    Zone("Asia/Magadan", "RU", _("Магадан"), "MSK+08 - Magadan"),
    Zone("Asia/Sakhalin", "RU", _("Южно-Сахалинск"), "MSK+08 - Sakhalin Island"),
    Zone("Asia/Srednekolymsk", "RU", _("Среднеколымск, Северные Курилы"), "MSK+08 - Sakha (E), N Kuril Is"),
    Zone("Asia/Kamchatka", "RU", _("Петропавловск-Камчатский"), "MSK+09 - Kamchatka"),
    Zone("Asia/Anadyr", "RU", _("Анадырь"), "MSK+09 - Bering Sea"),
]
KAZAKHSTAN = [
    Zone("Asia/Almaty", "KZ", _("Астана, Алматы, Усть-Каменогорск и большая часть Казахстана"), "most of Kazakhstan"),
    Zone("Asia/Qostanay", "KZ", _("Костанай"), "Qostanay/Kostanay/Kustanay"),
    Zone("Asia/Aqtobe", "KZ", _("Актобе"), "Aqtobe/Aktobe"),
    Zone("Asia/Oral", "KZ", _("Уральск"), "West Kazakhstan"),
    Zone("Asia/Atyrau", "KZ", _("Атырау"), "Atyrau/Atirau/Gur'yev"),
    Zone("Asia/Aqtau", "KZ", _("Актау"), "Mangghystau/Mankistau"),
    Zone("Asia/Qyzylorda", "KZ", _("Кызылорда"), "Qyzylorda/Kyzylorda/Kzyl-Orda"),
]
# Neighbours: the cities as Russian names them; the country is CLDR's («Минск, Беларусь»).
NEIGHBOURS = [
    Zone("Europe/Minsk", "BY", _("Минск"), ""),
    Zone("Europe/Kyiv", "UA", _("Киев"), "most of Ukraine"),
    Zone("Asia/Tbilisi", "GE", _("Тбилиси"), ""),
    Zone("Asia/Yerevan", "AM", _("Ереван"), ""),
    Zone("Asia/Baku", "AZ", _("Баку"), ""),
    Zone("Asia/Tashkent", "UZ", _("Ташкент"), "Uzbekistan (east)"),
    Zone("Asia/Samarkand", "UZ", _("Самарканд"), "Uzbekistan (west)"),
    Zone("Asia/Dushanbe", "TJ", _("Душанбе"), ""),
    Zone("Asia/Ashgabat", "TM", _("Ашхабад"), ""),
    Zone("Asia/Bishkek", "KG", _("Бишкек"), ""),
    Zone("Asia/Ulaanbaatar", "MN", _("Улан-Батор"), "most of Mongolia"),
    Zone("Asia/Hovd", "MN", _("Ховд"), "Bayan-Olgii, Hovd, Uvs"),
    Zone("Asia/Shanghai", "CN", _("Пекин"), "Beijing Time"),
]
GROUPS = [(_("Россия"), RUSSIA), (_("Казахстан"), KAZAKHSTAN), (_("Соседние страны"), NEIGHBOURS)]
OTHERS = _("Другие часовые пояса")
LISTED = {zone.name: zone for _group, zones in GROUPS for zone in zones}
# The countries whose zones are named without the country: their group says it, and so do their cities.
NAMED_BY_CITY_ALONE = {"RU", "KZ"}
UNIVERSAL = "UTC"

# CLDR's Russian as the site writes it: the full word for «о-ва», ё where Russian has it, the short name readers
# know for the United States.
CLDR_WORDING = [
    ("Соединенные Штаты", "США"),  # CLDR's own spelling, replaced
    ("о-ва", "острова"),
    ("о-в", "остров"),
]


def utc_offset(name: str, at: datetime.datetime) -> datetime.timedelta:
    return at.astimezone(zoneinfo.ZoneInfo(name)).utcoffset()


def offset_label(offset: datetime.timedelta) -> str:
    """UTC+7, UTC+5:30, UTC−3, UTC."""
    minutes = int(offset.total_seconds()) // 60
    if minutes == 0:
        return "UTC"
    sign = "+" if minutes > 0 else "−"
    hours, rest = divmod(abs(minutes), 60)
    return f"UTC{sign}{hours}" + (f":{rest:02d}" if rest else "")


@cache
def table_countries() -> dict[str, str]:
    """Every zone of the tz database's zone.tab (one per region of the world that has kept its own clock since
    1970) → its country code."""
    text = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_text(encoding="utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {row[2]: row[0] for row in rows}


@cache
def _cldr():
    locale = Locale.parse("ru")
    aliases: dict[str, str] = get_global("zone_aliases")  # an old or other name → the zone's IANA name
    names_of: dict[str, list[str]] = {}
    for alias, canonical in aliases.items():
        names_of.setdefault(canonical, []).append(alias)
    return locale, aliases, names_of, get_global("zone_territories")


def _cldr_wording(text: str) -> str:
    for old, new in CLDR_WORDING:
        text = text.replace(old, new)
    return text


def canonical_name(name: str) -> str:
    """The zone's current IANA name: «Asia/Kolkata» for «Asia/Calcutta», «Europe/Moscow» for «W-SU»."""
    _locale, aliases, _names_of, _territories = _cldr()
    return aliases.get(name, name)


def _cldr_place(name: str) -> tuple[str, str] | None:
    """CLDR's exemplar city of a zone and its country code, in Russian: («Абиджан», "CI"); the city is "" for a
    zone newer than CLDR's names (the country alone names it then)."""
    locale, _aliases, names_of, territories = _cldr()
    canonical = canonical_name(name)
    # CLDR keeps its names under the zone's older IDs («Asia/Calcutta»): look under every name of the zone.
    names = [canonical, name, *names_of.get(canonical, [])]
    city = next((locale.time_zones[n]["city"] for n in names if "city" in locale.time_zones.get(n, {})), None)
    country = table_countries().get(canonical) or next((territories[n] for n in names if n in territories), None)
    if not country or country in {"001", "ZZ"}:  # CLDR's world and unknown region
        return None
    return _cldr_wording(city or ""), country


def country_name(code: str) -> str:
    locale = _cldr()[0]
    return _cldr_wording(locale.territories.get(code, ""))


def place_name(name: str) -> str | None:
    """The zone as a place: «Кемерово, Новокузнецк», «Минск, Беларусь», «Абиджан, Кот-д’Ивуар»; None for a zone
    that is no place (UTC, Etc/GMT+5)."""
    zone = LISTED.get(name) or LISTED.get(canonical_name(name))
    if zone is not None:
        city, country = str(zone.cities), zone.country
    else:
        found = _cldr_place(name)
        if found is None:
            return None
        city, country = found
    if country in NAMED_BY_CITY_ALONE and city:
        return city
    country_text = country_name(country)
    if not city or not country_text:
        return city or country_text or None
    return city if country_text == city else f"{city}, {country_text}"


def zone_label(zone: Zone, at: datetime.datetime) -> str:
    """«Кемерово, Новокузнецк (UTC+7)»."""
    return label_of(zone.name, at)


def label_of(name: str, at: datetime.datetime | None = None) -> str:
    """What people read for a stored zone: «Кемерово, Новокузнецк (UTC+7)», «Абиджан, Кот-д’Ивуар (UTC)»,
    «Всемирное координированное время (UTC)» or, for a zone that names no place, «Время UTC−5»."""
    if not name:
        return ""
    at = at or timezone.now()
    try:
        offset = offset_label(utc_offset(name, at))
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return str(_("неизвестный часовой пояс"))
    place = place_name(name)
    if place is not None:
        return f"{place} ({offset})"
    if offset == "UTC":
        return str(_("Всемирное координированное время (UTC)"))
    return str(_("Время %(offset)s")) % {"offset": offset}


def offered_zone_names() -> list[str]:
    """The zones staff choose from: the listed ones, every zone of zone.tab, and UTC. Other IANA names (older
    names of the same zones, Etc/GMT+5) stay valid for a library that has one, and are offered to it alone."""
    names = set(LISTED) | set(table_countries()) | {UNIVERSAL}
    return [name for name in names if name in all_zone_names()]


@cache
def all_zone_names() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def timezone_choices(at: datetime.datetime | None = None, keep: tuple[str, ...] = ()) -> list:
    """Choices for a <select>: an empty choice, then groups (Russia, Kazakhstan, neighbours) ordered by offset,
    then every other zone of the world under «Другие часовые пояса», by name. Other zones of Russia and
    Kazakhstan join their country's group. Offsets as of `at`, by default now; `keep` adds zones not otherwise
    offered (a library's stored value) to the last group."""
    at = at or timezone.now()
    choices: list = [("", "---------")]
    countries = table_countries()
    others = [name for name in offered_zone_names() if name not in LISTED]
    others += [name for name in keep if name and name not in LISTED and name not in others and name in all_zone_names()]
    for title, zones in GROUPS:
        members = [zone.name for zone in zones]
        if zones is not NEIGHBOURS:
            country = zones[0].country
            members += [name for name in others if countries.get(name) == country]
        ordered = sorted(members, key=lambda name: (utc_offset(name, at), label_of(name, at)))
        choices.append((title, [(name, label_of(name, at)) for name in ordered]))
    placed = {name for _title, options in choices[1:] for name, _label in options}
    rest = sorted(((name, label_of(name, at)) for name in others if name not in placed), key=lambda row: row[1])
    choices.append((OTHERS, rest))
    return choices


class TimeZoneSelect(forms.Select):
    """The zone list, with offsets of the day the form is shown; a stored zone not offered otherwise (an older name
    of a zone) is kept among the choices, so saving the form does not lose it."""

    def __init__(self, attrs=None):
        super().__init__(attrs, choices=timezone_choices)

    def optgroups(self, name, value, attrs=None):
        self.choices = timezone_choices(keep=tuple(v for v in value if v))
        return super().optgroups(name, value, attrs)


def _normal(text: str) -> str:
    return " ".join(str(text).replace("ё", "е").replace("Ё", "Е").split()).casefold()


@cache
def _zones_by_place() -> dict[str, str]:
    """Every way a file or a person may name an offered zone → the zone: its place («Кемерово, Новокузнецк»,
    «Нью-Йорк, США»), each city of it («Кемерово»), and the city alone where no other zone has it."""
    found: dict[str, str] = {}
    cities: dict[str, set[str]] = {}
    for name in sorted(offered_zone_names()):
        place = place_name(name)
        if place is None:
            continue
        found.setdefault(_normal(place), name)
        listed = LISTED.get(name)
        parts = re.split(r", | и ", str(listed.cities)) if listed else [place.split(", ")[0]]
        for part in parts:
            cities.setdefault(_normal(part), set()).add(name)
    for city, names in cities.items():
        if len(names) == 1:
            found.setdefault(city, names.pop())
    return found


def zone_from_text(text: str) -> str | None:
    """The zone a text names: an IANA name, a place as the site writes it (with or without its offset), or one
    city of a zone («Кемерово» → Asia/Novokuznetsk); None when it names none."""
    text = str(text or "").strip()
    if text in all_zone_names():
        return text
    without_offset = text.rsplit(" (UTC", 1)[0] if text.endswith(")") else text
    return _zones_by_place().get(_normal(without_offset))


def zone_names() -> dict[str, str]:
    """Every IANA name a browser may report → the place readers see («Europe/Moscow» → «Москва, Санкт-Петербург»);
    zones that name no place are left out, and the page shows the time without a name."""
    names = {}
    for name in sorted(all_zone_names()):
        place = place_name(name)
        if place is not None:
            names[name] = place
    return names
