"""The article every demo fact comes from, and the staff-only notes that mark what it does not say."""

ARTICLE_URL = "https://www.libkem.su/index.php/chitatelyam/1971-kazakhskaya-narodnaya-skazka-legenda-oxromom-kulane"

NOTE_DATE = "Дата условная (в статье не указана)."
NOTE_DAY_2018_08 = "Число условное: в статье указаны только месяц и год (август 2018 г.)."
NOTE_DAY_2019 = "Число и месяц условные: в статье указан только 2019 год."
NOTE_DAY_2018 = "Число и месяц условные: в статье указан только 2018 год."
NOTE_DAY_2020 = "Число и месяц условные: в статье указан только 2020 год."
NOTE_DEMO = "Демонстрационное мероприятие"
NOTE_COUNT = "Число участников условное."
NOTE_SITE_COUNTS = "Число участников на площадках условное."
NOTE_TIME = "Время начала, продолжительность и возрастная маркировка условные."
NOTE_AGE_RATING = "Возрастная маркировка условная."
NOTE_KIND = (
    "Вид мероприятия условный: в статье вебинары, семинары-практикумы и конференции "
    "Восточно-Казахстанской областной детско-юношеской библиотеки перечислены вместе."
)
NOTE_ORGANISER = "Организатор в статье не назван, указан условно."
NOTE_TERM = "Срок действия в статье не указан: соглашение показано бессрочным условно."


def note(*parts: str) -> str:
    """The staff note of a row: its marks in one line."""
    return " ".join(parts)
