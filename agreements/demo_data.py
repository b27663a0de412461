"""The demo world: the facts of the host library's article on its cooperation agreements.

Plain data only; `manage.py load_demo` turns it into rows. Every fact the article does not give
(exact days, most event kinds, some organisers, a few titles, entrants) is a plausible stand-in and
is marked as such in the row's staff-only `notes` (and in the comments here). Wording of titles and
descriptions follows the article.

Local date-times are naive and belong to the time zone of the event's organiser (upcoming demo
events: Kemerovo time); the loader makes them aware.
"""

import datetime

HOST = "kuzbass-gbdm"
KUZBASS_REGION = "Кемеровская область — Кузбасс"
ARTICLE_URL = "https://www.libkem.su/index.php/chitatelyam/1971-kazakhskaya-narodnaya-skazka-legenda-oxromom-kulane"

NOTE_DATE = "Дата условная (в статье не указана)."
NOTE_DAY_2018_08 = "Число условное: в статье указаны только месяц и год (август 2018 г.)."
NOTE_DAY_2019 = "Число и месяц условные: в статье указан только 2019 год."
NOTE_DAY_2018 = "Число и месяц условные: в статье указан только 2018 год."
NOTE_DAY_2020 = "Число и месяц условные: в статье указан только 2020 год."
NOTE_DEMO = "Демонстрационное мероприятие"
NOTE_COUNT = "Число участников условное."
NOTE_KIND = (
    "Вид мероприятия условный: в статье вебинары, семинары-практикумы и конференции "
    "Восточно-Казахстанской областной детско-юношеской библиотеки перечислены вместе."
)
NOTE_ORGANISER = "Организатор в статье не назван, указан условно."

# Coordinates are approximate city centres (illustrative). Websites only where known for sure.
HOST_LIBRARY = {
    "slug": HOST,
    "name": "ГАУК «Государственная библиотека Кузбасса для детей и молодежи»",
    "short_name": "Библиотека Кузбасса для детей и молодежи",
    "named_after": "",
    "kind": "children_youth",
    "country": "RU",
    "region": KUZBASS_REGION,
    "city": "Кемерово",
    "timezone": "Asia/Novokuznetsk",
    "latitude": "55.35493",
    "longitude": "86.08730",
    "website": "https://www.libkem.su/",
    "address": "",
    "description": (
        "Государственная библиотека Кузбасса для детей и молодежи делает особый акцент на усиление "
        "международного и межрегионального сотрудничества; в последнее время оно осуществляется в рамках "
        "соглашений о профессиональном сотрудничестве."
    ),
}

PARTNERS = [
    {
        "slug": "altai-krupskaya",
        "name": "Алтайская краевая детская библиотека им. Н.К. Крупской",
        "short_name": "АКДБ им. Н.К. Крупской",
        "named_after": "Н.К. Крупской",
        "kind": "children",
        "country": "RU",
        "region": "Алтайский край",
        "city": "Барнаул",
        "timezone": "Asia/Barnaul",
        "latitude": "53.34810",
        "longitude": "83.77980",
    },
    {
        "slug": "volgograd-odb",
        "name": "Волгоградская областная детская библиотека",
        "short_name": "Волгоградская ОДБ",
        "named_after": "",
        "kind": "children",
        "country": "RU",
        "region": "Волгоградская область",
        "city": "Волгоград",
        "timezone": "Europe/Volgograd",
        "latitude": "48.70800",
        "longitude": "44.51330",
    },
    {
        "slug": "vko-pushkin",
        "name": "Восточно-Казахстанская областная библиотека им. А.С. Пушкина",
        "short_name": "ВКОБ им. А.С. Пушкина",
        "named_after": "А.С. Пушкина",
        "kind": "universal",
        "country": "KZ",
        "region": "Восточно-Казахстанская область",
        "city": "Усть-Каменогорск",
        "timezone": "Asia/Almaty",
        "latitude": "49.94830",
        "longitude": "82.62790",
    },
    {
        "slug": "vko-odub",
        "name": "КГУ «Восточно-Казахстанская областная детско-юношеская библиотека»",
        "short_name": "Восточно-Казахстанская ОДЮБ",
        "named_after": "",
        "kind": "children_youth",
        "country": "KZ",
        "region": "Восточно-Казахстанская область",
        "city": "Усть-Каменогорск",
        "timezone": "Asia/Almaty",
        "latitude": "49.94830",
        "longitude": "82.62790",
    },
    {
        "slug": "krasnoyarsk-kdb",
        "name": "Красноярская краевая детская библиотека",
        "short_name": "Красноярская КДБ",
        "named_after": "",
        "kind": "children",
        "country": "RU",
        "region": "Красноярский край",
        "city": "Красноярск",
        "timezone": "Asia/Krasnoyarsk",
        "latitude": "56.01530",
        "longitude": "92.89320",
    },
    {
        "slug": "crimea-rbm",
        "name": "Крымская республиканская библиотека для молодежи",
        "short_name": "Крымская РБМ",
        "named_after": "",
        "kind": "youth",
        "country": "RU",
        "region": "Республика Крым",
        "city": "Симферополь",
        "timezone": "Europe/Simferopol",
        "latitude": "44.95210",
        "longitude": "34.10240",
    },
    {
        "slug": "tomsk-odub",
        "name": "Томская областная детско-юношеская библиотека",
        "short_name": "Томская ОДЮБ",
        "named_after": "",
        "kind": "children_youth",
        "country": "RU",
        "region": "Томская область",
        "city": "Томск",
        "timezone": "Asia/Tomsk",
        "latitude": "56.48470",
        "longitude": "84.94820",
    },
    {
        "slug": "khabarovsk-navolochkin",
        "name": "Хабаровская краевая детская библиотека им. Н.Д. Наволочкина",
        "short_name": "ХКДБ им. Н.Д. Наволочкина",
        "named_after": "Н.Д. Наволочкина",
        "kind": "children",
        "country": "RU",
        "region": "Хабаровский край",
        "city": "Хабаровск",
        "timezone": "Asia/Vladivostok",
        "latitude": "48.48020",
        "longitude": "135.07190",
    },
    {
        "slug": "gaidar-moscow",
        "name": "Центральная городская детская библиотека им. А.П. Гайдара",
        "short_name": "ЦГДБ им. А.П. Гайдара",
        "named_after": "А.П. Гайдара",
        "kind": "children",
        "country": "RU",
        "region": "Москва",
        "city": "Москва",
        "timezone": "Europe/Moscow",
        "latitude": "55.75580",
        "longitude": "37.61730",
    },
    {
        "slug": "chelyabinsk-obm",
        "name": "Челябинская областная библиотека для молодежи",
        "short_name": "Челябинская ОБМ",
        "named_after": "",
        "kind": "youth",
        "country": "RU",
        "region": "Челябинская область",
        "city": "Челябинск",
        "timezone": "Asia/Yekaterinburg",
        "latitude": "55.16440",
        "longitude": "61.43680",
    },
]

