"""A small, realistic public site built with tests/factories.py, for the browser tests to walk through.

Call build_site() inside a test (after requesting `live_server`, whose transactional database the live
server thread can see), then navigate.
"""

import datetime
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils import timezone

from contests.models import Entry
from events.models import Event, Participation
from tests.factories import (
    AgreementFactory,
    ContestFactory,
    CuratorFactory,
    EntryFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    HostLibraryFactory,
    LibraryFactory,
    NominationFactory,
    ParticipationFactory,
    PersonFactory,
    ProjectFactory,
    TelebridgeFactory,
)

KEMEROVO = ZoneInfo("Asia/Novokuznetsk")
# 14:00 in Kemerovo (UTC+7) → Moscow 10:00, Ust-Kamenogorsk 12:00 (UTC+5), Khabarovsk 17:00 (UTC+10).
TELEBRIDGE_START = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=KEMEROVO)
SITE_TIMES = {"Кемерово": "14:00", "Москва": "10:00", "Усть-Каменогорск": "12:00", "Хабаровск": "17:00"}
TELEBRIDGE_TITLE = "Телемост «Читаем Гайдара вместе»"
OTHER_TELEBRIDGE_TITLE = "Телемост «Фантастика для старшеклассников»"


@dataclass
class Site:
    host: object
    moscow: object
    ust_kamenogorsk: object
    khabarovsk: object
    telebridge: object
    teen_telebridge: object
    webinar: object
    exhibition: object
    contest: object
    finished_contest: object
    past_event: object
    answer_exhibition: object
    project: object
    agreement: object


