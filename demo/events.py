"""Guests, the joint events the article describes, and demo announcements for the coming weeks.

Local date-times are naive and belong to the time zone of the event's organiser; upcoming demo
events are counted in days from the day `load_demo` runs, at UPCOMING_TIME in Kemerovo.
"""

import datetime

from demo.libraries import HOST
from demo.notes import (
    NOTE_COUNT,
    NOTE_DATE,
    NOTE_DAY_2018,
    NOTE_DAY_2018_08,
    NOTE_DAY_2019,
    NOTE_KIND,
    NOTE_ORGANISER,
    NOTE_SITE_COUNTS,
    NOTE_TIME,
    note,
)

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
        "full_name": "Наталья Семёновна Матвеева",
        "occupation": "детский писатель",
        "place": "",
        "about": "Гость международного телемоста «Мир детства: от книг к мечтам» (Россия — Казахстан).",
    },
]

TOMSK_WRITERS = ["kolykhalov-va", "chubkovets-va", "panov-ai"]
KUZBASS_WRITERS = ["burmistrov-bv", "donbai-sl"]

_SPECIALISTS = {"audience": "specialists", "age_rating": "18+", "target_group": "other"}
_ONLINE = {"format": "online", "venue": "remote"}

_ONLINE_TAIL = "Специалисты государственной библиотеки Кузбасса для детей и молодёжи участвовали в онлайн-формате."

NOTE_DAY_YEAR_OF_MEMORY = "Число и месяц условные: год — по Году памяти и славы (2020), которому посвящён телемост."
# The article names this conference apart from the East Kazakhstan children's and youth library's own events
# ("а также") and ties it to the Pushkin library; the Pushkin library's site reports holding it on 8 April 2021.
NOTE_PUSHKIN_CONFERENCE = (
    "Организатор — Восточно-Казахстанская областная библиотека им. А.С. Пушкина: в статье конференция названа "
    "отдельно от мероприятий детско-юношеской библиотеки и приурочена к 125-летию библиотеки им. А.С. Пушкина. "
    "Дата в статье не указана; 8 апреля 2021 г. — по сообщению библиотеки им. А.С. Пушкина на её сайте."
)

