"""A small year of cooperation, built so every figure of the 2020 report can be counted by hand.

Partners: P1 Tomsk (Russia), P2 East Kazakhstan, P3 Khabarovsk (Russia), P4 Volgograd (Russia).
Every activity is held (status "held"); tests that need another status change it.
Agreements:
  A1  P1  signed 2019-05-10, no end date                         in force, 4 activities in 2020
  A2  P2  signed 2020-03-01, until 2021-06-30                    in force, signed in year, expiring next year, 4
  A3  P3  signed 2018-08-20, terminated 2020-09-01               terminated in year, 1 activity
  A4  P4  signed 2020-02-01, until 2025-12-31                    in force, signed in year, nothing → new
  A5  P3  signed 2017-01-01, until 2020-06-30, no prolongation   expired in year
  A6  P1  signed 2016-01-01, until 2017-01-01, auto-prolongation in force, nothing (A1 is P1's newer) → dormant
Joint: every activity but E3, X2, EP2, EP3 (the host's alone). Credit: each partner's agreement in force on
the day (E2 credits A1 through P1's site as well as A2); `agreement=` in the factories adds a staff override.
Events (Kemerovo time):
  E0   seminar     P1 org, A1, 2020-01-01 00:30 (= 31 Dec 20:30 Moscow), youth, in library, 20
  E1   webinar     P1 org + site, A1, 2020-03-10, children, remote, 40
  E2   conference  P2 org, P1 participant, A2, 2020-11-19, youth, remote, 100, DRAFT
  E3   round table host only, 2020-05-05, offline, regional, other, in library, no figure
  T1   telebridge  host org, P2 site, A2, 2020-06-01, children, off site, 60
  EDGE webinar     P1, A1, 2020-12-31 23:30 Moscow = 2021-01-01 03:30 Kemerovo → 2021, 500
  E19  webinar     P1, A1, 2019-06-01, 30
Exhibitions: X1 by P3 (A3), stop at host 2020-02-03…2020-03-20, 850 visitors, 6 excursions;
             X2 by host, stop 2019-11-15…2020-01-20, 300 visitors, 2 excursions (counts in both years,
             its visitors in 2019, the year it opened).
Contests: C1 by P2 (A2), 2020-06-01…2020-08-01, results 2020-08-10, curator host; entries: winner,
          finalist, participant (curated by host) + one participant without curator.
          C2 by P1 (A1), 2019-10-01…2019-12-20, results 2020-01-15, DRAFT; one laureate (host curated).
Episodes: EP1 by P2 (A2) 2020-04-27; EP2 by host 2020-09-14 DRAFT; EP3 by host 2019-05-01.
"""

import datetime
import io
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.db import transaction

from agreements.models import Agreement, Library
from contests.models import Entry
from core.models import Status
from core.vocabulary import Scope
from events.models import Event
from exhibitions.models import Exhibition
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
    ParticipationFactory,
    ProjectFactory,
    TelebridgeFactory,
)

KEMEROVO = ZoneInfo("Asia/Novokuznetsk")
MOSCOW = ZoneInfo("Europe/Moscow")
HELD = Status.HELD
D = datetime.date


