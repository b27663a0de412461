"""Contests with Kuzbass entrants, the host library curating the region in one of them."""

import datetime

from coopnet.demo.libraries import HOST, KUZBASS_REGION

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
