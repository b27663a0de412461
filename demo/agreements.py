"""The host library's cooperation agreements, one per partner."""

import datetime

from demo.notes import NOTE_DATE, NOTE_DAY_2018_08, NOTE_DAY_2019, NOTE_TERM, note

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
        "signed_at": "Деловая встреча в государственной библиотеке Кузбасса для детей и молодёжи "
        "в рамках Дней Москвы в Кузбассе (г. Кемерово)",
        "directions": ["professional-events", "contests"],
        "notes": note("Первое соглашение о профессиональном сотрудничестве библиотеки.", NOTE_DAY_2018_08, NOTE_TERM),
    },
    {
        "partner": "vko-odub",
        "signed_on": datetime.date(2018, 10, 16),
        "directions": ["professional-events", "contests", "telebridges"],
        "notes": note(NOTE_DATE, NOTE_TERM),
    },
    {
        "partner": "tomsk-odub",
        "signed_on": datetime.date(2019, 4, 18),
        "signed_at": "Творческая встреча томских писателей с молодёжью г. Кемерово",
        "directions": ["professional-events", "exhibitions", "outreach-projects"],
        "notes": note(NOTE_DAY_2019, NOTE_TERM),
    },
    {
        "partner": "altai-krupskaya",
        "signed_on": datetime.date(2019, 11, 14),
        "directions": ["telebridges"],
        "notes": note(NOTE_DATE, NOTE_TERM),
    },
    {
        "partner": "khabarovsk-navolochkin",
        "title": "Соглашение о взаимодействии в проведении межрегиональных мероприятий",
        "signed_on": datetime.date(2019, 12, 10),
        "directions": ["exhibitions"],
        "notes": note(NOTE_DATE, NOTE_TERM),
    },
    {
        "partner": "vko-pushkin",
        "signed_on": datetime.date(2020, 2, 20),
        "directions": ["professional-events", "outreach-projects"],
        "notes": note(NOTE_DATE, NOTE_TERM),
    },
    {
        "partner": "volgograd-odb",
        "signed_on": datetime.date(2020, 3, 5),
        "directions": ["professional-events", "exhibitions"],
        "notes": note(NOTE_DATE, NOTE_TERM),
    },
    {
        "partner": "krasnoyarsk-kdb",
        "signed_on": datetime.date(2020, 6, 18),
        "directions": GENERAL_DIRECTIONS,
        "notes": note(NOTE_DATE, NOTE_GENERAL_DIRECTIONS, NOTE_TERM),
    },
    {
        "partner": "crimea-rbm",
        "signed_on": datetime.date(2020, 9, 15),
        "directions": GENERAL_DIRECTIONS,
        "notes": note(NOTE_DATE, NOTE_GENERAL_DIRECTIONS, NOTE_TERM),
    },
    {
        "partner": "chelyabinsk-obm",
        "signed_on": datetime.date(2020, 10, 20),
        "directions": GENERAL_DIRECTIONS,
        "notes": note(NOTE_DATE, NOTE_GENERAL_DIRECTIONS, NOTE_TERM),
    },
]