def at(year, month, day, hour=14, minute=0, tz=KEMEROVO):
    return datetime.datetime(year, month, day, hour, minute, tzinfo=tz)


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """The demo data (the library's article), loaded once for a module and rolled back when it is done (as
    tests/demo does): a load takes seconds."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    """Each test still runs in its own transaction inside the loaded data."""


@pytest.fixture
def scenario(db):
    host = HostLibraryFactory()
    p1 = LibraryFactory(short_name="Томская ОДЮБ", region="Томская область")
    p2 = LibraryFactory(
        short_name="ВК ОДЮБ",
        country=Library.Country.KAZAKHSTAN,
        region="Восточно-Казахстанская область",
        timezone="Asia/Almaty",
    )
    p3 = LibraryFactory(short_name="ХКДБ", region="Хабаровский край", timezone="Asia/Vladivostok")
    p4 = LibraryFactory(short_name="Волгоградская ОДБ", region="Волгоградская область", timezone="Europe/Volgograd")

    a1 = AgreementFactory(partner=p1, number="1", signed_on=D(2019, 5, 10), valid_until=None)
    a2 = AgreementFactory(partner=p2, number="2", signed_on=D(2020, 3, 1), valid_until=D(2021, 6, 30))
    a3 = AgreementFactory(
        partner=p3,
        number="3",
        signed_on=D(2018, 8, 20),
        valid_until=None,
        status=Agreement.Status.TERMINATED,
        terminated_on=D(2020, 9, 1),
    )
    a4 = AgreementFactory(partner=p4, number="4", signed_on=D(2020, 2, 1), valid_until=D(2025, 12, 31))
    a5 = AgreementFactory(partner=p3, number="5", signed_on=D(2017, 1, 1), valid_until=D(2020, 6, 30))
    a6 = AgreementFactory(
        partner=p1, number="6", signed_on=D(2016, 1, 1), valid_until=D(2017, 1, 1), auto_prolongation=True
    )
    # A project agreement never signed: not part of the report.
    AgreementFactory(partner=p4, number="draft", signed_on=D(2020, 5, 5), status=Agreement.Status.DRAFT)

    common = {"format": Event.Format.ONLINE, "scope": Scope.INTERREGIONAL}
    e0 = EventFactory(
        status=HELD,
        title="Семинар в новогоднюю ночь",
        kind=Event.Kind.SEMINAR,
        organiser=p1,
        agreement=a1,
        starts_at=at(2019, 12, 31, 20, 30, tz=MOSCOW),
        target_group=Event.TargetGroup.YOUTH,
        venue=Event.Venue.IN_LIBRARY,
        participants_count=20,
        **{**common, "format": Event.Format.OFFLINE},
    )
    e1 = EventFactory(
        status=HELD,
        title="Вебинар о волонтёрах",
        kind=Event.Kind.WEBINAR,
        organiser=p1,
        agreement=a1,
        starts_at=at(2020, 3, 10),
        target_group=Event.TargetGroup.CHILDREN,
        venue=Event.Venue.REMOTE,
        participants_count=40,
        **common,
    )
    ParticipationFactory(event=e1, library=p1)
    ParticipationFactory(event=e1, library=host)
    e2 = EventFactory(
        status=HELD,
        title="Конференция о детском чтении",
        kind=Event.Kind.CONFERENCE,
        organiser=p2,
        agreement=a2,
        starts_at=at(2020, 11, 19),
        format=Event.Format.ONLINE,
        scope=Scope.INTERNATIONAL,
        target_group=Event.TargetGroup.YOUTH,
        venue=Event.Venue.REMOTE,
        participants_count=100,
        is_published=False,
    )
    ParticipationFactory(event=e2, library=p2)
    ParticipationFactory(event=e2, library=p1)
    e3 = EventFactory(
        status=HELD,
        title="Круглый стол библиотекарей",
        kind=Event.Kind.ROUND_TABLE,
        organiser=host,
        agreement=None,
        starts_at=at(2020, 5, 5),
        format=Event.Format.OFFLINE,
        scope=Scope.REGIONAL,
        target_group=Event.TargetGroup.OTHER,
        venue=Event.Venue.IN_LIBRARY,
        participants_count=None,
    )
    t1 = TelebridgeFactory(
        status=HELD,
        title="Мир детства: от книг к мечтам",
        organiser=host,
        agreement=a2,
        starts_at=at(2020, 6, 1),
        format=Event.Format.HYBRID,
        scope=Scope.INTERNATIONAL,
        target_group=Event.TargetGroup.CHILDREN,
        venue=Event.Venue.OFF_SITE,
        participants_count=60,
    )
    ParticipationFactory(event=t1, library=host)
    ParticipationFactory(event=t1, library=p2)
    edge = EventFactory(
        status=HELD,
        title="Вебинар под бой курантов",
        kind=Event.Kind.WEBINAR,
        organiser=p1,
        agreement=a1,
        starts_at=at(2020, 12, 31, 23, 30, tz=MOSCOW),
        participants_count=500,
        **common,
    )
    e19 = EventFactory(
        status=HELD,
        title="Вебинар 2019 года",
        kind=Event.Kind.WEBINAR,
        organiser=p1,
        agreement=a1,
        starts_at=at(2019, 6, 1),
        participants_count=30,
        **common,
    )

    x1 = ExhibitionFactory(
        status=HELD,
        title="Хабаровский край! Он почти бесконечный...",
        kind=Exhibition.Kind.EXCHANGE,
        provider=p3,
        agreement=a3,
    )
    ExhibitionStopFactory(
        status=HELD,
        exhibition=x1,
        venue=host,
        starts_on=D(2020, 2, 3),
        ends_on=D(2020, 3, 20),
        visitors=850,
        excursions=6,
    )
    x2 = ExhibitionFactory(status=HELD, title="Город дружбы", kind=Exhibition.Kind.ETHNOCULTURAL, provider=host)
    ExhibitionStopFactory(
        status=HELD,
        exhibition=x2,
        venue=host,
        starts_on=D(2019, 11, 15),
        ends_on=D(2020, 1, 20),
        visitors=300,
        excursions=2,
    )

    c1 = ContestFactory(
        status=HELD,
        title="Абай мұрасы. К Абаю...",
        organiser=p2,
        agreement=a2,
        scope=Scope.INTERNATIONAL,
        submissions_from=D(2020, 6, 1),
        submissions_until=D(2020, 8, 1),
        results_on=D(2020, 8, 10),
    )
    CuratorFactory(contest=c1, library=host)
    EntryFactory(contest=c1, curator=host, result=Entry.Result.WINNER, place=1)
    EntryFactory(contest=c1, curator=host, result=Entry.Result.FINALIST)
    EntryFactory(contest=c1, curator=host, result=Entry.Result.PARTICIPANT)
    EntryFactory(contest=c1, curator=None, result=Entry.Result.PARTICIPANT)
    c2 = ContestFactory(
        status=HELD,
        title="Вдумчивый читатель",
        organiser=p1,
        agreement=a1,
        is_published=False,
        submissions_from=D(2019, 10, 1),
        submissions_until=D(2019, 12, 20),
        results_on=D(2020, 1, 15),
    )
    EntryFactory(contest=c2, curator=host, result=Entry.Result.LAUREATE)

    project = ProjectFactory(title="Сказки народов Кузбасса", organiser=host)
    ep1 = EpisodeFactory(
        status=HELD,
        project=project,
        number=1,
        title="Аксак-кулан",
        library=p2,
        agreement=a2,
        published_on=D(2020, 4, 27),
    )
    ep2 = EpisodeFactory(
        status=HELD,
        project=project,
        number=2,
        title="Шорские сказки",
        library=host,
        published_on=D(2020, 9, 14),
        is_published=False,
    )
    ep3 = EpisodeFactory(
        status=HELD, project=project, number=3, title="Русские сказки", library=host, published_on=D(2019, 5, 1)
    )

    return SimpleNamespace(
        host=host,
        p1=p1,
        p2=p2,
        p3=p3,
        p4=p4,
        a1=a1,
        a2=a2,
        a3=a3,
        a4=a4,
        a5=a5,
        a6=a6,
        e0=e0,
        e1=e1,
        e2=e2,
        e3=e3,
        t1=t1,
        edge=edge,
        e19=e19,
        x1=x1,
        x2=x2,
        c1=c1,
        c2=c2,
        ep1=ep1,
        ep2=ep2,
        ep3=ep3,
    )


# The 2020 headline, counted by hand from the scenario above: (value in 2020, value in 2019).
# Joint work only: E3, X2, EP2 (2020) and X2, EP3 (2019) are the host's own, counted apart.
HEADLINE_2020 = {
    "agreements_in_force": (4, 4),  # 2020: A1 A2 A4 A6; 2019: A1 A3 A5 A6
    "agreements_signed": (2, 1),  # A2 A4 | A1
    "agreements_ended": (2, 0),  # A3 terminated, A5 expired
    "agreements_dormant": (1, 3),  # A6 (A4 is new) | A3 A5 A6 (A1 is new)
    "agreements_new": (2, 1),  # A2 A4 | A1
    "activities": (8, 2),  # 4 events + 1 exhibition + 2 contests + 1 episode | E19 C2
    "events": (3, 1),  # E0 E1 E2 | E19
    "telebridges": (1, 0),
    "exhibitions": (1, 0),  # X1 | X2 is the host's own
    "contests": (2, 1),
    "episodes": (1, 0),  # EP1
    "own_activities": (3, 2),  # E3 X2 EP2 | X2 EP3
    "event_participants": (220, 30),  # 20 + 40 + 100 + 60 | 30
    "exhibition_visitors": (850, 0),
    "contest_entries": (5, 1),
    "contest_awards": (3, 1),  # winner, finalist, laureate | laureate
    "partners_active": (3, 1),  # P1 P2 P3 | P1
    "partners_new": (2, 0),  # P2 P4 (first agreements in 2020)
    "nk_events": (2, 0),  # the host organised E3 and T1; E1 it only hosted a site of
    "nk_visits": (60, 0),  # T1's total; E3 has no figure
}

# Form 6-НК for 2020: (events, visits, drafts).
NK_2020 = {
    "total": (2, 60, 0),  # E3 (no figure), T1 60
    "children": (1, 60, 0),  # T1
    "youth": (0, 0, 0),
    "off_site_remote": (1, 60, 0),  # T1 off site
    "remote": (0, 0, 0),
}

# Partner × direction for 2020: columns in this order, then total and drafts.
MATRIX_COLUMNS = [
    "вебинар",
    "семинар",
    "конференция",
    "Телемосты",
    "Выставки",
    "Конкурсы",
    "Выпуски проектов",
]
MATRIX_2020 = {
    "Томская ОДЮБ": ([1, 1, 1, 0, 0, 1, 0], 4, 2),  # E1, E0, E2 (site), C2 (draft); E2 draft
    "ВК ОДЮБ": ([0, 0, 1, 1, 0, 1, 1], 4, 1),  # E2 (draft), T1, C1, EP1
    "ХКДБ": ([0, 0, 0, 0, 1, 0, 0], 1, 0),  # X1
}
MATRIX_TOTALS_2020 = ([1, 1, 1, 1, 1, 2, 1], 8, 2)

# Per agreement in 2020: (activities, drafts, dormant, in force, state label).
AGREEMENTS_2020 = {
    "1": (4, 2, False, True, "действует"),  # E0 E1 E2 (P1 a site) C2(draft)
    "2": (4, 1, False, True, "действует"),  # E2(draft) T1 C1 EP1
    "3": (1, 0, False, False, "расторгнуто"),  # X1
    "4": (0, 0, False, True, "действует"),  # nothing, but new: not dormant
    "5": (0, 0, False, False, "срок истёк"),
    "6": (0, 0, True, True, "действует"),
}

# Joint activities by month in 2020: (events, telebridges, exhibitions, contests, episodes).
MONTHS_2020 = {
    1: (1, 0, 0, 1, 0),  # E0; C2 results
    2: (0, 0, 1, 0, 0),  # X1
    3: (1, 0, 0, 0, 0),  # E1
    4: (0, 0, 0, 0, 1),  # EP1
    6: (0, 1, 0, 1, 0),  # T1, C1
    11: (1, 0, 0, 0, 0),  # E2
}

PARTICIPANTS_2020 = {
    "event_participants": 220,
    "telebridge_participants": 60,
    "events_with_figure": 4,
    "events_without_figure": 0,
    "exhibition_visitors": 850,
    "exhibition_excursions": 6,
    "stops_without_visitors": 0,
    "contest_entries": 5,
    "contest_entries_from_our_region": 4,
    "contest_winners": 1,
    "contest_laureates": 1,
    "contest_finalists": 1,
    "contest_prize_winners": 0,
    "contest_diplomas": 0,
}
