"""Fill the database with a realistic, reproducible spread of cooperation data for benchmarks.

Speed matters more than anything else here (100,000 events must load in well under two minutes on
PostgreSQL), so rows are built in Python and written with bulk_create in chunks: no save(), no
full_clean(), no signals. The database constraints are respected by construction instead, and
tests/bench/test_generate_data.py full_cleans a sample to prove it.

Every generated row is recognisable: libraries, events, exhibitions, contests, projects and guests
have slugs starting with "gen-", agreements have numbers starting with "gen-", and everything else
hangs off one of those. --clear deletes exactly that and nothing a person entered.
"""

import argparse
import bisect
import datetime
import io
import itertools
import random
import time
import zoneinfo
from decimal import Decimal

from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from agreements.models import Agreement, Contact, Direction, Library
from contests.models import Contest, Curator, Entry
from coopnet.dates import add_years
from coopnet.vocabulary import AgeRating, Scope
from events.models import Episode, Event, Participation, Person, Project
from exhibitions.models import Exhibition, ExhibitionStop

PREFIX = "gen-"
BATCH_SIZE = 5000
EVENT_CHUNK = 5000  # events built, written and forgotten at a time, so memory stays flat
HOST_TZ = "Asia/Novokuznetsk"

# (country, region, city, IANA time zone, latitude, longitude)
PLACES = [
    ("RU", "Москва", "Москва", "Europe/Moscow", 55.7558, 37.6173),
    ("RU", "Санкт-Петербург", "Санкт-Петербург", "Europe/Moscow", 59.9391, 30.3159),
    ("RU", "Московская область", "Подольск", "Europe/Moscow", 55.4311, 37.5445),
    ("RU", "Ленинградская область", "Выборг", "Europe/Moscow", 60.7100, 28.7480),
    ("RU", "Калининградская область", "Калининград", "Europe/Kaliningrad", 54.7104, 20.4522),
    ("RU", "Республика Крым", "Симферополь", "Europe/Simferopol", 44.9521, 34.1024),
    ("RU", "Волгоградская область", "Волгоград", "Europe/Volgograd", 48.7080, 44.5133),
    ("RU", "Саратовская область", "Саратов", "Europe/Saratov", 51.5336, 46.0343),
    ("RU", "Самарская область", "Самара", "Europe/Samara", 53.1959, 50.1002),
    ("RU", "Ульяновская область", "Ульяновск", "Europe/Ulyanovsk", 54.3142, 48.4031),
    ("RU", "Астраханская область", "Астрахань", "Europe/Astrakhan", 46.3479, 48.0336),
    ("RU", "Кировская область", "Киров", "Europe/Kirov", 58.6035, 49.6679),
    ("RU", "Республика Татарстан", "Казань", "Europe/Moscow", 55.7961, 49.1064),
    ("RU", "Нижегородская область", "Нижний Новгород", "Europe/Moscow", 56.3269, 44.0059),
    ("RU", "Ярославская область", "Ярославль", "Europe/Moscow", 57.6261, 39.8938),
    ("RU", "Ростовская область", "Ростов-на-Дону", "Europe/Moscow", 47.2222, 39.7203),
    ("RU", "Краснодарский край", "Краснодар", "Europe/Moscow", 45.0355, 38.9753),
    ("RU", "Воронежская область", "Воронеж", "Europe/Moscow", 51.6605, 39.2006),
    ("RU", "Архангельская область", "Архангельск", "Europe/Moscow", 64.5393, 40.5157),
    ("RU", "Мурманская область", "Мурманск", "Europe/Moscow", 68.9707, 33.0749),
    ("RU", "Республика Карелия", "Петрозаводск", "Europe/Moscow", 61.7891, 34.3596),
    ("RU", "Республика Коми", "Сыктывкар", "Europe/Moscow", 61.6688, 50.8356),
    ("RU", "Удмуртская Республика", "Ижевск", "Europe/Samara", 56.8528, 53.2042),
    ("RU", "Республика Башкортостан", "Уфа", "Asia/Yekaterinburg", 54.7388, 55.9721),
    ("RU", "Оренбургская область", "Оренбург", "Asia/Yekaterinburg", 51.7682, 55.0969),
    ("RU", "Пермский край", "Пермь", "Asia/Yekaterinburg", 58.0104, 56.2342),
    ("RU", "Свердловская область", "Екатеринбург", "Asia/Yekaterinburg", 56.8389, 60.6057),
    ("RU", "Челябинская область", "Челябинск", "Asia/Yekaterinburg", 55.1599, 61.4026),
    ("RU", "Курганская область", "Курган", "Asia/Yekaterinburg", 55.4410, 65.3411),
    ("RU", "Тюменская область", "Тюмень", "Asia/Yekaterinburg", 57.1530, 65.5343),
    ("RU", "Ханты-Мансийский автономный округ — Югра", "Ханты-Мансийск", "Asia/Yekaterinburg", 61.0042, 69.0019),
    ("RU", "Ямало-Ненецкий автономный округ", "Салехард", "Asia/Yekaterinburg", 66.5300, 66.6019),
    ("RU", "Омская область", "Омск", "Asia/Omsk", 54.9885, 73.3242),
    ("RU", "Новосибирская область", "Новосибирск", "Asia/Novosibirsk", 55.0084, 82.9357),
    ("RU", "Томская область", "Томск", "Asia/Tomsk", 56.4847, 84.9482),
    ("RU", "Алтайский край", "Барнаул", "Asia/Barnaul", 53.3481, 83.7798),
    ("RU", "Республика Алтай", "Горно-Алтайск", "Asia/Barnaul", 51.9581, 85.9603),
    ("RU", "Кемеровская область — Кузбасс", "Новокузнецк", "Asia/Novokuznetsk", 53.7557, 87.1099),
    ("RU", "Кемеровская область — Кузбасс", "Прокопьевск", "Asia/Novokuznetsk", 53.8861, 86.7190),
    ("RU", "Красноярский край", "Красноярск", "Asia/Krasnoyarsk", 56.0153, 92.8932),
    ("RU", "Республика Хакасия", "Абакан", "Asia/Krasnoyarsk", 53.7215, 91.4425),
    ("RU", "Республика Тыва", "Кызыл", "Asia/Krasnoyarsk", 51.7191, 94.4378),
    ("RU", "Иркутская область", "Иркутск", "Asia/Irkutsk", 52.2870, 104.3050),
    ("RU", "Республика Бурятия", "Улан-Удэ", "Asia/Irkutsk", 51.8335, 107.5841),
    ("RU", "Забайкальский край", "Чита", "Asia/Chita", 52.0340, 113.4994),
    ("RU", "Республика Саха (Якутия)", "Якутск", "Asia/Yakutsk", 62.0281, 129.7326),
    ("RU", "Амурская область", "Благовещенск", "Asia/Yakutsk", 50.2907, 127.5272),
    ("RU", "Хабаровский край", "Хабаровск", "Asia/Vladivostok", 48.4802, 135.0719),
    ("RU", "Приморский край", "Владивосток", "Asia/Vladivostok", 43.1155, 131.8855),
    ("RU", "Сахалинская область", "Южно-Сахалинск", "Asia/Sakhalin", 46.9591, 142.7380),
    ("RU", "Магаданская область", "Магадан", "Asia/Magadan", 59.5680, 150.8085),
    ("RU", "Камчатский край", "Петропавловск-Камчатский", "Asia/Kamchatka", 53.0241, 158.6436),
    ("RU", "Чукотский автономный округ", "Анадырь", "Asia/Anadyr", 64.7337, 177.4968),
    ("KZ", "Восточно-Казахстанская область", "Усть-Каменогорск", "Asia/Almaty", 49.9482, 82.6279),
    ("KZ", "Абайская область", "Семей", "Asia/Almaty", 50.4111, 80.2275),
    ("KZ", "Павлодарская область", "Павлодар", "Asia/Almaty", 52.2873, 76.9674),
    ("KZ", "город Астана", "Астана", "Asia/Almaty", 51.1694, 71.4491),
    ("KZ", "город Алматы", "Алматы", "Asia/Almaty", 43.2389, 76.8897),
    ("KZ", "Карагандинская область", "Караганда", "Asia/Almaty", 49.8047, 73.1094),
    ("KZ", "Акмолинская область", "Кокшетау", "Asia/Almaty", 53.2833, 69.3833),
    ("KZ", "Северо-Казахстанская область", "Петропавловск", "Asia/Almaty", 54.8667, 69.1500),
    ("KZ", "Костанайская область", "Костанай", "Asia/Qostanay", 53.2144, 63.6246),
    ("KZ", "Актюбинская область", "Актобе", "Asia/Aqtobe", 50.2839, 57.1670),
    ("KZ", "Западно-Казахстанская область", "Уральск", "Asia/Oral", 51.2278, 51.3865),
    ("KZ", "Атырауская область", "Атырау", "Asia/Atyrau", 47.0945, 51.9238),
    ("KZ", "Мангистауская область", "Актау", "Asia/Aqtau", 43.6500, 51.1667),
    ("KZ", "Кызылординская область", "Кызылорда", "Asia/Qyzylorda", 44.8488, 65.4823),
    ("KZ", "Жамбылская область", "Тараз", "Asia/Almaty", 42.9000, 71.3667),
]
KZ_SHARE = 0.2  # roughly one partner in five is in Kazakhstan