# Events the article reports as held. `participants`: library slug → role; the organiser is added with the
# organiser role. Attendance as staff enter it: `site_counts` (library slug → participants at that site) for
# telebridges, where each site counts its own hall; `participants_count` where only one total would be known.
# The article gives no figures: every count is illustrative and marked so in the notes.
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
        "status": "held",
        "participants": {"gaidar-moscow": "participant"},
        "starts": datetime.datetime(2018, 8, 22, 11, 0),
        "minutes": 180,
        **_SPECIALISTS,
        "location": "г. Кемерово, Государственная библиотека Кузбасса для детей и молодёжи",
        "participants_count": 45,
        "description": (
            "Деловая встреча по обмену опытом с целью профессионального совершенствования и повышения качества "
            "обслуживания читателей библиотек г. Москвы и Кузбасса прошла в дни, когда в Кемеровской области "
            "с целью укрепления межрегионального сотрудничества проходили Дни Москвы. В ней приняли участие "
            "специалисты Центральной городской детской библиотеки им. А.П. Гайдара (г. Москва), сотрудники "
            "государственных, муниципальных и ведомственных библиотек Кузбасса.\n\n"
            "Центральным моментом деловой встречи стало подписание соглашения между государственной библиотекой "
            "Кузбасса для детей и молодёжи и Центральной городской детской библиотекой им. А.П. Гайдара."
        ),
        "notes": note(NOTE_DAY_2018_08, NOTE_TIME, NOTE_COUNT),
    },
    {
        "slug": "telemost-kuzbass-kazakhstan-2018",
        "title": "Телемост Кузбасс — Казахстан: ценности здорового и активного образа жизни",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "international",
        "organiser": HOST,
        "agreement": "vko-odub",
        "status": "held",
        "participants": {"vko-odub": "site"},
        "site_counts": {HOST: 18, "vko-odub": 12},
        "starts": datetime.datetime(2018, 11, 22, 14, 0),
        "minutes": 90,
        **_SPECIALISTS,
        "description": (
            "В 2018 году Кузбасс и Республику Казахстан связал телемост, во время которого коллеги "
            "из Восточно-Казахстанской областной детско-юношеской библиотеки поделились своим опытом формирования "
            "у подрастающего поколения ценностей здорового и активного образа жизни."
        ),
        "notes": note(
            "Название составлено по описанию: в статье не указано.",
            NOTE_DAY_2018,
            NOTE_TIME,
            NOTE_ORGANISER,
            NOTE_SITE_COUNTS,
        ),
    },
    {
        "slug": "tvorcheskaya-vstrecha-tomskih-pisatelei-2019",
        "title": "Творческая встреча томских писателей с молодёжью г. Кемерово",
        "kind": "creative_meeting",
        "format": "offline",
        "venue": "in_library",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "tomsk-odub",
        "status": "held",
        "participants": {"tomsk-odub": "participant"},
        "starts": datetime.datetime(2019, 4, 18, 14, 0),
        "minutes": 120,
        "audience": "youth",
        "age_rating": "12+",
        "target_group": "youth",
        "location": "г. Кемерово, Государственная библиотека Кузбасса для детей и молодёжи",
        "participants_count": 60,
        "guests": TOMSK_WRITERS + KUZBASS_WRITERS,
        "description": (
            "Встреча прошла в день подписания соглашения между библиотекой Кузбасса для детей и молодёжи "
            "и Томской областной детско-юношеской библиотекой. Молодые люди смогли познакомиться и пообщаться "
            "с В.А. Колыхаловым, В.А. Чубковец, А.И. Пановым. В рамках встречи состоялся творческий диалог "
            "с кузбасскими писателями Б.В. Бурмистровым и С.Л. Донбаем."
        ),
        "notes": note(NOTE_DAY_2019, NOTE_TIME, NOTE_COUNT),
    },
    {
        "slug": "prezentaciya-vystavki-tomskih-pisatelei-2019",
        "title": "Презентация книжно-иллюстративной выставки, посвящённой творчеству томских писателей",
        "kind": "presentation",
        "format": "offline",
        "venue": "in_library",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "tomsk-odub",
        "status": "held",
        "participants": {"tomsk-odub": "participant"},
        "starts": datetime.datetime(2019, 4, 18, 16, 0),
        "minutes": 60,
        "audience": "youth",
        "age_rating": "12+",
        "target_group": "youth",
        "location": "г. Кемерово, Государственная библиотека Кузбасса для детей и молодёжи",
        "participants_count": 60,
        "guests": TOMSK_WRITERS,
        "description": (
            "Презентация прошла в рамках творческой встречи томских писателей с молодёжью г. Кемерово; "
            "коллекция книг томских писателей была передана в дар нашей библиотеке."
        ),
        "notes": note(NOTE_DAY_2019, NOTE_TIME, NOTE_COUNT),
    },
    {
        "slug": "biblioteka-obnulenie-ili-obnovlenie",
        "title": "Библиотека: обнуление или обновление?",
        "kind": "strategic_session",
        **_ONLINE,
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "gaidar-moscow",
        "status": "held",
        "participants": {"gaidar-moscow": "participant"},
        "starts": datetime.datetime(2020, 11, 26, 14, 0),
        "minutes": 120,
        **_SPECIALISTS,
        "participants_count": 40,
        "description": (
            "Проблемно-стратегическая сессия прошла в форме интерактивной встречи детских библиотекарей Кузбасса "
            "и Москвы. Сессия помогла выявить проблемы, сформулировать актуальные задачи "
            "и выработать оптимальную стратегию действий, а также пути вовлечения библиотекарей в процесс "
            "преобразований."
        ),
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_ORGANISER, NOTE_COUNT),
    },
    {
        "slug": "innovaciya-protiv-tradicionnoi-modeli",
        "title": "Инновация против традиционной модели",
        "kind": "webinar",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2019, 2, 27, 11, 0),
        "minutes": 90,
        **_SPECIALISTS,
        "participants_count": 70,
        "description": "Международный вебинар, организованный Восточно-Казахстанской областной детско-юношеской "
        "библиотекой. " + _ONLINE_TAIL,
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_KIND, NOTE_COUNT),
    },
    {
        "slug": "postigaya-proshloe-smotrim-v-budushchee",
        "title": "Постигая прошлое, смотрим в будущее",
        "kind": "workshop",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2019, 10, 24, 11, 0),
        "minutes": 120,
        **_SPECIALISTS,
        "participants_count": 55,
        "description": "Международный семинар-практикум, организованный Восточно-Казахстанской областной "
        "детско-юношеской библиотекой. " + _ONLINE_TAIL,
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_KIND, NOTE_COUNT),
    },
    {
        "slug": "biblioteka-i-volonter",
        "title": "Библиотека и волонтёр: потенциал эффективного сотрудничества",
        "kind": "webinar",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 4, 23, 11, 0),
        "minutes": 90,
        **_SPECIALISTS,
        "participants_count": 80,
        "description": "Международный вебинар, организованный Восточно-Казахстанской областной детско-юношеской "
        "библиотекой. " + _ONLINE_TAIL,
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_KIND, NOTE_COUNT),
    },
    {
        "slug": "neprostye-slozhnosti-renessans-detskogo-chteniya",
        "title": "Непростые сложности: ренессанс детского чтения",
        "kind": "conference",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 11, 19, 10, 0),
        "minutes": 240,
        **_SPECIALISTS,
        "participants_count": 120,
        "description": "Международная онлайн-конференция, организованная Восточно-Казахстанской областной "
        "детско-юношеской библиотекой. " + _ONLINE_TAIL,
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_KIND, NOTE_COUNT),
    },
    {
        "slug": "innovacionnaya-deyatelnost-bibliotek-125",
        "title": "Инновационная деятельность библиотек: опыт, методика, тенденции",
        "kind": "conference",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-pushkin",
        "agreement": "vko-pushkin",
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2021, 4, 8, 10, 0),
        "minutes": 240,
        **_SPECIALISTS,
        "participants_count": 150,
        "description": "Международная онлайн-конференция, приуроченная к 125-летию Восточно-Казахстанской "
        "областной библиотеки имени А.С. Пушкина. " + _ONLINE_TAIL,
        "notes": note(NOTE_PUSHKIN_CONFERENCE, NOTE_TIME, NOTE_COUNT),
    },
    {
        "slug": "territoriya-bez-granic",
        "title": "Территория без границ: поликультурный аспект в работе детской библиотеки",
        "kind": "seminar",
        **_ONLINE,
        "scope": "interregional",
        "organiser": "volgograd-odb",
        "agreement": "volgograd-odb",
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 10, 8, 10, 0),
        "minutes": 120,
        **_SPECIALISTS,
        "participants_count": 65,
        "description": "Межрегиональный онлайн-семинар, организованный Волгоградской областной детской "
        "библиотекой. " + _ONLINE_TAIL,
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_COUNT),
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
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 4, 15, 10, 0),
        "minutes": 420,
        **_SPECIALISTS,
        "participants_count": 35,
        "description": "Заочная межрегиональная научно-практическая конференция, проводимая Томской областной "
        "детско-юношеской библиотекой. Специалисты государственной библиотеки Кузбасса для детей и молодёжи "
        "приняли в ней участие.",
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_COUNT),
    },
    {
        "slug": "grazhdansko-pravovoe-vospitanie",
        "title": "Гражданско-правовое воспитание и просвещение детей и молодёжи: актуальные тенденции и практики",
        "kind": "conference",
        **_ONLINE,
        "scope": "interregional",
        "organiser": "tomsk-odub",
        "agreement": "tomsk-odub",
        "status": "held",
        "participants": {HOST: "participant"},
        "starts": datetime.datetime(2020, 12, 10, 11, 0),
        "minutes": 180,
        **_SPECIALISTS,
        "participants_count": 90,
        "description": "Межрегиональная научно-практическая онлайн-конференция, проводимая Томской областной "
        "детско-юношеской библиотекой. " + _ONLINE_TAIL,
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_COUNT),
    },
    {
        "slug": "put-k-solncu",
        "title": "Путь к Солнцу",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "international",
        "organiser": "vko-odub",
        "agreement": "vko-odub",
        "status": "held",
        "participants": {HOST: "site"},
        "site_counts": {"vko-odub": 30, HOST: 30},
        "starts": datetime.datetime(2019, 12, 12, 11, 0),
        "minutes": 60,
        "audience": "teens",
        "age_rating": "12+",
        "target_group": "children",
        "guests": ["kalaus-lilya"],
        "description": (
            "На литературном телемосте казахстанские и кемеровские школьники встретились с автором книги "
            "«Зов Солнца», писателем, поэтом, публицистом, лауреатом многих престижных премий Лилей Калаус."
        ),
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_SITE_COUNTS),
    },
    {
        "slug": "ispytanie-vremenem-sibiryaki-v-stalingradskoi-bitve",
        "title": "Испытание временем. Сибиряки в Сталинградской битве",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "altai-krupskaya",
        "status": "held",
        "participants": {"altai-krupskaya": "site"},
        "site_counts": {HOST: 28, "altai-krupskaya": 22},
        "starts": datetime.datetime(2020, 2, 4, 14, 0),
        "minutes": 90,
        "audience": "teens",
        "age_rating": "12+",
        "target_group": "children",
        "description": (
            "Литературный телемост был посвящён Году памяти и славы. Кемеровские школьники рассказали "
            "о кузбассовцах-участниках Сталинградской битвы, а участники из Алтайского края вспомнили своих "
            "земляков, сражавшихся в великом бою."
        ),
        "notes": note(NOTE_DAY_YEAR_OF_MEMORY, NOTE_TIME, NOTE_ORGANISER, NOTE_SITE_COUNTS),
    },
    {
        "slug": "mir-detstva-ot-knig-k-mechtam",
        "title": "Мир детства: от книг к мечтам",
        "kind": "telebridge",
        **_ONLINE,
        "scope": "international",
        "organiser": HOST,
        "agreement": "vko-odub",
        "status": "held",
        "participants": {"vko-odub": "site"},
        "site_counts": {HOST: 40, "vko-odub": 30},
        "starts": datetime.datetime(2020, 6, 1, 14, 0),
        "minutes": 90,
        "audience": "children",
        "age_rating": "6+",
        "target_group": "children",
        "guests": ["lavrina-vl", "matveeva-ns"],
        "description": (
            "Литературный телемост предоставил участникам уникальную возможность познакомиться и пообщаться "
            "с детскими писателями двух стран – России и Казахстана."
        ),
        "notes": note(NOTE_DATE, NOTE_TIME, NOTE_ORGANISER, NOTE_SITE_COUNTS),
    },
]

