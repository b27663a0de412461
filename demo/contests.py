"""Contests with Kuzbass entrants and the libraries curating them for the region.

The article calls the host library the regional curator of «Вдумчивый читатель». Of the two East Kazakhstan
contests it says only that young Kuzbass readers became winners and finalists; the host library is shown
curating their Kuzbass entries too (a guess, marked in the notes), so every entry's curator is one of its
contest's curators and the report counts these entrants as the region's.
"""

import datetime

from demo.libraries import HOST, KUZBASS_REGION
from demo.notes import NOTE_AGE_RATING, note

ENTRANT_NOTE = "Имена участников демонстрационные."
NOTE_CURATOR_GUESS = (
    "Кураторство библиотеки Кузбасса условное: в статье сказано лишь, что юные кузбассовцы стали победителями "
    "и финалистами конкурса."
)

CONTESTS = [
    {
        "slug": "vdumchivyi-chitatel",
        "title": "Вдумчивый читатель",
        "organiser": "gaidar-moscow",
        "agreement": "gaidar-moscow",
        "status": "held",
        "theme": "Отзывы и рецензии на новые книги, вошедшие в каталог «100 новых лучших книг для детей и подростков»",
        "scope": "interregional",
        "is_online": False,
        "nominations": "Отзыв\nЭссе\nРецензия",
        "age_rating": "12+",
        "submissions_from": datetime.date(2020, 2, 1),
        "submissions_until": datetime.date(2020, 4, 30),
        "results_on": datetime.date(2020, 6, 1),
        "description": (
            "На московский конкурс отзывов и рецензий на новые книги участники из Кузбасса присылают свои отзывы, "
            "эссе и рецензии на книги, вошедшие в каталог «100 новых лучших книг для детей и подростков», "
            "и становятся финалистами этого конкурса."
        ),
        "notes": note(
            "Сроки условные (в статье не указаны).",
            "Формат (очно или через интернет) условный.",
            NOTE_AGE_RATING,
            ENTRANT_NOTE,
        ),
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
        "status": "held",
        "theme": "Творчество писателя-натуралиста, учёного-орнитолога Б.В. Щербакова",
        "scope": "international",
        "is_online": True,
        "age_rating": "6+",
        "submissions_from": datetime.date(2019, 9, 2),
        "submissions_until": datetime.date(2019, 11, 15),
        "results_on": datetime.date(2019, 12, 2),
        "description": (
            "Конкурс был посвящён творчеству писателя-натуралиста, учёного-орнитолога Б.В. Щербакова. "
            "Юные кузбассовцы стали его победителями и финалистами."
        ),
        "notes": note("Сроки условные (в статье не указаны).", NOTE_AGE_RATING, NOTE_CURATOR_GUESS, ENTRANT_NOTE),
        "curators": [{"library": HOST, "region": KUZBASS_REGION}],
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
        "status": "held",
        "theme": "175-летие казахского писателя, поэта и просветителя Абая Кунанбаева",
        "scope": "international",
        "is_online": True,
        "age_rating": "6+",
        "submissions_from": datetime.date(2020, 6, 1),
        "submissions_until": datetime.date(2020, 8, 1),
        "results_on": datetime.date(2020, 8, 10),
        "description": (
            "Конкурс был посвящён 175-летию казахского писателя, поэта и просветителя Абая Кунанбаева. "
            "Юные кузбассовцы стали его победителями и финалистами."
        ),
        "notes": note(
            "Год — по 175-летию Абая (2020); сроки условные.", NOTE_AGE_RATING, NOTE_CURATOR_GUESS, ENTRANT_NOTE
        ),
        "curators": [{"library": HOST, "region": KUZBASS_REGION}],
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