# (kind, full-name pattern, short-name abbreviation, weight)
LIBRARY_NAMES = [
    ("children", "Областная детская библиотека", "ОДБ", 20),
    ("children", "Центральная городская детская библиотека", "ЦГДБ", 15),
    ("children", "Краевая детская библиотека", "КДБ", 8),
    ("children_youth", "Областная детско-юношеская библиотека", "ОДЮБ", 20),
    ("children_youth", "Республиканская библиотека для детей и юношества", "РБДЮ", 8),
    ("youth", "Областная юношеская библиотека", "ОЮБ", 10),
    ("universal", "Центральная городская библиотека", "ЦГБ", 12),
    ("universal", "Областная универсальная научная библиотека", "ОУНБ", 5),
    ("other", "Библиотечно-информационный центр", "БИЦ", 2),
]
NAMED_AFTER = [
    "",
    "",
    "",
    "",
    "А.П. Гайдара",
    "А.С. Пушкина",
    "М. Горького",
    "Н.К. Крупской",
    "С.Я. Маршака",
    "К.И. Чуковского",
    "А.Л. Барто",
    "В.П. Астафьева",
    "В.М. Шукшина",
    "С.В. Михалкова",
    "Абая",
    "М. Ауэзова",
    "С. Муканова",
    "И. Алтынсарина",
]
FIRST_NAMES = [
    "Анна",
    "Мария",
    "Елена",
    "Ольга",
    "Татьяна",
    "Наталья",
    "Ирина",
    "Светлана",
    "Алия",
    "Динара",
    "Айгерим",
    "Дарья",
    "Софья",
    "Полина",
    "Алексей",
    "Иван",
    "Дмитрий",
    "Артём",
    "Максим",
    "Ерлан",
    "Нурлан",
    "Тимур",
    "Михаил",
    "Кирилл",
]
LAST_NAMES = [
    "Иванов",
    "Петров",
    "Смирнов",
    "Кузнецов",
    "Попов",
    "Соколов",
    "Лебедев",
    "Козлов",
    "Новиков",
    "Морозов",
    "Волков",
    "Сорокин",
    "Белов",
    "Ахметов",
    "Жумабаев",
    "Сагинтаев",
    "Исмаилов",
    "Гареев",
]
FEMALE_FIRST = set(FIRST_NAMES[:14])
TOPICS = [
    "Читаем вместе",
    "Книжное лето",
    "Сибирские писатели — детям",
    "Литературная карта региона",
    "Библиотека — пространство для подростков",
    "Цифровые сервисы для юных читателей",
    "Память поколений",
    "Сказки народов России",
    "Мой край — моя гордость",
    "Профессия — библиотекарь",
    "Семейное чтение",
    "Книга и кино",
    "Юные краеведы",
    "Поэзия без границ",
    "Читающая молодёжь",
    "Наследие Великой Победы",
    "Этнокультурное многообразие",
    "Библиотечный квест",
    "Писатели-юбиляры",
    "Экология и книга",
    "Навигатор по детской литературе",
    "Медиаграмотность подростков",
    "Волонтёры чтения",
    "Дни славянской письменности",
    "Казахская литература для детей",
    "Абай и Пушкин: диалог культур",
    "Новые форматы работы с молодёжью",
    "Инклюзивная библиотека",
    "Театр книги",
    "Комиксы и графические романы",
]
TRADITIONS = [
    "шорская сказка",
    "телеутская сказка",
    "татарская сказка",
    "русская народная сказка",
    "казахская сказка",
    "алтайская сказка",
    "хакасская сказка",
    "бурятская сказка",
    "немецкая сказка Сибири",
    "чувашская сказка",
]
SIGNED_AT = [
    "",
    "",
    "деловая встреча в рамках Дней Москвы в Кузбассе",
    "межрегиональная конференция",
    "творческая встреча писателей",
    "онлайн-совещание руководителей",
    "книжный фестиваль",
]