# The "key directions" the article names for all partners, used where it says nothing more specific.
GENERAL_DIRECTIONS = ["professional-events", "contests", "exhibitions", "outreach-projects"]
NOTE_GENERAL_DIRECTIONS = (
    "Совместных мероприятий в статье не названо; направления — ключевые направления сотрудничества из статьи."
)

# One agreement per partner. Only the Gaidar (August 2018) and Tomsk (2019) dates come from the article.
AGREEMENTS = [
    {
        "partner": "gaidar-moscow",
        "signed_on": datetime.date(2018, 8, 22),
        "signed_at": "Деловая встреча в государственной библиотеке Кузбасса для детей и молодежи "
        "в рамках Дней Москвы в Кузбассе (г. Кемерово)",
        "directions": ["professional-events", "contests"],
        "notes": "Первое соглашение о профессиональном сотрудничестве библиотеки. " + NOTE_DAY_2018_08,
    },
    {
        "partner": "vko-odub",
        "signed_on": datetime.date(2018, 10, 16),
        "directions": ["professional-events", "contests", "telebridges"],
        "notes": NOTE_DATE,
    },
    {
        "partner": "tomsk-odub",
        "signed_on": datetime.date(2019, 4, 18),
        "signed_at": "Творческая встреча томских писателей с молодежью г. Кемерово",
        "directions": ["professional-events", "exhibitions", "outreach-projects"],
        "notes": NOTE_DAY_2019,
    },
    {
        "partner": "altai-krupskaya",
        "signed_on": datetime.date(2019, 11, 14),
        "directions": ["telebridges"],
        "notes": NOTE_DATE,
    },
    {
        "partner": "khabarovsk-navolochkin",
        "title": "Соглашение о взаимодействии в проведении межрегиональных мероприятий",
        "signed_on": datetime.date(2019, 12, 10),
        "directions": ["exhibitions"],
        "notes": NOTE_DATE,
    },
    {
        "partner": "vko-pushkin",
        "signed_on": datetime.date(2020, 2, 20),
        "directions": ["professional-events", "outreach-projects"],
        "notes": NOTE_DATE,
    },
    {
        "partner": "volgograd-odb",
        "signed_on": datetime.date(2020, 3, 5),
        "directions": ["professional-events", "exhibitions"],
        "notes": NOTE_DATE,
    },
    {
        "partner": "krasnoyarsk-kdb",
        "signed_on": datetime.date(2020, 6, 18),
        "directions": GENERAL_DIRECTIONS,
        "notes": NOTE_DATE + " " + NOTE_GENERAL_DIRECTIONS,
    },
    {
        "partner": "crimea-rbm",
        "signed_on": datetime.date(2020, 9, 15),
        "directions": GENERAL_DIRECTIONS,
        "notes": NOTE_DATE + " " + NOTE_GENERAL_DIRECTIONS,
    },
    {
        "partner": "chelyabinsk-obm",
        "signed_on": datetime.date(2020, 10, 20),
        "directions": GENERAL_DIRECTIONS,
        "notes": NOTE_DATE + " " + NOTE_GENERAL_DIRECTIONS,
    },
]

PERSONS = [
    {"slug": "kolykhalov-va", "full_name": "В.А. Колыхалов", "occupation": "писатель", "place": "Томск"},
    {"slug": "chubkovets-va", "full_name": "В.А. Чубковец", "occupation": "писатель", "place": "Томск"},
    {"slug": "panov-ai", "full_name": "А.И. Панов", "occupation": "писатель", "place": "Томск"},
    {"slug": "burmistrov-bv", "full_name": "Б.В. Бурмистров", "occupation": "писатель", "place": "Кузбасс"},
    {"slug": "donbai-sl", "full_name": "С.Л. Донбай", "occupation": "писатель", "place": "Кузбасс"},
    {
        "slug": "kalaus-lilya",
        "full_name": "Лиля Калаус",
        "occupation": "писатель, поэт, публицист",
        "place": "",
        "about": "Автор книги «Зов Солнца», лауреат многих престижных премий.",
    },
    {
        "slug": "lavrina-vl",
        "full_name": "Вера Леонидовна Лаврина",
        "occupation": "детский писатель",
        "place": "",
        "about": "Гость международного телемоста «Мир детства: от книг к мечтам» (Россия — Казахстан).",
    },
    {
        "slug": "matveeva-ns",
        "full_name": "Наталья Семеновна Матвеева",
        "occupation": "детский писатель",
        "place": "",
        "about": "Гость международного телемоста «Мир детства: от книг к мечтам» (Россия — Казахстан).",
    },
]

