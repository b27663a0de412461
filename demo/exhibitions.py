"""Exhibitions: the exchange with Khabarovsk, «Город дружбы», a Tomsk and a travelling Volgograd exhibition."""

import datetime

from demo.libraries import HOST
from demo.notes import NOTE_AGE_RATING, NOTE_DAY_2019, note

# What the exhibition's own fields say (who provided it, where and when it was on show) is not repeated here.
KHABAROVSK_DESCRIPTION = (
    "Совершить заочное путешествие на Дальний Восток кузбассовцам помогли разные виды изданий: современные "
    "фотоальбомы, в которых работы талантливых фотографов сопровождались рассказом об истории, природе, "
    "достопримечательностях и различных аспектах жизни Хабаровского края; художественные и познавательные "
    "произведения дальневосточных писателей и краеведов; сказки коренных народов Приморья (нивхов, нанайцев, "
    "ульчи, удэге и др.); иллюстрированный каталог коллекции из собрания Хабаровского краевого музея."
)

GOROD_DRUZHBY_DESCRIPTION = (
    "Выставка задумана как комплексная, этнокультурная и межрегиональная: её цель – познакомить кузбассовцев "
    "с многообразием национальных культур.\n\n"
    "На выставке представлены книги, посвящённые истории, культуре, быту народов Казахстана, республик Бурятии, "
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

# `counterpart`: the slug of the other half of an exchange (set on the partner's exhibition). Each stop's
# `notes` mark what the article does not give about that stop; a stop takes its exhibition's status.
EXHIBITIONS = [
    {
        "slug": "habarovskii-krai-pochti-beskonechnyi",
        "title": "Хабаровский край! Он почти бесконечный...",
        "kind": "exchange",
        "status": "held",
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
                "notes": "Сроки, число посетителей и экскурсий условные: в статье указан только 2020 год.",
            }
        ],
        "notes": note(
            "Сроки экспонирования, число посетителей и экскурсий условные: в статье указан только 2020 год.",
            NOTE_AGE_RATING,
        ),
    },
    {
        "slug": "knigi-o-kuzbasse-v-habarovske",
        "title": "Кузбасс: книги о родном крае",
        "kind": "exchange",
        "status": "held",
        "provider": HOST,
        "agreement": "khabarovsk-navolochkin",
        "age_rating": "0+",
        "description": "Читатели Хабаровска, в свою очередь, смогли познакомиться с книгами о Кузбассе.",
        "stops": [
            {
                "venue": "khabarovsk-navolochkin",
                "starts_on": datetime.date(2020, 4, 6),
                "ends_on": datetime.date(2020, 5, 29),
                "notes": "Сроки условные: в статье год не указан, 2020 г. — по ответной хабаровской выставке.",
            }
        ],
        "notes": note(
            "Название условное: в статье выставка названа «выставкой книг о Кузбассе».",
            "Сроки экспонирования условные.",
            NOTE_AGE_RATING,
        ),
    },
    {
        "slug": "gorod-druzhby",
        "title": "Город дружбы",
        "kind": "ethnocultural",
        "status": "held",
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
                "notes": "Сроки условные: в статье — «в конце 2020 года». Число посетителей и экскурсий условное.",
            }
        ],
        "notes": note(
            "Сроки условные: в статье — «в конце 2020 года». Число посетителей и экскурсий условное.",
            NOTE_AGE_RATING,
        ),
    },
    {
        "slug": "tvorchestvo-tomskih-pisatelei",
        "title": "Творчество томских писателей",
        "kind": "book_illustration",
        "status": "held",
        "provider": "tomsk-odub",
        "agreement": "tomsk-odub",
        "age_rating": "12+",
        # Its presentation and the gift of the books are told with the presentation (an event of the same day).
        "description": "Выставка посвящена творчеству томских писателей.",
        "stops": [
            {
                "venue": HOST,
                "starts_on": datetime.date(2019, 4, 18),
                "ends_on": datetime.date(2019, 5, 31),
                "notes": "Открытие — в день презентации; срок экспонирования условный. " + NOTE_DAY_2019,
            }
        ],
        "notes": note(
            "Название условное: в статье — «книжно-иллюстративная выставка, посвящённая творчеству томских писателей».",
            NOTE_DAY_2019,
            "Срок экспонирования условный.",
            NOTE_AGE_RATING,
        ),
    },
    {
        "slug": "peredvizhnaya-vystavka-volgograd-2021",
        "title": "Волгоградская земля: книги о крае",
        "kind": "travelling",
        "status": "planned",
        "provider": "volgograd-odb",
        "agreement": "volgograd-odb",
        "age_rating": "6+",
        "description": "Межрегиональная передвижная выставка, которую в мае 2021 года планируется провести "
        "совместно с Волгоградской областной детской библиотекой.",
        "stops": [
            {
                "venue": HOST,
                "starts_on": datetime.date(2021, 5, 4),
                "ends_on": datetime.date(2021, 5, 31),
                "notes": "Площадка и числа условные: в статье — «в мае 2021 года … планируется».",
            }
        ],
        "notes": note(
            "Запланирована: в статье выставка названа планируемой на май 2021 года; проведена ли она, статья "
            "не сообщает.",
            "Название условное. Числа условные.",
            "Какая из двух библиотек готовит выставку и где она экспонируется, в статье не сказано "
            "(«совместно с Волгоградской областной детской библиотекой»): указано условно.",
            NOTE_AGE_RATING,
        ),
    },
]
