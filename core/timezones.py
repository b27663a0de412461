"""Time zones as staff choose them: the zones of Russia, Kazakhstan and their neighbours by city, in Russian.

Each zone's label names the cities it covers and its UTC offset, which is read from the tz database for the
moment the list is shown (Kazakhstan moved all of its zones to UTC+5 on 1 March 2024; labels typed by hand
would go stale the same way). Which cities a zone covers follows the comments of the tz database's
zone1970.tab / zone.tab («MSK+04 - Kemerovo» for Asia/Novokuznetsk); `tests/admin_russian` checks each zone
against those tables. Every other IANA zone stays selectable under «Другие часовые пояса». The value stored
is always the IANA name.
"""

import datetime
import zoneinfo
from dataclasses import dataclass
from functools import cache

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
    Zone("Asia/Vladivostok", "RU", _("Владивосток, Хабаровск"), "MSK+07 - Amur River"),
    Zone("Asia/Magadan", "RU", _("Магадан"), "MSK+08 - Magadan"),
    Zone("Asia/Sakhalin", "RU", _("Южно-Сахалинск"), "MSK+08 - Sakhalin Island"),
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
NEIGHBOURS = [
    Zone("Europe/Minsk", "BY", _("Минск (Беларусь)"), ""),
    Zone("Europe/Kyiv", "UA", _("Киев (Украина)"), "most of Ukraine"),
    Zone("Asia/Tbilisi", "GE", _("Тбилиси (Грузия)"), ""),
    Zone("Asia/Yerevan", "AM", _("Ереван (Армения)"), ""),
    Zone("Asia/Baku", "AZ", _("Баку (Азербайджан)"), ""),
    Zone("Asia/Tashkent", "UZ", _("Ташкент (Узбекистан)"), "Uzbekistan (east)"),
    Zone("Asia/Samarkand", "UZ", _("Самарканд (Узбекистан)"), "Uzbekistan (west)"),
    Zone("Asia/Dushanbe", "TJ", _("Душанбе (Таджикистан)"), ""),
    Zone("Asia/Ashgabat", "TM", _("Ашхабад (Туркмения)"), ""),
    Zone("Asia/Bishkek", "KG", _("Бишкек (Киргизия)"), ""),
    Zone("Asia/Ulaanbaatar", "MN", _("Улан-Батор (Монголия)"), "most of Mongolia"),
    Zone("Asia/Hovd", "MN", _("Ховд (Монголия)"), "Bayan-Olgii, Hovd, Uvs"),
    Zone("Asia/Shanghai", "CN", _("Пекин (Китай)"), "Beijing Time"),
]
GROUPS = [(_("Россия"), RUSSIA), (_("Казахстан"), KAZAKHSTAN), (_("Соседние страны"), NEIGHBOURS)]
OTHERS = _("Другие часовые пояса")
LISTED = {zone.name: zone for _group, zones in GROUPS for zone in zones}


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


def zone_label(zone: Zone, at: datetime.datetime) -> str:
    """«Кемерово, Новокузнецк (UTC+7)»."""
    return f"{zone.cities} ({offset_label(utc_offset(zone.name, at))})"


def label_of(name: str, at: datetime.datetime | None = None) -> str:
    """What staff read for a stored zone: «Кемерово, Новокузнецк (UTC+7)», or the IANA name with its offset."""
    if not name:
        return ""
    at = at or timezone.now()
    if name in LISTED:
        return zone_label(LISTED[name], at)
    try:
        return f"{name} ({offset_label(utc_offset(name, at))})"
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return name


@cache
def all_zone_names() -> tuple[str, ...]:
    return tuple(sorted(zoneinfo.available_timezones()))


def timezone_choices(at: datetime.datetime | None = None) -> list:
    """Choices for a <select>: an empty choice, then groups (Russia, Kazakhstan, neighbours) ordered by offset,
    then every other IANA zone under «Другие часовые пояса». Offsets as of `at`, by default now."""
    at = at or timezone.now()
    choices: list = [("", "---------")]
    for title, zones in GROUPS:
        ordered = sorted(zones, key=lambda zone: utc_offset(zone.name, at))
        choices.append((title, [(zone.name, zone_label(zone, at)) for zone in ordered]))
    others = [
        (name, f"{name} ({offset_label(utc_offset(name, at))})") for name in all_zone_names() if name not in LISTED
    ]
    choices.append((OTHERS, others))
    return choices