TOMSK_WRITERS = ["kolykhalov-va", "chubkovets-va", "panov-ai"]
KUZBASS_WRITERS = ["burmistrov-bv", "donbai-sl"]

_SPECIALISTS = {"audience": "specialists", "age_rating": "18+", "target_group": "other"}
_ONLINE = {"format": "online", "venue": "remote"}

_ONLINE_TAIL = "Специалисты государственной библиотеки Кузбасса для детей и молодежи участвовали в онлайн-формате."

# Past events. `participants`: library slug → role; the organiser is added with the organiser role.
EVENTS = [
    {
        "slug": "delovaya-vstrecha-dni-moskvy-2018",
        "title": "Детские библиотеки в социокультурной среде региона: стратегия инновационного развития "
        "и проекции будущего как составляющие нацпроекта «Культура»",
        "kind": "business_meeting",
        "format": "offline",
        "venue": "in_library",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "gaidar-moscow",
        "participants": {"gaidar-moscow": "participant"},
        "starts": datetime.datetime(2018, 8, 22, 11, 0),
        "minutes": 180,
        **_SPECIALISTS,
        "location": "г. Кемерово, Государственная библиотека Кузбасса для детей и молодежи",
        "participants_count": 45,
        "description": (
            "Деловая встреча по обмену опытом с целью профессионального совершенствования и повышения качества "
            "обслуживания читателей библиотек г. Москвы и Кузбасса прошла в дни, когда в Кемеровской области "
            "с целью укрепления межрегионального сотрудничества проходили Дни Москвы. В ней приняли участие "
            "специалисты Центральной городской детской библиотеки им. А.П. Гайдара (г. Москва), сотрудники "
            "государственных, муниципальных и ведомственных библиотек Кузбасса.\n\n"
            "Центральным моментом деловой встречи стало подписание соглашения между государственной библиотекой "
            "Кузбасса для детей и молодежи и Центральной городской детской библиотекой им. А.П. Гайдара."
        ),
        "notes": NOTE_DAY_2018_08 + " " + NOTE_COUNT,
    },
    {
        "slug": "telemost-kuzbass-kazakhstan-2018",
        "title": "Телемост Кузбасс — Казахстан: ценности здорового и активного образа жизни",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "international",
        "organiser": HOST,
        "agreement": "vko-odub",
        "participants": {"vko-odub": "site"},
        "starts": datetime.datetime(2018, 11, 22, 14, 0),
        "minutes": 90,
        **_SPECIALISTS,
        "participants_count": 30,
        "description": (
            "В 2018 году Кузбасс и Республику Казахстан связал телемост, во время которого коллеги "
            "из Восточно-Казахстанской областной детско-юношеской библиотеки поделились своим опытом формирования "
            "у подрастающего поколения ценностей здорового и активного образа жизни."
        ),
        "notes": "Название составлено по описанию: в статье не указано. "
        + NOTE_DAY_2018
        + " "
        + NOTE_ORGANISER
        + " "
        + NOTE_COUNT,
    },
    {
        "slug": "tvorcheskaya-vstrecha-tomskih-pisatelei-2019",
        "title": "Творческая встреча томских писателей с молодежью г. Кемерово",
        "kind": "creative_meeting",
        "format": "offline",
        "venue": "in_library",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "tomsk-odub",
        "participants": {"tomsk-odub": "participant"},
        "starts": datetime.datetime(2019, 4, 18, 14, 0),
        "minutes": 120,
        "audience": "youth",
        "age_rating": "12+",
        "target_group": "youth",
        "location": "г. Кемерово, Государственная библиотека Кузбасса для детей и молодежи",
        "participants_count": 60,
        "guests": TOMSK_WRITERS + KUZBASS_WRITERS,
        "description": (
            "В день подписания соглашения между библиотекой Кузбасса для детей и молодежи и Томской областной "
            "детско-юношеской библиотекой состоялась творческая встреча томских писателей с молодежью "
            "г. Кемерово. Молодые люди смогли познакомиться и пообщаться с В.А. Колыхаловым, В.А. Чубковец, "
            "А.И. Пановым. В рамках встречи состоялся творческий диалог с кузбасскими писателями "
            "Б.В. Бурмистровым и С.Л. Донбаем."
        ),
        "notes": NOTE_DAY_2019 + " " + NOTE_COUNT,
    },
    {
        "slug": "prezentaciya-vystavki-tomskih-pisatelei-2019",
        "title": "Презентация книжно-иллюстративной выставки, посвященной творчеству томских писателей",
        "kind": "presentation",
        "format": "offline",
        "venue": "in_library",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "tomsk-odub",
        "participants": {"tomsk-odub": "participant"},
        "starts": datetime.datetime(2019, 4, 18, 16, 0),
        "minutes": 60,
        "audience": "youth",
        "age_rating": "12+",
        "target_group": "youth",
        "location": "г. Кемерово, Государственная библиотека Кузбасса для детей и молодежи",
        "participants_count": 60,
        "guests": TOMSK_WRITERS,
        "description": (
            "В рамках творческой встречи томских писателей с молодежью г. Кемерово прошла презентация "
            "книжно-иллюстративной выставки, посвященной творчеству томских писателей, чья коллекция книг "
            "была передана в дар нашей библиотеке."
        ),
        "notes": NOTE_DAY_2019 + " Время условное. " + NOTE_COUNT,
    },
    {
        "slug": "biblioteka-obnulenie-ili-obnovlenie",
        "title": "Библиотека: обнуление или обновление?",
        "kind": "strategic_session",
        **_ONLINE,
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "gaidar-moscow",
        "participants": {"gaidar-moscow": "participant"},
        "starts": datetime.datetime(2020, 11, 26, 14, 0),
        "minutes": 120,
        **_SPECIALISTS,
        "participants_count": 40,
        "description": (
            "Проблемно-стратегическая сессия прошла в форме интерактивной встречи детских библиотекарей Кузбасса "
            "и Москвы в онлайн-формате. Сессия помогла выявить проблемы, сформулировать актуальные задачи "
            "и выработать оптимальную стратегию действий, а также пути вовлечения библиотекарей в процесс "
            "преобразований."
        ),
        "notes": NOTE_DATE + " " + NOTE_ORGANISER + " " + NOTE_COUNT,
    },
    {
        "slug": "innovaciya-protiv-tradicionnoi-modeli",
        "title": "Инновация против традиционной модели",
        "kind": "webinar",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2019, 2, 27, 11, 0),
        "minutes": 90,
        **_SPECIALISTS,
        "participants_count": 70,
        "description": "Международный вебинар, организованный Восточно-Казахстанской областной детско-юношеской "
        "библиотекой. " + _ONLINE_TAIL,
        "notes": NOTE_DATE + " " + NOTE_KIND + " " + NOTE_COUNT,
    },
    {
        "slug": "postigaya-proshloe-smotrim-v-budushchee",
        "title": "Постигая прошлое, смотрим в будущее",
        "kind": "workshop",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2019, 10, 24, 11, 0),
        "minutes": 120,
        **_SPECIALISTS,
        "participants_count": 55,
        "description": "Международный семинар-практикум, организованный Восточно-Казахстанской областной "
        "детско-юношеской библиотекой. " + _ONLINE_TAIL,
        "notes": NOTE_DATE + " " + NOTE_KIND + " " + NOTE_COUNT,
    },
    {
        "slug": "biblioteka-i-volonter",
        "title": "Библиотека и волонтер: потенциал эффективного сотрудничества",
        "kind": "webinar",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 4, 23, 11, 0),
        "minutes": 90,
        **_SPECIALISTS,
        "participants_count": 80,
        "description": "Международный вебинар, организованный Восточно-Казахстанской областной детско-юношеской "
        "библиотекой. " + _ONLINE_TAIL,
        "notes": NOTE_DATE + " " + NOTE_KIND + " " + NOTE_COUNT,
    },
    {
        "slug": "neprostye-slozhnosti-renessans-detskogo-chteniya",
        "title": "Непростые сложности: ренессанс детского чтения",
        "kind": "conference",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 11, 19, 10, 0),
        "minutes": 240,
        **_SPECIALISTS,
        "participants_count": 120,
        "description": "Международная онлайн-конференция, организованная Восточно-Казахстанской областной "
        "детско-юношеской библиотекой. " + _ONLINE_TAIL,
        "notes": NOTE_DATE + " " + NOTE_KIND + " " + NOTE_COUNT,
    },
    {
        "slug": "innovacionnaya-deyatelnost-bibliotek-125",
        "title": "Инновационная деятельность библиотек: опыт, методика, тенденции",
        "kind": "conference",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "participants": {HOST: "participant", "vko-pushkin": "participant"},
        "starts": datetime.datetime(2021, 2, 25, 10, 0),
        "minutes": 240,
        **_SPECIALISTS,
        "participants_count": 150,
        "description": "Международная онлайн-конференция, приуроченная к 125-летию Восточно-Казахстанской "
        "областной библиотеки имени А.С. Пушкина. " + _ONLINE_TAIL,
        "notes": NOTE_DATE + " " + NOTE_COUNT,
    },
    {
        "slug": "territoriya-bez-granic",
        "title": "Территория без границ: поликультурный аспект в работе детской библиотеки",
        "kind": "seminar",
        **_ONLINE,
        "scope": "interregional",
        "organiser": "volgograd-odb",
        "agreement": "volgograd-odb",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 10, 8, 10, 0),
        "minutes": 120,
        **_SPECIALISTS,
        "participants_count": 65,
        "description": "Межрегиональный онлайн-семинар, организованный Волгоградской областной детской "
        "библиотекой. " + _ONLINE_TAIL,
        "notes": NOTE_DATE + " " + NOTE_COUNT,
    },
    {
        "slug": "proforientaciya-v-biblioteke",
        "title": "Профориентация в библиотеке: поиск новых форм работы",
        "kind": "conference",
        "format": "correspondence",
        "venue": "remote",
        "scope": "interregional",
        "organiser": "tomsk-odub",
        "agreement": "tomsk-odub",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 4, 15, 10, 0),
        "minutes": 420,
        **_SPECIALISTS,
        "participants_count": 35,
        "description": "Заочная межрегиональная научно-практическая конференция, проводимая Томской областной "
        "детско-юношеской библиотекой. Специалисты государственной библиотеки Кузбасса для детей и молодежи "
        "приняли в ней участие.",
        "notes": NOTE_DATE + " " + NOTE_COUNT,
    },
    {
        "slug": "grazhdansko-pravovoe-vospitanie",
        "title": "Гражданско-правовое воспитание и просвещение детей и молодежи: актуальные тенденции и практики",
        "kind": "conference",
        **_ONLINE,
        "scope": "interregional",
        "organiser": "tomsk-odub",
        "agreement": "tomsk-odub",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 12, 10, 11, 0),
        "minutes": 180,
        **_SPECIALISTS,
        "participants_count": 90,
        "description": "Межрегиональная научно-практическая онлайн-конференция, проводимая Томской областной "
        "детско-юношеской библиотекой. " + _ONLINE_TAIL,
        "notes": NOTE_DATE + " " + NOTE_COUNT,
    },
    {
        "slug": "put-k-solncu",
        "title": "Путь к Солнцу",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "participants": {HOST: "site"},
        "starts": datetime.datetime(2019, 12, 12, 11, 0),
        "minutes": 60,
        "audience": "teens",
        "age_rating": "12+",
        "target_group": "children",
        "participants_count": 60,
        "guests": ["kalaus-lilya"],
        "description": (
            "Литературный телемост: встреча казахстанских и кемеровских школьников с автором книги «Зов Солнца», "
            "писателем, поэтом, публицистом, лауреатом многих престижных премий Лилей Калаус. Организатор — "
            "КГУ «Восточно-Казахстанская областная детско-юношеская библиотека»."
        ),
        "notes": NOTE_DATE + " " + NOTE_COUNT,
    },
    {
        "slug": "ispytanie-vremenem-sibiryaki-v-stalingradskoi-bitve",
        "title": "Испытание временем. Сибиряки в Сталинградской битве",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "altai-krupskaya",
        "participants": {"altai-krupskaya": "site"},
        "starts": datetime.datetime(2020, 2, 4, 14, 0),
        "minutes": 90,
        "audience": "teens",
        "age_rating": "12+",
        "target_group": "children",
        "participants_count": 50,
        "description": (
            "Литературный телемост: видео-встреча читателей Алтайской краевой детской библиотеки и государственной "
            "библиотеки Кузбасса для детей и молодежи, посвященная Году памяти и славы. Кемеровские школьники "
            "рассказали о кузбассовцах-участниках Сталинградской битвы, а участники из Алтайского края вспомнили "
            "своих земляков, сражавшихся в великом бою."
        ),
        "notes": NOTE_DAY_2020 + " " + NOTE_ORGANISER + " " + NOTE_COUNT,
    },
    {
        "slug": "mir-detstva-ot-knig-k-mechtam",
        "title": "Мир детства: от книг к мечтам",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "international",
        "organiser": HOST,
        "agreement": "vko-odub",
        "participants": {"vko-odub": "site"},
        "starts": datetime.datetime(2020, 6, 1, 14, 0),
        "minutes": 90,
        "audience": "children",
        "age_rating": "6+",
        "target_group": "children",
        "participants_count": 70,
        "guests": ["lavrina-vl", "matveeva-ns"],
        "description": (
            "Международный литературный телемост с Восточно-Казахстанской областной детско-юношеской библиотекой. "
            "Телемост предоставил участникам уникальную возможность познакомиться и пообщаться с детскими "
            "писателями двух стран – России и Казахстана: Верой Леонидовной Лавриной и Натальей Семеновной "
            "Матвеевой."
        ),
        "notes": NOTE_DATE + " " + NOTE_ORGANISER + " " + NOTE_COUNT,
    },
]