# Demo announcements so the public site always has something upcoming: days from the day the command
# runs, local time in Kemerovo. They have not happened: planned, with no attendance at all.
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
        "status": "planned",
        "participants": {"vko-odub": "site", "khabarovsk-navolochkin": "site"},
        "days_ahead": 5,
        "minutes": 90,
        "audience": "children",
        "age_rating": "6+",
        "target_group": "children",
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
        "status": "planned",
        "participants": {HOST: "participant"},
        "days_ahead": 8,
        "minutes": 90,
        **_SPECIALISTS,
        "description": _DEMO_DESCRIPTION
        + "Специалисты детских библиотек Москвы и Кузбасса обсудят онлайн-форматы продвижения чтения.",
    },
    {
        "slug": "demo-telemost-molodezh-chitaet",
        "title": "Молодёжь читает: Кузбасс — Урал — Крым",
        "kind": "telebridge",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "chelyabinsk-obm",
        "status": "planned",
        "participants": {"chelyabinsk-obm": "site", "crimea-rbm": "site"},
        "days_ahead": 12,
        "minutes": 90,
        "audience": "youth",
        "age_rating": "12+",
        "target_group": "youth",
        "description": _DEMO_DESCRIPTION
        + "Молодые читатели Кемерова, Челябинска и Симферополя представят книжные новинки для молодёжи.",
    },
    {
        "slug": "demo-telemost-skazki-narodov",
        "title": "Сказки народов Кузбасса и Казахстана",
        "kind": "telebridge",
        "scope": "international",
        "organiser": HOST,
        "agreement": "vko-pushkin",
        "status": "planned",
        "participants": {"vko-pushkin": "site"},
        "days_ahead": 19,
        "minutes": 60,
        "audience": "children",
        "age_rating": "6+",
        "target_group": "children",
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
        "status": "planned",
        "participants": {HOST: "participant"},
        "days_ahead": 22,
        "minutes": 90,
        **_SPECIALISTS,
        "description": _DEMO_DESCRIPTION + "Коллеги из Красноярска поделятся опытом проектной работы с подростками.",
    },
    {
        "slug": "demo-telemost-volga-kuzbass",
        "title": "От Волги до Амура: книги о родном крае",
        "kind": "telebridge",
        "scope": "interregional",
        "organiser": HOST,
        "agreement": "volgograd-odb",
        "status": "planned",
        "participants": {"volgograd-odb": "site", "khabarovsk-navolochkin": "site"},
        "days_ahead": 26,
        "minutes": 90,
        "audience": "teens",
        "age_rating": "12+",
        "target_group": "children",
        "description": _DEMO_DESCRIPTION
        + "Школьники Кемерова, Волгограда и Хабаровска расскажут о книгах, посвящённых истории и природе "
        "своих регионов.",
    },
]
