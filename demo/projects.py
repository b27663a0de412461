"""The host library's online project «Сказки народов Кузбасса» and its episodes."""

import datetime

from demo.libraries import HOST
from demo.notes import ARTICLE_URL, NOTE_AGE_RATING, note

PROJECT = {
    "slug": "skazki-narodov-kuzbassa",
    "title": "Сказки народов Кузбасса",
    "organiser": HOST,
    "started_on": datetime.date(2020, 3, 2),
    "age_rating": "0+",
    "notes": note("Дата начала проекта условная (в статье не указана).", NOTE_AGE_RATING),
    # The episodes say which tales were published, and the partner's episode says who joined and when: the
    # project's description tells neither, so a year's report says each in the year it happened.
    "description": (
        "Литературный онлайн-проект государственной библиотеки Кузбасса для детей и молодёжи знакомит детей "
        "с фольклором коренных народов Кузбасса и народов, наиболее распространённых на территории нашего региона."
    ),
}

# The ten traditions the article lists, in its order. The article names no episode: one episode per tradition,
# their titles, order and dates are illustrative and marked so in each episode's notes.
NOTE_EPISODE = (
    "Название, номер и дата публикации условные: в статье сказано лишь, что опубликовано десять выпусков "
    "с русскими, украинскими, шорскими, армянскими, казачьими, татарскими, немецкими, таджикскими, узбекскими "
    "и мордовскими сказками."
)
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
        "status": "held",
        "notes": NOTE_EPISODE,
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
        "status": "held",
        "notes": "Номер и дата публикации условные (в статье не указаны).",
        "description": (
            "Присоединившись к проекту, зарубежные библиотекари сняли видеоролик, в котором представили казахскую "
            "народную сказку «Аксак-кулан» («Хромой кулан»), основанную на легенде о Джучи (Жошы), сыне Чингисхана. "
            "Чтобы юные пользователи могли полностью погрузиться в самобытность и образность национального "
            "фольклора, библиотекарь "
            "прочитала сказку в народном костюме в казахской юрте.\n\n"
            "В ролике звучит кюй – национальная казахская инструментальная пьеса, мастерски исполненная "
            "на домре. Она помогает ярче представить культуру казахского народа."
        ),
    },
]