# Demo announcements so the public site always has something upcoming: days from the day the command
# runs, local time in Kemerovo.
_DEMO_DESCRIPTION = "Демонстрационный анонс: мероприятие придумано для показа возможностей сайта и не состоится. "
UPCOMING_TIME = datetime.time(14, 0)

UPCOMING_EVENTS = [
    {
        "slug": "demo-telemost-chitaem-vmeste",
        "title": "Читаем вместе: Кузбасс — Восточный Казахстан — Хабаровский край",
        "kind": "telebridge",
        "scope": "international",
        "organiser": HOST,
        "agreement": "vko-odub",
        "participants": {"vko-odub": "site", "khabarovsk-navolochkin": "site"},
        "days_ahead": 5,
        "minutes": 90,
        "audience": "children",
        "age_rating": "6+",
        "target_group": "children",
        "participants_count": 75,
        "description": _DEMO_DESCRIPTION
        + "Читатели из Кемерова, Усть-Каменогорска и Хабаровска расскажут друг другу о любимых книгах "
        "писателей своего края.",
    },
    {
        "slug": "demo-webinar-detskoe-chtenie-onlain",
        "title": "Детское чтение онлайн: новые форматы работы",
        "kind": "webinar",
        "scope": "interregional",
        "organiser": "gaidar-moscow",
        "agreement": "gaidar-moscow",
        "participants": {HOST: "participant"},
        "days_ahead": 8,
        "minutes": 90,
        **_SPECIALISTS,
        "participants_count": 60,
        "description": _DEMO_DESCRIPTION
        + "Специалисты детских библиотек Москвы и Кузбасса обсудят онлайн-форматы продвижения чтения.",
    },
    {
        "slug": "demo-telemost-molodezh-chitaet",
        "title": "Молодежь читает: Кузбасс — Урал — Крым",
        "kind": "telebridge",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "chelyabinsk-obm",
        "participants": {"chelyabinsk-obm": "site", "crimea-rbm": "site"},
        "days_ahead": 12,
        "minutes": 90,
        "audience": "youth",
        "age_rating": "12+",
        "target_group": "youth",
        "participants_count": 50,
        "description": _DEMO_DESCRIPTION
        + "Молодые читатели Кемерова, Челябинска и Симферополя представят книжные новинки для молодежи.",
    },
    {
        "slug": "demo-telemost-skazki-narodov",
        "title": "Сказки народов Кузбасса и Казахстана",
        "kind": "telebridge",
        "scope": "international",
        "organiser": HOST,
        "agreement": "vko-pushkin",
        "participants": {"vko-pushkin": "site"},
        "days_ahead": 19,
        "minutes": 60,
        "audience": "children",
        "age_rating": "6+",
        "target_group": "children",
        "participants_count": 40,
        "description": _DEMO_DESCRIPTION
        + "Библиотекари Кемерова и Усть-Каменогорска прочитают народные сказки и расскажут о традициях "
        "своих народов.",
    },
    {
        "slug": "demo-webinar-podrostki-v-biblioteke",
        "title": "Подросток в библиотеке: проектная деятельность",
        "kind": "webinar",
        "scope": "interregional",
        "organiser": "krasnoyarsk-kdb",
        "agreement": "krasnoyarsk-kdb",
        "participants": {HOST: "participant"},
        "days_ahead": 22,
        "minutes": 90,
        **_SPECIALISTS,
        "participants_count": 45,
        "description": _DEMO_DESCRIPTION + "Коллеги из Красноярска поделятся опытом проектной работы с подростками.",
    },
    {
        "slug": "demo-telemost-volga-kuzbass",
        "title": "От Волги до Амура: книги о родном крае",
        "kind": "telebridge",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "volgograd-odb",
        "participants": {"volgograd-odb": "site", "khabarovsk-navolochkin": "site"},
        "days_ahead": 26,
        "minutes": 90,
        "audience": "teens",
        "age_rating": "12+",
        "target_group": "children",
        "participants_count": 55,
        "description": _DEMO_DESCRIPTION
        + "Школьники Кемерова, Волгограда и Хабаровска расскажут о книгах, посвященных истории и природе "
        "своих регионов.",
    },
]