def build_site() -> Site:
    host = HostLibraryFactory()
    moscow = LibraryFactory(
        name="Российская государственная детская библиотека",
        short_name="РГДБ",
        slug="rgdb",
        region="Москва",
        city="Москва",
        timezone="Europe/Moscow",
        latitude="55.75580",
        longitude="37.61730",
    )
    ust_kamenogorsk = LibraryFactory(
        name="Восточно-Казахстанская областная детская библиотека",
        short_name="ВКО детская библиотека",
        slug="vko-children",
        country="KZ",
        region="Восточно-Казахстанская область",
        city="Усть-Каменогорск",
        timezone="Asia/Almaty",
        latitude="49.94820",
        longitude="82.62860",
    )
    khabarovsk = LibraryFactory(
        name="Хабаровская краевая детская библиотека им. Н. Д. Наволочкина",
        short_name="Хабаровская краевая детская библиотека",
        slug="khabarovsk-children",
        region="Хабаровский край",
        city="Хабаровск",
        timezone="Asia/Vladivostok",
        latitude="48.48020",
        longitude="135.07190",
    )
    agreement = AgreementFactory(host=host, partner=moscow, number="12/С")
    AgreementFactory(host=host, partner=ust_kamenogorsk, number="15/С")

    telebridge = TelebridgeFactory(
        title=TELEBRIDGE_TITLE,
        slug="chitaem-gaidara",
        organiser=host,
        starts_at=TELEBRIDGE_START,
        age_rating="6+",
        audience=Event.Audience.CHILDREN,
        description="Ребята из четырёх городов читают вслух рассказы Аркадия Гайдара.",
        online_url="https://example.org/live/gaidar",
        agreement=agreement,
    )
    for library in (moscow, ust_kamenogorsk, khabarovsk):
        ParticipationFactory(event=telebridge, library=library, role=Participation.Role.SITE)
    teen_telebridge = TelebridgeFactory(
        title=OTHER_TELEBRIDGE_TITLE,
        slug="fantastika",
        organiser=host,
        starts_at=TELEBRIDGE_START + datetime.timedelta(days=7),
        age_rating="12+",
        audience=Event.Audience.TEENS,
    )
    ParticipationFactory(event=teen_telebridge, library=moscow, role=Participation.Role.SITE)
    webinar = EventFactory(
        title="Вебинар «Детская книга сегодня»",
        slug="detskaya-kniga",
        organiser=moscow,
        kind=Event.Kind.WEBINAR,
        starts_at=TELEBRIDGE_START + datetime.timedelta(days=3),
        audience=Event.Audience.SPECIALISTS,
        age_rating="16+",
    )
    ParticipationFactory(event=webinar, library=host)
    past = EventFactory(
        title="Круглый стол «Библиотека и семья»",
        slug="kruglyi-stol",
        organiser=host,
        kind=Event.Kind.ROUND_TABLE,
        format=Event.Format.OFFLINE,
        starts_at=datetime.datetime(2024, 5, 20, 11, 0, tzinfo=KEMEROVO),
        age_rating="12+",
        recording_url="https://example.org/recording",
        location="Кемерово, ул. Весенняя, 3",
    )
    past.guests.add(PersonFactory(full_name="Ольга Колпакова", occupation="писательница", place="Екатеринбург"))

    today = timezone.localdate()
    exhibition = ExhibitionFactory(
        title="Выставка «Сказки народов Сибири»",
        slug="skazki-sibiri",
        provider=ust_kamenogorsk,
        description="Книги и рисунки о сказках народов Сибири и Казахстана.",
        agreement=agreement,
    )
    ExhibitionStopFactory(
        exhibition=exhibition,
        venue=host,
        starts_on=today - datetime.timedelta(days=10),
        ends_on=today + datetime.timedelta(days=20),
    )

    contest = ContestFactory(
        title="Конкурс чтецов «Живая классика Сибири»",
        slug="zhivaya-klassika",
        organiser=host,
        theme="Стихи поэтов Сибири",
        description="Дети читают наизусть стихи сибирских поэтов.",
        submissions_from=today - datetime.timedelta(days=5),
        submissions_until=today + datetime.timedelta(days=30),
        results_on=today + datetime.timedelta(days=45),
    )
    CuratorFactory(contest=contest, library=host, region="Кемеровская область — Кузбасс")
    EntryFactory(contest=contest, entrant_name="Маша Петрова", public_consent=True, work_title="Сибирь")

    # A finished contest with its results: named winners (with consent) and entrants who stay unnamed.
    finished_contest = ContestFactory(
        title="Конкурс рисунков «Герои сибирских сказок»",
        slug="geroi-skazok",
        organiser=moscow,
        rules_url="https://example.org/rules.pdf",
        age_min=7,
        age_max=14,
        submissions_from=datetime.date(2024, 2, 1),
        submissions_until=datetime.date(2024, 4, 1),
        results_on=datetime.date(2024, 5, 1),
    )
    CuratorFactory(contest=finished_contest, library=khabarovsk, region="Хабаровский край")
    drawing = NominationFactory(contest=finished_contest, name="Рисунок", position=1)
    comic = NominationFactory(contest=finished_contest, name="Комикс", position=2)
    EntryFactory(
        contest=finished_contest,
        entrant_name="Алёша Иванов",
        result=Entry.Result.WINNER,
        place=1,
        nomination=drawing,
        work_title="Кара-Таш",
        public_consent=True,
    )
    EntryFactory(
        contest=finished_contest,
        entrant_name="Даша Смирнова",
        result=Entry.Result.FINALIST,
        nomination=comic,
        public_consent=True,
    )
    EntryFactory(contest=finished_contest, entrant_name="Скрытый Участник", result=Entry.Result.FINALIST)

    # The other half of an exchange, shown in Moscow last year, with visitors counted.
    answer = ExhibitionFactory(
        title="Выставка «Москва — детям Кузбасса»",
        slug="moskva-detyam",
        provider=moscow,
        kind=exhibition.kind,
        counterpart=exhibition,
        items_count=120,
    )
    ExhibitionStopFactory(
        exhibition=answer,
        venue=host,
        starts_on=datetime.date(2025, 3, 1),
        ends_on=datetime.date(2025, 4, 1),
        visitors=640,
        excursions=12,
    )
    ExhibitionStopFactory(
        exhibition=answer,
        venue=khabarovsk,
        starts_on=datetime.date(2025, 5, 1),
        ends_on=datetime.date(2025, 6, 1),
        visitors=410,
        excursions=8,
    )

    project = ProjectFactory(
        title="Сказки народов Кузбасса", slug="skazki-kuzbassa", organiser=host, description="Видеосказки."
    )
    EpisodeFactory(project=project, number=1, title="Шорская сказка «Кара-Таш»", library=host)

    return Site(
        host=host,
        moscow=moscow,
        ust_kamenogorsk=ust_kamenogorsk,
        khabarovsk=khabarovsk,
        telebridge=telebridge,
        teen_telebridge=teen_telebridge,
        webinar=webinar,
        exhibition=exhibition,
        contest=contest,
        finished_contest=finished_contest,
        past_event=past,
        answer_exhibition=answer,
        project=project,
        agreement=agreement,
    )


def main_pages(site: Site) -> list[tuple[str, str, tuple, str]]:
    """(label, URL name, args, query string) of every main public page, filled with the site's rows."""
    return [
        ("home", "site:home", (), ""),
        ("events", "events:list", (), ""),
        ("telebridges", "events:telebridges", (), ""),
        ("event-detail", "events:detail", (site.telebridge.slug,), ""),
        ("past-event-detail", "events:detail", (site.past_event.slug,), ""),
        ("partners", "agreements:partner_list", (), ""),
        ("partner-detail", "agreements:partner_detail", (site.moscow.slug,), ""),
        ("agreements", "agreements:list", (), ""),
        ("agreement-detail", "agreements:detail", (site.agreement.pk,), ""),
        ("exhibitions", "exhibitions:list", (), ""),
        ("exhibition-detail", "exhibitions:detail", (site.exhibition.slug,), ""),
        ("exchange-exhibition-detail", "exhibitions:detail", (site.answer_exhibition.slug,), ""),
        ("contests", "contests:list", (), ""),
        ("contest-detail", "contests:detail", (site.contest.slug,), ""),
        ("contest-results", "contests:detail", (site.finished_contest.slug,), ""),
        ("project", "events:project", (site.project.slug,), ""),
        ("search", "site:search", (), "q=%D1%82%D0%B5%D0%BB%D0%B5%D0%BC%D0%BE%D1%81%D1%82"),
        ("accessibility", "site:accessibility", (), ""),
    ]