EVENT_KIND_WEIGHTS = {
    Event.Kind.WEBINAR: 12,
    Event.Kind.SEMINAR: 8,
    Event.Kind.WORKSHOP: 7,
    Event.Kind.CONFERENCE: 5,
    Event.Kind.STRATEGIC_SESSION: 2,
    Event.Kind.ROUND_TABLE: 6,
    Event.Kind.TELEBRIDGE: 14,
    Event.Kind.CREATIVE_MEETING: 12,
    Event.Kind.PRESENTATION: 8,
    Event.Kind.BUSINESS_MEETING: 4,
    Event.Kind.MASTER_CLASS: 10,
    Event.Kind.OTHER: 4,
}
# Online grew sharply from 2020 on.
FORMAT_WEIGHTS_BEFORE_2020 = {"online": 15, "offline": 60, "hybrid": 15, "correspondence": 10}
FORMAT_WEIGHTS_2020 = {"online": 75, "offline": 8, "hybrid": 10, "correspondence": 7}
FORMAT_WEIGHTS_AFTER_2020 = {"online": 55, "offline": 20, "hybrid": 18, "correspondence": 7}
AUDIENCE_WEIGHTS = {"children": 35, "teens": 20, "youth": 20, "families": 10, "specialists": 15}
# Age mark and 6-НК group that fit each audience.
AUDIENCE_AGE_RATINGS = {
    "children": ["0+", "6+"],
    "teens": ["12+"],
    "youth": ["12+", "16+"],
    "families": ["0+", "6+"],
    "specialists": ["16+", "18+"],
}
AUDIENCE_TARGET_GROUPS = {
    "children": ["children"],
    "teens": ["children", "youth"],
    "youth": ["youth"],
    "families": ["children", "other"],
    "specialists": ["other"],
}
MONTH_WEIGHTS = [6, 9, 10, 10, 8, 5, 4, 5, 10, 11, 11, 9]  # quieter in summer and at New Year
PARTICIPANTS_PER_EVENT = ([1, 2, 3, 4], [15, 45, 25, 15])
EXHIBITION_KIND_WEIGHTS = {"travelling": 35, "exchange": 15, "ethnocultural": 15, "book_illustration": 15, "book": 20}
ENTRY_RESULT_WEIGHTS = {"participant": 70, "finalist": 15, "laureate": 8, "winner": 7}


def count_argument(value: str) -> int:
    """argparse type for counts: a clear message instead of a traceback for '-5' or 'abc'."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(_("«%(value)s» — не целое число.") % {"value": value}) from None
    if number < 0:
        raise argparse.ArgumentTypeError(_("число не может быть отрицательным: %(value)s.") % {"value": value})
    return number


def _weighted(rng: random.Random, weights: dict):
    return rng.choices(list(weights), weights=list(weights.values()))[0]


def _random_date(rng: random.Random, start: datetime.date, end: datetime.date) -> datetime.date:
    return start + datetime.timedelta(days=rng.randint(0, max((end - start).days, 0)))


def _coordinate(value: float, rng: random.Random) -> Decimal:
    return Decimal(f"{value + rng.uniform(-0.05, 0.05):.5f}")


def _person_name(rng: random.Random) -> str:
    first = rng.choice(FIRST_NAMES)
    last = rng.choice(LAST_NAMES)
    return f"{first} {last}a" if first in FEMALE_FIRST else f"{first} {last}"


def _copy_value(value) -> str:
    """One value in PostgreSQL's COPY text format."""
    if value is None:
        return "\\N"
    if value is True or value is False:
        return "t" if value else "f"
    if isinstance(value, datetime.date):  # dates and aware datetimes
        return value.isoformat()
    return str(value).replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


def insert_rows(model, rows: list[dict], ids: bool = True) -> list[int]:
    """Insert rows given as {attname: value}; return their primary keys (in order) when `ids`.

    On PostgreSQL the big tables go through COPY, with keys drawn from the table's own sequence
    first: several times faster than INSERT for 100,000 events, because Django's per-field
    preparation and the server's parsing of huge VALUES lists both disappear. Elsewhere bulk_create.
    """
    if not rows:
        return []
    if connection.vendor != "postgresql":
        objects = [model(**row) for row in rows]
        model.objects.bulk_create(objects, batch_size=BATCH_SIZE)
        return [obj.pk for obj in objects] if ids else []

    meta = model._meta
    now = timezone.now()
    given = [field for field in meta.concrete_fields if field.attname in rows[0]]
    # Fields the generator leaves out get what Django would have put there.
    missing = {
        field: now
        if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False)
        else field.get_default()
        for field in meta.concrete_fields
        if field.attname not in rows[0] and not field.primary_key
    }
    columns = [field.column for field in given] + [field.column for field in missing]
    fixed = "".join("\t" + _copy_value(value) for value in missing.values())
    names = [field.attname for field in given]
    keys: list[int] = []
    with connection.cursor() as cursor:
        if ids:
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(rows)],
            )
            keys = [row[0] for row in cursor.fetchall()]
            columns.insert(0, meta.pk.column)
        buffer = io.StringIO()
        for n, row in enumerate(rows):
            values = "\t".join(_copy_value(row[name]) for name in names)
            buffer.write(f"{keys[n]}\t{values}{fixed}\n" if ids else f"{values}{fixed}\n")
        buffer.seek(0)
        quoted = ", ".join(connection.ops.quote_name(column) for column in columns)
        cursor.cursor.copy_expert(f"COPY {connection.ops.quote_name(meta.db_table)} ({quoted}) FROM STDIN", buffer)
    return keys


class _Partner:
    """What the generator needs to know about a library while it builds activities."""

    __slots__ = ("pk", "index", "slug", "region", "city", "tz", "country", "active_from", "active_until", "agreements")

    def __init__(self, library: Library, active_from=None, active_until=None):
        self.pk = library.pk
        self.slug = library.slug
        self.region = library.region
        self.city = library.city
        self.tz = zoneinfo.ZoneInfo(library.timezone)
        self.country = library.country
        self.active_from = active_from
        self.active_until = active_until
        self.agreements: list[tuple[datetime.date, datetime.date, int]] = []  # (from, until, pk)

    def agreement_on(self, day: datetime.date) -> int | None:
        for start, end, pk in self.agreements:
            if start <= day <= end:
                return pk
        return None