KHABAROVSK_DESCRIPTION = (
    "В рамках соглашения о взаимодействии в проведении межрегиональных мероприятий с Хабаровской краевой "
    "детской библиотекой им. Н.Д. Наволочкина в государственной библиотеке Кузбасса для детей и молодежи "
    "в 2020 году экспонировалась выставка книг «Хабаровский край! Он почти бесконечный...».\n\n"
    "Совершить заочное путешествие на Дальний Восток кузбассовцам помогли разные виды изданий: современные "
    "фотоальбомы, в которых работы талантливых фотографов сопровождались рассказом об истории, природе, "
    "достопримечательностях и различных аспектах жизни Хабаровского края; художественные и познавательные "
    "произведения дальневосточных писателей и краеведов; сказки коренных народов Приморья (нивхов, нанайцев, "
    "ульчи, удэге и др.); иллюстрированный каталог коллекции из собрания Хабаровского краевого музея."
)

GOROD_DRUZHBY_DESCRIPTION = (
    "Комплексная этнокультурная межрегиональная выставка. Ее цель – познакомить кузбассовцев с многообразием "
    "национальных культур.\n\n"
    "На выставке представлены книги, посвященные истории, культуре, быту народов Казахстана, республик Бурятии, "
    "Мордовии, Крыма, Чечни, Чувашии, Хакасии, а также Кузбасса, Красноярского и Хабаровского краёв. В книгах "
    "можно было найти интересную информацию о языках разных народов и их кулинарных предпочтениях, национальных "
    "ремёслах и играх; познакомиться с легендами и мифами представителей многочисленных этнических групп, "
    "а также узнать о национальных героях – знаменитых писателях, военных, артистах, художниках.\n\n"
    "Экспозиция была дополнена макетами православных храмов и национальных жилищ, выполненных мастером-любителем "
    "С.Г. Куликовым. Купеческий дом, грузинская сакля, украинская мазанка, летний охотничий домик северных "
    "народов, юрта – всё это сделано из дерева, покрытого лаком или морилкой. Для декоративного оформления "
    "использован природный камень, высушенный мох, лоза, лён.\n\n"
    "Во время работы выставки проводились экскурсии, тематические события с участием представителей "
    "национальных объединений, творческие мастер-классы по декоративно-прикладному искусству. Часть событий "
    "была проведена в онлайн-форме."
)

# `counterpart`: the slug of the other half of an exchange (set on the partner's exhibition).
EXHIBITIONS = [
    {
        "slug": "habarovskii-krai-pochti-beskonechnyi",
        "title": "Хабаровский край! Он почти бесконечный...",
        "kind": "exchange",
        "provider": "khabarovsk-navolochkin",
        "agreement": "khabarovsk-navolochkin",
        "counterpart": "knigi-o-kuzbasse-v-habarovske",
        "age_rating": "0+",
        "description": KHABAROVSK_DESCRIPTION,
        "stops": [
            {
                "venue": HOST,
                "starts_on": datetime.date(2020, 2, 3),
                "ends_on": datetime.date(2020, 3, 20),
                "visitors": 850,
                "excursions": 6,
            }
        ],
        "notes": "Сроки экспонирования, число посетителей и экскурсий условные: в статье указан только 2020 год.",
    },
    {
        "slug": "knigi-o-kuzbasse-v-habarovske",
        "title": "Кузбасс: книги о родном крае",
        "kind": "exchange",
        "provider": HOST,
        "agreement": "khabarovsk-navolochkin",
        "age_rating": "0+",
        "description": "Ответная выставка книг о Кузбассе, с которой в рамках соглашения о взаимодействии "
        "в проведении межрегиональных мероприятий смогли познакомиться читатели Хабаровска.",
        "stops": [
            {
                "venue": "khabarovsk-navolochkin",
                "starts_on": datetime.date(2020, 4, 6),
                "ends_on": datetime.date(2020, 5, 29),
            }
        ],
        "notes": "Название условное: в статье выставка названа «выставкой книг о Кузбассе». "
        "Сроки экспонирования условные.",
    },
    {
        "slug": "gorod-druzhby",
        "title": "Город дружбы",
        "kind": "ethnocultural",
        "provider": HOST,
        "age_rating": "0+",
        "description": GOROD_DRUZHBY_DESCRIPTION,
        "stops": [
            {
                "venue": HOST,
                "starts_on": datetime.date(2020, 11, 2),
                "ends_on": datetime.date(2020, 12, 28),
                "visitors": 1200,
                "excursions": 15,
            }
        ],
        "notes": "Сроки условные: в статье — «в конце 2020 года». Число посетителей и экскурсий условное.",
    },
    {
        "slug": "tvorchestvo-tomskih-pisatelei",
        "title": "Творчество томских писателей",
        "kind": "book_illustration",
        "provider": "tomsk-odub",
        "agreement": "tomsk-odub",
        "age_rating": "12+",
        "description": "Книжно-иллюстративная выставка, посвященная творчеству томских писателей. Ее презентация "
        "прошла в рамках творческой встречи томских писателей с молодежью г. Кемерово; коллекция книг была "
        "передана в дар государственной библиотеке Кузбасса для детей и молодежи.",
        "stops": [
            {
                "venue": HOST,
                "starts_on": datetime.date(2019, 4, 18),
                "ends_on": datetime.date(2019, 5, 31),
            }
        ],
        "notes": "Название условное: в статье — «книжно-иллюстративная выставка, посвященная творчеству томских "
        "писателей». " + NOTE_DAY_2019,
    },
    {
        "slug": "peredvizhnaya-vystavka-volgograd-2021",
        "title": "Волгоградская земля: книги о крае",
        "kind": "travelling",
        "provider": "volgograd-odb",
        "agreement": "volgograd-odb",
        "age_rating": "6+",
        "description": "Межрегиональная передвижная выставка, подготовленная совместно с Волгоградской областной "
        "детской библиотекой, в мае 2021 года.",
        "stops": [
            {
                "venue": HOST,
                "starts_on": datetime.date(2021, 5, 4),
                "ends_on": datetime.date(2021, 5, 31),
            }
        ],
        "notes": "Название условное. В статье выставка названа планируемой на май 2021 года; числа условные.",
    },
]