class Command(BaseCommand):
    # Plain strings: argparse cannot format lazy translations.
    help = (
        "Заполняет базу правдоподобными данными за несколько лет для проверки скорости отчётов: "
        "библиотеки-партнёры России и Казахстана, соглашения, мероприятия с участием библиотек, выставки, "
        "конкурсы и проект с выпусками. Сгенерированные записи помечены префиксом «gen-»; --clear удаляет "
        "только их (без --partners и --events — только удаляет)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--partners", type=count_argument, default=None, help="библиотек-партнёров (по умолчанию 100)"
        )
        parser.add_argument("--events", type=count_argument, default=None, help="мероприятий (по умолчанию 100000)")
        parser.add_argument(
            "--years", type=count_argument, default=10, help="за сколько лет, от 1 до 50 (по умолчанию 10)"
        )
        parser.add_argument(
            "--end-year", type=count_argument, default=None, help="последний год данных (по умолчанию текущий)"
        )
        parser.add_argument("--seed", type=int, default=42, help="зерно генератора случайных чисел (по умолчанию 42)")
        parser.add_argument("--clear", action="store_true", help="сначала удалить ранее сгенерированные записи")

    def handle(self, *args, **options):
        started = time.perf_counter()
        only_clear = options["clear"] and options["partners"] is None and options["events"] is None
        partners = 100 if options["partners"] is None else options["partners"]
        events = 100_000 if options["events"] is None else options["events"]
        years = options["years"]
        end_year = timezone.localdate().year if options["end_year"] is None else options["end_year"]
        for name in ("partners", "events", "years", "end_year"):
            if options[name] is not None and (not isinstance(options[name], int) or options[name] < 0):
                raise CommandError(
                    _("--%(name)s: нужно целое неотрицательное число, получено «%(value)s».")
                    % {"name": name.replace("_", "-"), "value": options[name]}
                )
        if not 1 <= years <= 50:
            raise CommandError(_("--years должно быть от 1 до 50, получено %(years)s.") % {"years": years})
        if not 1990 <= end_year - years + 1 <= end_year <= 2100:
            raise CommandError(
                _("Годы данных должны лежать в пределах 1990–2100, а получилось %(first)s–%(last)s.")
                % {"first": end_year - years + 1, "last": end_year}
            )
        if events and not partners and not only_clear:
            raise CommandError(_("Для мероприятий нужна хотя бы одна библиотека-партнёр: укажите --partners ≥ 1."))

        with transaction.atomic():
            if connection.vendor == "postgresql":
                # Throw-away data: do not wait for the WAL flush of one very large transaction.
                with connection.cursor() as cursor:
                    cursor.execute("SET LOCAL synchronous_commit TO OFF")
            cleared = clear_generated() if options["clear"] else None
            if only_clear:
                self.stdout.write(_("Удалено сгенерированных записей: %(count)s.") % {"count": cleared})
                return
            if (
                Library.objects.filter(slug__startswith=PREFIX, is_host=False).exists()
                or Event.objects.filter(slug__startswith=PREFIX).exists()
            ):
                raise CommandError(
                    _("В базе уже есть сгенерированные данные. Запустите команду с --clear, чтобы заменить их.")
                )
            generator = Generator(
                seed=options["seed"],
                partners=partners,
                events=events,
                first_year=end_year - years + 1,
                end_year=end_year,
                progress=self.stdout.write if options["verbosity"] >= 2 else None,
            )
            counts = generator.run()

        elapsed = time.perf_counter() - started
        summary = _(
            "Создано за %(seconds).1f с — библиотек-партнёров: %(partners)s, соглашений: %(agreements)s, "
            "мероприятий: %(events)s (черновиков: %(drafts)s), записей об участии: %(participations)s, "
            "выставок: %(exhibitions)s (площадок: %(stops)s), конкурсов: %(contests)s (работ: %(entries)s), "
            "проектов: %(projects)s (выпусков: %(episodes)s); годы %(first)s–%(last)s, зерно %(seed)s."
        ) % {**counts, "seconds": elapsed, "first": end_year - years + 1, "last": end_year, "seed": options["seed"]}
        if cleared is not None:
            summary = _("Удалено прежних: %(count)s. ") % {"count": cleared} + summary
        self.stdout.write(summary)


def clear_generated() -> int:
    """Delete generated rows only; rows people entered stay, and rows that point at generated ones stop us."""
    generated = Library.objects.filter(slug__startswith=PREFIX)
    total = 0
    # Children first, by queries that Django can run as single DELETEs, so 100,000 events are not loaded.
    steps = [
        Entry.objects.filter(contest__slug__startswith=PREFIX),
        Curator.objects.filter(contest__slug__startswith=PREFIX),
        Contest.objects.filter(slug__startswith=PREFIX),
        ExhibitionStop.objects.filter(exhibition__slug__startswith=PREFIX),
        Exhibition.objects.filter(slug__startswith=PREFIX, counterpart__isnull=False),
        Exhibition.objects.filter(slug__startswith=PREFIX),
        Episode.objects.filter(project__slug__startswith=PREFIX),
        Project.objects.filter(slug__startswith=PREFIX),
        Participation.objects.filter(event__slug__startswith=PREFIX),
        Event.guests.through.objects.filter(event__slug__startswith=PREFIX),
        Event.objects.filter(slug__startswith=PREFIX).only("pk"),
        Person.objects.filter(slug__startswith=PREFIX),
        Agreement.directions.through.objects.filter(
            agreement__number__startswith=PREFIX, agreement__partner__in=generated
        ),
        Agreement.objects.filter(number__startswith=PREFIX, partner__in=generated),
        Contact.objects.filter(library__in=generated),
        generated,
    ]
    try:
        for queryset in steps:
            deleted, _by_model = queryset.delete()
            total += deleted
    except ProtectedError as error:
        examples = ", ".join(str(obj) for obj in list(error.protected_objects)[:3])
        raise CommandError(
            _(
                "Сгенерированные библиотеки нельзя удалить: на них ссылаются записи, внесённые вручную (%(examples)s). "
                "Удалите или исправьте эти записи и повторите."
            )
            % {"examples": examples}
        ) from None
    return total