ENTRANT_NOTE = "Имена участников демонстрационные."

CONTESTS = [
    {
        "slug": "vdumchivyi-chitatel",
        "title": "Вдумчивый читатель",
        "organiser": "gaidar-moscow",
        "agreement": "gaidar-moscow",
        "theme": "Отзывы и рецензии на новые книги, вошедшие в каталог «100 новых лучших книг для детей и подростков»",
        "scope": "interregional",
        "is_online": False,
        "nominations": "Отзыв\nЭссе\nРецензия",
        "age_rating": "12+",
        "submissions_from": datetime.date(2020, 2, 1),
        "submissions_until": datetime.date(2020, 4, 30),
        "results_on": datetime.date(2020, 6, 1),
        "description": (
            "Московский конкурс отзывов и рецензий на новые книги, проводимый Центральной городской детской "
            "библиотекой имени А.П. Гайдара. Государственная библиотека Кузбасса для детей и молодежи является "
            "его региональным куратором. Участники из Кузбасса присылают на суд жюри свои отзывы, эссе "
            "и рецензии на книги, вошедшие в каталог «100 новых лучших книг для детей и подростков», "
            "и становятся финалистами этого конкурса."
        ),
        "notes": "Сроки условные (в статье не указаны). " + ENTRANT_NOTE,
        "curators": [{"library": HOST, "region": KUZBASS_REGION}],
        "entries": [
            {
                "entrant_name": "Участница из Кемерова (демо)",
                "age": 14,
                "locality": "Кемерово",
                "nomination": "Рецензия",
                "work_title": "Рецензия на книгу из каталога «100 новых лучших книг для детей и подростков»",
                "result": "finalist",
                "public_consent": True,
            },
            {
                "entrant_name": "Участник из Новокузнецка (демо)",
                "age": 12,
                "locality": "Новокузнецк",
                "nomination": "Отзыв",
                "work_title": "Отзыв на книгу из каталога «100 новых лучших книг для детей и подростков»",
                "result": "finalist",
            },
            {
                "entrant_name": "Участница из Белова (демо)",
                "age": 16,
                "locality": "Белово",
                "nomination": "Эссе",
                "work_title": "Эссе о прочитанной книге",
                "result": "finalist",
            },
        ],
    },
    {
        "slug": "otkryvaya-serdce-svoe",
        "title": "Открывая сердце своё",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "theme": "Творчество писателя-натуралиста, ученого-орнитолога Б.В. Щербакова",
        "scope": "international",
        "is_online": True,
        "age_rating": "6+",
        "submissions_from": datetime.date(2019, 9, 2),
        "submissions_until": datetime.date(2019, 11, 15),
        "results_on": datetime.date(2019, 12, 2),
        "description": (
            "Международный интернет-конкурс, посвященный творчеству писателя-натуралиста, ученого-орнитолога "
            "Б.В. Щербакова, организованный Восточно-Казахстанской областной детско-юношеской библиотекой. "
            "Юные кузбассовцы стали его победителями и финалистами."
        ),
        "notes": "Сроки условные (в статье не указаны). " + ENTRANT_NOTE,
        "entries": [
            {
                "entrant_name": "Участник из Кемерова (демо)",
                "age": 11,
                "locality": "Кемерово",
                "work_title": "Рассказ о птицах родного края",
                "result": "winner",
                "public_consent": True,
            },
            {
                "entrant_name": "Участница из Прокопьевска (демо)",
                "age": 13,
                "locality": "Прокопьевск",
                "work_title": "Сочинение по книгам Б.В. Щербакова",
                "result": "finalist",
            },
        ],
    },
    {
        "slug": "abai-murasy-k-abayu",
        "title": "Абай мұрасы. К Абаю...",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "theme": "175-летие казахского писателя, поэта и просветителя Абая Кунанбаева",
        "scope": "international",
        "is_online": True,
        "age_rating": "6+",
        "submissions_from": datetime.date(2020, 6, 1),
        "submissions_until": datetime.date(2020, 8, 1),
        "results_on": datetime.date(2020, 8, 10),
        "description": (
            "Международный интернет-конкурс, посвященный 175-летию казахского писателя, поэта и просветителя Абая "
            "Кунанбаева, организованный Восточно-Казахстанской областной детско-юношеской библиотекой. "
            "Юные кузбассовцы стали его победителями и финалистами."
        ),
        "notes": "Год — по 175-летию Абая (2020); сроки условные. " + ENTRANT_NOTE,
        "entries": [
            {
                "entrant_name": "Участница из Кемерова (демо)",
                "age": 15,
                "locality": "Кемерово",
                "work_title": "Чтение стихотворения Абая Кунанбаева",
                "result": "winner",
                "public_consent": True,
            },
            {
                "entrant_name": "Участник из Междуреченска (демо)",
                "age": 10,
                "locality": "Междуреченск",
                "work_title": "Рисунок по мотивам «Слов назидания»",
                "result": "finalist",
            },
        ],
    },
]

PROJECT = {
    "slug": "skazki-narodov-kuzbassa",
    "title": "Сказки народов Кузбасса",
    "organiser": HOST,
    "started_on": datetime.date(2020, 3, 2),
    "age_rating": "0+",
    "description": (
        "Литературный онлайн-проект государственной библиотеки Кузбасса для детей и молодежи знакомит детей "
        "с фольклором коренных народов Кузбасса и народов, наиболее распространенных на территории нашего региона. "
        "На сайте библиотеки опубликованы выпуски, включающие в себя русские, украинские, шорские, армянские, "
        "казачьи, татарские, немецкие, таджикские, узбекские и мордовские сказки.\n\n"
        "К проекту присоединилась Восточно-Казахстанская областная библиотека им. А.С. Пушкина "
        "(г. Усть-Каменогорск, Республика Казахстан)."
    ),
}

# The ten traditions the article lists, in its order; titles and dates of these episodes are illustrative.
_TRADITIONS = [
    ("Русские народные сказки", "русские сказки"),
    ("Украинские народные сказки", "украинские сказки"),
    ("Шорские народные сказки", "шорские сказки"),
    ("Армянские народные сказки", "армянские сказки"),
    ("Казачьи сказки", "казачьи сказки"),
    ("Татарские народные сказки", "татарские сказки"),
    ("Немецкие народные сказки", "немецкие сказки"),
    ("Таджикские народные сказки", "таджикские сказки"),
    ("Узбекские народные сказки", "узбекские сказки"),
    ("Мордовские народные сказки", "мордовские сказки"),
]

EPISODES = [
    {
        "number": number,
        "title": title,
        "tradition": tradition,
        "library": HOST,
        "published_on": datetime.date(2020, 3, 2) + datetime.timedelta(weeks=4 * (number - 1)),
        "description": f"Выпуск онлайн-проекта «Сказки народов Кузбасса»: {tradition}.",
    }
    for number, (title, tradition) in enumerate(_TRADITIONS, start=1)
] + [
    {
        "number": 11,
        "title": "Казахская народная сказка «Аксак-кулан» («Хромой кулан»)",
        "tradition": "казахская сказка",
        "library": "vko-pushkin",
        "agreement": "vko-pushkin",
        "video_url": ARTICLE_URL,
        "published_on": datetime.date(2021, 1, 25),
        "description": (
            "Восточно-Казахстанская областная библиотека им. А.С. Пушкина (г. Усть-Каменогорск, Республика "
            "Казахстан) присоединилась к литературному онлайн-проекту «Сказки народов Кузбасса». Зарубежные "
            "библиотекари сняли видеоролик, в котором представили казахскую народную сказку «Аксак-кулан» "
            "(«Хромой кулан»), основанную на легенде о Джучи (Жошы), сыне Чингисхана. Чтобы юные пользователи "
            "могли полностью погрузиться в самобытность и образность национального фольклора, библиотекарь "
            "прочитала сказку в народном костюме в казахской юрте.\n\n"
            "В ролике звучит кюй – национальная казахская инструментальная пьеса, мастерски исполненная "
            "на домре. Она помогает ярче представить культуру казахского народа."
        ),
    },
]