class Generator:
    def __init__(self, *, seed: int, partners: int, events: int, first_year: int, end_year: int, progress=None):
        self.rng = random.Random(seed)
        self.n_partners = partners
        self.n_events = events
        self.first_day = datetime.date(first_year, 1, 1)
        self.last_day = datetime.date(end_year, 12, 31)
        self.years = list(range(first_year, end_year + 1))
        # Cooperation grows over the years.
        self.year_cum_weights = list(itertools.accumulate(1 + 0.12 * i for i in range(len(self.years))))
        self.month_cum_weights = list(itertools.accumulate(MONTH_WEIGHTS))
        self.progress = progress
        self.counts = dict.fromkeys(
            [
                "partners",
                "agreements",
                "events",
                "drafts",
                "participations",
                "exhibitions",
                "stops",
                "contests",
                "entries",
                "projects",
                "episodes",
            ],
            0,
        )

    def log(self, message: str) -> None:
        if self.progress:
            self.progress(message)

    def run(self) -> dict:
        self.host = self.get_host()
        self.partners = self.create_partners()
        self.libraries = [self.host, *self.partners]
        self.create_agreements()
        if self.n_events:
            self.guests = self.create_guests()
            self.create_events()
            self.create_exhibitions()
            self.create_contests()
            self.create_projects()
        return self.counts

    # -- dates ------------------------------------------------------------------------------------------------

    def random_day(self) -> datetime.date:
        rng = self.rng
        year = self.years[bisect.bisect(self.year_cum_weights, rng.random() * self.year_cum_weights[-1])]
        month = bisect.bisect(self.month_cum_weights, rng.random() * self.month_cum_weights[-1]) + 1
        day = rng.randint(1, 28 if month == 2 else 30 if month in (4, 6, 9, 11) else 31)
        return datetime.date(year, month, day)

    # -- libraries and agreements ------------------------------------------------------------------------------

    def get_host(self) -> _Partner:
        host = Library.host()
        if host is None:
            host = Library.objects.create(
                name="Государственная библиотека Кузбасса для детей и молодёжи",
                short_name="Библиотека Кузбасса для детей и молодёжи",
                kind=Library.Kind.CHILDREN_YOUTH,
                country=Library.Country.RUSSIA,
                region="Кемеровская область — Кузбасс",
                city="Кемерово",
                timezone=HOST_TZ,
                latitude=Decimal("55.35490"),
                longitude=Decimal("86.08730"),
                slug=f"{PREFIX}host",
                is_host=True,
            )
        return _Partner(host, self.first_day, self.last_day)

    def create_partners(self) -> list[_Partner]:
        rng = self.rng
        ru = [place for place in PLACES if place[0] == "RU"]
        kz = [place for place in PLACES if place[0] == "KZ"]
        names = [(kind, name, abbr) for kind, name, abbr, _w in LIBRARY_NAMES]
        name_weights = [weight for *_rest, weight in LIBRARY_NAMES]
        width = max(3, len(str(self.n_partners)))
        seen: dict[str, int] = {}
        rows = []
        for i in range(self.n_partners):
            country, region, city, tz, lat, lon = rng.choice(kz if rng.random() < KZ_SHARE else ru)
            kind, name, abbr = rng.choices(names, weights=name_weights)[0]
            named = rng.choice(NAMED_AFTER)
            short = f"{abbr} {city}"
            seen[short] = seen.get(short, 0) + 1
            if seen[short] > 1:
                short = f"{short} № {seen[short]}"
            full = f"{name}{f' имени {named}' if named else ''} (г. {city})"
            rows.append(
                Library(
                    name=full,
                    short_name=short,
                    named_after=named,
                    kind=kind,
                    country=country,
                    region=region,
                    city=city,
                    timezone=tz,
                    latitude=_coordinate(lat, rng),
                    longitude=_coordinate(lon, rng),
                    website=f"https://library-{i + 1:0{width}d}.example.org/",
                    address=f"ул. {rng.choice(['Ленина', 'Мира', 'Советская', 'Абая', 'Пушкина', 'Гагарина'])}, "
                    f"д. {rng.randint(1, 120)}",
                    description=f"Библиотека-партнёр: {region}.",
                    slug=f"{PREFIX}library-{i + 1:0{width}d}",
                )
            )
        Library.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        contacts = []
        for library in rows:
            for _n in range(rng.randint(1, 2)):
                contacts.append(
                    Contact(
                        library=library,
                        full_name=_person_name(rng),
                        position=rng.choice(["директор", "заместитель директора", "методист", "заведующий отделом"]),
                        email=f"{library.slug}-{len(contacts)}@example.org",
                        phone="+7 900 000-00-00",
                    )
                )
        Contact.objects.bulk_create(contacts, batch_size=BATCH_SIZE)
        self.counts["partners"] = len(rows)
        self.log(f"partners: {len(rows)}")
        return [_Partner(library) for library in rows]

    def create_agreements(self) -> None:
        """Most agreements are in force; some are open-ended, some prolong themselves, some expired or ended."""
        rng = self.rng
        first, last = self.first_day, self.last_day
        span_days = (last - first).days
        direction_ids = list(Direction.objects.order_by("pk").values_list("pk", flat=True))
        rows, plans = [], []  # plans: (partner, active from, active until) per agreement row
        number = itertools.count(1)

        def agreement(partner, signed, fate):
            valid_from = signed if rng.random() < 0.8 else signed + datetime.timedelta(days=rng.randint(1, 30))
            fields = {
                "valid_until": None,
                "auto_prolongation": False,
                "status": Agreement.Status.IN_FORCE,
                "terminated_on": None,
                "prolongation_years": 1,
            }
            active_until = last
            if fate == "auto":
                fields["valid_until"] = add_years(valid_from, rng.randint(1, 3))
                fields["auto_prolongation"] = True
                fields["prolongation_years"] = rng.randint(1, 3)
            elif fate == "fixed":  # runs past the data's end; a few expire during the next year
                fields["valid_until"] = max(
                    add_years(valid_from, rng.randint(3, 5)), last + datetime.timedelta(days=rng.randint(30, 900))
                )
            elif fate == "expired":
                fields["valid_until"] = min(
                    add_years(valid_from, rng.randint(1, 3)), last - datetime.timedelta(days=rng.randint(30, 400))
                )
                fields["valid_until"] = max(fields["valid_until"], valid_from)
                active_until = fields["valid_until"]
            elif fate == "terminated":
                fields["status"] = Agreement.Status.TERMINATED
                fields["terminated_on"] = _random_date(rng, signed + datetime.timedelta(days=90), last)
                fields["valid_until"] = None if rng.random() < 0.5 else add_years(valid_from, 5)
                active_until = fields["terminated_on"]
            elif fate == "draft":
                fields["status"] = Agreement.Status.DRAFT
                active_until = None
            rows.append(
                Agreement(
                    host_id=self.host.pk,
                    partner_id=partner.pk,
                    number=f"{PREFIX}{next(number):04d}/С",
                    signed_on=signed,
                    signed_at=rng.choice(SIGNED_AT),
                    valid_from=valid_from,
                    host_signatory=_person_name(rng),
                    host_signatory_position="директор",
                    partner_signatory=_person_name(rng),
                    partner_signatory_position="директор",
                    is_public=rng.random() < 0.9,
                    **fields,
                )
            )
            plans.append((partner, valid_from, active_until))
            return active_until

        fates = {"open": 25, "auto": 25, "fixed": 22, "expired": 12, "terminated": 10, "draft": 3}
        for partner in self.partners:
            # A third of the partners signed in the first two years; the rest joined later.
            if rng.random() < 0.35:
                signed = first + datetime.timedelta(days=rng.randint(0, min(730, span_days)))
            else:
                signed = first + datetime.timedelta(days=rng.randint(0, span_days))
            fate = _weighted(rng, fates)
            if fate in ("expired", "terminated") and rng.random() < 0.5:
                # The partnership went on under a new agreement.
                ended = agreement(partner, signed, fate)
                renewed = ended + datetime.timedelta(days=rng.randint(1, 120))
                fate = rng.choice(["open", "auto", "fixed"])
                if renewed <= last:
                    signed = renewed
                    ended = agreement(partner, signed, fate)
                end_of_activity = ended
            else:
                end_of_activity = agreement(partner, signed, fate)
            # Partners worked together a while before signing; a tenth went quiet but kept the agreement.
            partner.active_from = max(first, signed - datetime.timedelta(days=rng.randint(0, 540)))
            partner.active_until = end_of_activity or last
            if fate in ("open", "auto") and rng.random() < 0.12:
                partner.active_until = max(partner.active_from, last - datetime.timedelta(days=rng.randint(400, 900)))

        Agreement.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        links = []
        for row, (partner, valid_from, active_until) in zip(rows, plans, strict=True):
            if active_until is not None:
                partner.agreements.append((valid_from, active_until, row.pk))
            if direction_ids:
                for direction_id in rng.sample(
                    direction_ids, rng.randint(min(2, len(direction_ids)), len(direction_ids))
                ):
                    links.append(Agreement.directions.through(agreement_id=row.pk, direction_id=direction_id))
        Agreement.directions.through.objects.bulk_create(links, batch_size=BATCH_SIZE)
        self.partner_cum_weights = list(itertools.accumulate(rng.paretovariate(1.3) for _p in self.partners))
        self.counts["agreements"] = len(rows)
        self.log(f"agreements: {len(rows)}")

    def pick_partners(self, day: datetime.date, count: int, exclude: _Partner | None = None) -> list[_Partner]:
        """Up to `count` distinct partners working with us on that day; busy partners more often."""
        rng, chosen = self.rng, []
        weights, total = self.partner_cum_weights, self.partner_cum_weights[-1]
        for _attempt in range(count * 6):
            partner = self.partners[bisect.bisect(weights, rng.random() * total)]
            if partner is exclude or partner in chosen:
                continue
            if partner.active_from <= day <= partner.active_until:
                chosen.append(partner)
                if len(chosen) == count:
                    break
        return chosen

    def create_guests(self) -> list[int]:
        occupations = ["писатель", "поэт", "иллюстратор", "детский писатель", "краевед"]
        rows = []
        for i in range(30):
            country, _region, city, *_rest = self.rng.choice(PLACES)
            rows.append(
                Person(
                    full_name=_person_name(self.rng),
                    slug=f"{PREFIX}person-{i + 1:03d}",
                    occupation=self.rng.choice(occupations),
                    place=f"{city}, {'Казахстан' if country == 'KZ' else 'Россия'}",
                )
            )
        Person.objects.bulk_create(rows, batch_size=BATCH_SIZE)
        return [row.pk for row in rows]

    # -- events -------------------------------------------------------------------------------------------------

    def create_events(self) -> None:
        rng = self.rng
        kinds = [str(kind) for kind in EVENT_KIND_WEIGHTS]
        kind_weights = list(EVENT_KIND_WEIGHTS.values())
        kind_labels = {kind: str(Event.Kind(kind).label) for kind in kinds}
        audiences, audience_weights = list(AUDIENCE_WEIGHTS), list(AUDIENCE_WEIGHTS.values())
        all_values = {  # the first rows walk through every choice so even tiny data sets have each value
            "kind": kinds,
            "format": Event.Format.values,
            "scope": Scope.values,
            "audience": Event.Audience.values,
            "age_rating": AgeRating.values,
            "target_group": Event.TargetGroup.values,
            "venue": Event.Venue.values,
        }
        width = max(6, len(str(self.n_events)))
        telebridge_like = {Event.Kind.TELEBRIDGE, Event.Kind.CREATIVE_MEETING, Event.Kind.PRESENTATION}
        roles_other = [Participation.Role.PARTICIPANT, Participation.Role.CO_ORGANISER]
        host = self.host

        for chunk_start in range(0, self.n_events, EVENT_CHUNK):
            chunk_end = min(chunk_start + EVENT_CHUNK, self.n_events)
            chunk_started = time.perf_counter()
            events, sites = [], []  # sites: per event, [(partner, role, count)]
            for i in range(chunk_start, chunk_end):
                day = self.random_day()
                kind = rng.choices(kinds, weights=kind_weights)[0]
                year = day.year
                format_weights = (
                    FORMAT_WEIGHTS_BEFORE_2020
                    if year < 2020
                    else FORMAT_WEIGHTS_2020
                    if year == 2020
                    else FORMAT_WEIGHTS_AFTER_2020
                )
                fmt = _weighted(rng, format_weights)
                audience = rng.choices(audiences, weights=audience_weights)[0]
                age_rating = rng.choice(AUDIENCE_AGE_RATINGS[audience])
                target_group = rng.choice(AUDIENCE_TARGET_GROUPS[audience])
                if fmt == "online":
                    venue = "remote"
                elif fmt == "offline":
                    venue = "in_library" if rng.random() < 0.8 else "off_site"
                elif fmt == "hybrid":
                    venue = rng.choice(["in_library", "remote"])
                else:
                    venue = rng.choice(["remote", "off_site"])

                # Who takes part: the organiser, often us, and partners active on that day.
                size = rng.choices(*PARTICIPANTS_PER_EVENT)[0]
                if kind == Event.Kind.TELEBRIDGE:
                    size = max(size, 2)
                if rng.random() < 0.55:
                    organiser = host
                    others = self.pick_partners(day, size - 1)
                else:
                    partners = self.pick_partners(day, 1)
                    organiser = partners[0] if partners else host
                    others = (
                        []
                        if size == 1
                        else (
                            ([host] if organiser is not host and rng.random() < 0.85 else [])
                            + self.pick_partners(day, size - 1, exclude=organiser)
                        )[: size - 1]
                    )
                main_partner = organiser if organiser is not host else (others[0] if others else None)
                scope = (
                    "international"
                    if any(p.country == "KZ" for p in (organiser, *others))
                    else "regional"
                    if rng.random() < 0.08
                    else "interregional"
                )

                if rng.random() < 0.002:  # a New Year's Eve evening in the organiser's own time zone
                    day, hour, minute = datetime.date(year, 12, 31), 23, 30
                else:
                    hour, minute = rng.randint(9, 18), rng.choice((0, 0, 30))
                starts_at = datetime.datetime(day.year, day.month, day.day, hour, minute, tzinfo=organiser.tz)
                if kind == Event.Kind.CONFERENCE:
                    minutes = rng.choice([240, 360, 480, 1440, 1800])
                elif kind == Event.Kind.STRATEGIC_SESSION:
                    minutes = rng.randint(3, 6) * 60
                else:
                    minutes = rng.choice([45, 60, 90, 120, 180])

                values = {
                    "kind": kind,
                    "format": fmt,
                    "scope": scope,
                    "audience": audience,
                    "age_rating": age_rating,
                    "target_group": target_group,
                    "venue": venue,
                }
                if i < 12:
                    values = {field: choices[i % len(choices)] for field, choices in all_values.items()}
                    kind = values["kind"]

                with_counts = rng.random() > 0.03
                big = 400 if values["format"] in ("online", "hybrid") else 120
                event_sites = [(organiser, Participation.Role.ORGANISER)] + [
                    (other, Participation.Role.SITE if kind == Event.Kind.TELEBRIDGE else rng.choice(roles_other))
                    for other in others
                ]
                site_counts = [rng.randint(8, big) if with_counts else None for _s in event_sites]
                slug = f"{PREFIX}event-{i + 1:0{width}d}"
                online = values["format"] in ("online", "hybrid")
                events.append(
                    dict(
                        title=f"{kind_labels[kind].capitalize()} «{rng.choice(TOPICS)}»",
                        slug=slug,
                        organiser_id=organiser.pk,
                        agreement_id=main_partner.agreement_on(day) if main_partner else None,
                        starts_at=starts_at,
                        ends_at=starts_at + datetime.timedelta(minutes=minutes),
                        description=f"Совместное мероприятие: {len(event_sites)} библиотек(и).",
                        online_url=f"https://example.org/live/{slug}" if online else "",
                        location="" if online else f"{organiser.city}",
                        participants_count=sum(site_counts) if with_counts else None,
                        is_published=rng.random() >= 0.05,
                        **values,
                    )
                )
                sites.append(
                    [(site, role, count) for (site, role), count in zip(event_sites, site_counts, strict=True)]
                )
            built = time.perf_counter()
            event_ids = insert_rows(Event, events)
            written = time.perf_counter()

            participations, guest_links = [], []
            for event_id, event, event_sites in zip(event_ids, events, sites, strict=True):
                for site, role, count in event_sites:
                    participations.append(
                        {"event_id": event_id, "library_id": site.pk, "role": role, "participants_count": count}
                    )
                if event["kind"] in telebridge_like and rng.random() < 0.6:
                    for person_id in rng.sample(self.guests, rng.randint(1, 2)):
                        guest_links.append({"event_id": event_id, "person_id": person_id})
            linked = time.perf_counter()
            insert_rows(Participation, participations, ids=False)
            insert_rows(Event.guests.through, guest_links, ids=False)
            done = time.perf_counter()
            self.counts["events"] += len(events)
            self.counts["drafts"] += sum(1 for event in events if not event["is_published"])
            self.counts["participations"] += len(participations)
            self.log(
                f"events: {chunk_end}/{self.n_events} (build {built - chunk_started:.1f} s, "
                f"write events {written - built:.1f} s, build links {linked - written:.1f} s, "
                f"write links {done - linked:.1f} s)"
            )

    # -- exhibitions, contests, projects -----------------------------------------------------------------------

    def agreement_for(self, library: _Partner, day: datetime.date) -> int | None:
        return None if library is self.host else library.agreement_on(day)

    def some_partner(self, day: datetime.date) -> _Partner:
        found = self.pick_partners(day, 1)
        return found[0] if found else self.rng.choice(self.partners)

    def create_exhibitions(self) -> None:
        rng = self.rng
        count = max(1, self.n_events // 100)
        kinds, kind_weights = list(EXHIBITION_KIND_WEIGHTS), list(EXHIBITION_KIND_WEIGHTS.values())
        exhibitions, routes, answers = [], [], []
        for i in range(count):
            day = self.random_day()
            kind = kinds[i] if i < len(kinds) else rng.choices(kinds, weights=kind_weights)[0]
            provider = self.some_partner(day) if rng.random() < 0.6 else self.host
            if kind == "exchange" and provider is self.host:
                provider = self.some_partner(day)
            topic = rng.choice(TOPICS)
            exhibitions.append(
                Exhibition(
                    title=f"Выставка «{topic}»",
                    slug=f"{PREFIX}exhibition-{i + 1:05d}",
                    kind=kind,
                    provider_id=provider.pk,
                    agreement_id=self.agreement_for(provider, day),
                    items_count=rng.randint(20, 300),
                    age_rating=rng.choice(AgeRating.values),
                    description=f"Выставка из фонда библиотеки ({provider.city}).",
                    is_published=rng.random() >= 0.05,
                )
            )
            # A route of stops, one after another; an exchange goes to us, a travelling one tours.
            stops = rng.randint(3, 6) if kind == "travelling" else rng.randint(1, 2)
            route, start = [], day
            for n in range(stops):
                venue = self.host if n == 0 or kind == "exchange" else rng.choice(self.libraries)
                end = start + datetime.timedelta(days=rng.randint(14, 60))
                route.append((venue, start, end))
                start = end + datetime.timedelta(days=rng.randint(0, 14))
            routes.append(route)
            if kind == "exchange":
                answers.append((i, provider, day))
        Exhibition.objects.bulk_create(exhibitions, batch_size=BATCH_SIZE)

        # The other half of each exchange: what we sent the partner in return.
        counterparts = []
        for n, (i, partner, day) in enumerate(answers):
            counterparts.append(
                Exhibition(
                    title=f"Выставка «{rng.choice(TOPICS)}» (ответная)",
                    slug=f"{PREFIX}exhibition-answer-{n + 1:05d}",
                    kind="exchange",
                    provider_id=self.host.pk,
                    agreement_id=exhibitions[i].agreement_id,
                    counterpart_id=exhibitions[i].pk,
                    items_count=rng.randint(20, 200),
                    age_rating="0+",
                    is_published=rng.random() >= 0.05,
                )
            )
            routes.append([(partner, day, day + datetime.timedelta(days=rng.randint(20, 60)))])
        Exhibition.objects.bulk_create(counterparts, batch_size=BATCH_SIZE)

        stops = [
            ExhibitionStop(
                exhibition_id=exhibition.pk,
                venue_id=venue.pk,
                starts_on=start,
                ends_on=end,
                visitors=rng.randint(40, 2500) if rng.random() > 0.05 else None,
                excursions=rng.randint(0, 40) if rng.random() > 0.1 else None,
            )
            for exhibition, route in zip([*exhibitions, *counterparts], routes, strict=True)
            for venue, start, end in route
        ]
        ExhibitionStop.objects.bulk_create(stops, batch_size=BATCH_SIZE)
        self.counts["exhibitions"] = len(exhibitions) + len(counterparts)
        self.counts["stops"] = len(stops)
        self.log(f"exhibitions: {self.counts['exhibitions']}")

    def create_contests(self) -> None:
        rng = self.rng
        count = max(1, self.n_events // 500)
        age_ranges = [(6, 10), (7, 14), (10, 18), (12, 17), (14, 30), (7, 18)]
        nomination_sets = [
            "Рисунок\nСочинение\nВидеоролик",
            "Стихотворение\nЭссе",
            "Иллюстрация к книге\nКомикс",
            "Буктрейлер\nФотография\nПоделка",
        ]
        contests, plans = [], []
        for i in range(count):
            day = self.random_day()
            organiser = self.host if rng.random() < 0.6 else self.some_partner(day)
            age_min, age_max = rng.choice(age_ranges)
            until = day + datetime.timedelta(days=rng.randint(30, 90))
            nominations = rng.choice(nomination_sets)
            theme = rng.choice(TOPICS)
            contests.append(
                Contest(
                    title=f"Конкурс детского и молодёжного творчества «{theme}»",
                    slug=f"{PREFIX}contest-{i + 1:05d}",
                    organiser_id=organiser.pk,
                    theme=theme,
                    scope=rng.choice(Scope.values),
                    is_online=rng.random() < (0.7 if day.year >= 2020 else 0.3),
                    age_min=age_min,
                    age_max=age_max,
                    age_groups=f"{age_min}–{age_max} лет",
                    nominations=nominations,
                    submissions_from=day,
                    submissions_until=until,
                    results_on=until + datetime.timedelta(days=rng.randint(7, 30)),
                    agreement_id=self.agreement_for(organiser, day),
                    age_rating=rng.choice(["0+", "6+", "12+"]),
                    is_published=rng.random() >= 0.05,
                )
            )
            curators = [self.host, *self.pick_partners(day, rng.randint(1, 4))]
            plans.append((curators, nominations.splitlines(), age_min, age_max))
        Contest.objects.bulk_create(contests, batch_size=BATCH_SIZE)

        curator_rows, entries = [], []
        results, result_weights = list(ENTRY_RESULT_WEIGHTS), list(ENTRY_RESULT_WEIGHTS.values())
        for contest, (curators, nominations, age_min, age_max) in zip(contests, plans, strict=True):
            for library in curators:
                curator_rows.append(Curator(contest_id=contest.pk, library_id=library.pk, region=library.region))
            for n in range(rng.randint(10, 60)):
                curator = rng.choice(curators)
                result = results[n] if n < len(results) else rng.choices(results, weights=result_weights)[0]
                entries.append(
                    Entry(
                        contest_id=contest.pk,
                        entrant_name=_person_name(rng),
                        age=rng.randint(age_min, age_max),
                        locality=curator.city,
                        school=f"Школа № {rng.randint(1, 120)}",
                        curator_id=curator.pk if rng.random() > 0.1 else None,
                        work_title=f"«{rng.choice(TOPICS)}»",
                        nomination=rng.choice(nominations),
                        result=result,
                        place=rng.randint(1, 3) if result == "winner" and rng.random() < 0.9 else None,
                        public_consent=rng.random() < 0.7,
                    )
                )
        Curator.objects.bulk_create(curator_rows, batch_size=BATCH_SIZE)
        Entry.objects.bulk_create(entries, batch_size=BATCH_SIZE)
        self.counts["contests"] = len(contests)
        self.counts["entries"] = len(entries)
        self.log(f"contests: {len(contests)}")

    def create_projects(self) -> None:
        rng = self.rng
        count = max(1, self.n_events // 20_000)
        projects, plans = [], []
        for i in range(count):
            started = self.random_day()
            projects.append(
                Project(
                    title=f"Видеопроект «{rng.choice(['Сказки народов', 'Голоса земляков', 'Читаем о родном крае'])}» "
                    f"№ {i + 1}",
                    slug=f"{PREFIX}project-{i + 1:03d}",
                    organiser_id=self.host.pk,
                    started_on=started,
                    description="Просветительский видеопроект с выпусками от библиотек-партнёров.",
                    url=f"https://example.org/projects/{PREFIX}project-{i + 1:03d}",
                    age_rating="0+",
                    is_published=rng.random() >= 0.05,
                )
            )
            plans.append(started)
        Project.objects.bulk_create(projects, batch_size=BATCH_SIZE)
        episodes = []
        for project, started in zip(projects, plans, strict=True):
            day = started
            for number in range(1, rng.randint(10, 40) + 1):
                day = min(day + datetime.timedelta(days=rng.randint(7, 45)), self.last_day)
                library = self.host if rng.random() < 0.6 else self.some_partner(day)
                episodes.append(
                    Episode(
                        project_id=project.pk,
                        number=number,
                        title=f"Выпуск {number}: {rng.choice(TOPICS)}",
                        tradition=rng.choice(TRADITIONS),
                        library_id=library.pk,
                        agreement_id=self.agreement_for(library, day),
                        video_url=f"https://example.org/video/{project.slug}-{number}",
                        published_on=day,
                        is_published=rng.random() >= 0.05,
                    )
                )
        Episode.objects.bulk_create(episodes, batch_size=BATCH_SIZE)
        self.counts["projects"] = len(projects)
        self.counts["episodes"] = len(episodes)
        self.log(f"projects: {len(projects)}")
