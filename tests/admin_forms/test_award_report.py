"""The annual report counts each award level where a reader expects it: winners apart from prize-winners, every
laureate degree as a laureate, diploma holders apart from finalists; the narrative names them all."""

import datetime

import pytest

from contests.models import Entry
from core.models import Status
from reports.data import DIRECTION_CONTESTS
from reports.narrative.stories import contest_story
from reports.report import build_report
from tests.factories import AgreementFactory, ContestFactory, CuratorFactory, EntryFactory, LibraryFactory

pytestmark = pytest.mark.django_db

D = datetime.date
LEVELS = {
    Entry.Result.WINNER: 1,
    Entry.Result.PRIZE_WINNER: 2,
    Entry.Result.LAUREATE_1: 1,
    Entry.Result.LAUREATE_2: 1,
    Entry.Result.LAUREATE_3: 1,
    Entry.Result.LAUREATE: 1,
    Entry.Result.DIPLOMA: 3,
    Entry.Result.FINALIST: 1,
    Entry.Result.PARTICIPANT: 4,
}


@pytest.fixture
def contest_item(host):
    partner = LibraryFactory(short_name="ВК ОДЮБ")
    agreement = AgreementFactory(host=host, partner=partner, signed_on=D(2020, 1, 15))
    contest = ContestFactory(
        title="Абай мұрасы",
        status=Status.HELD,
        organiser=partner,
        agreement=agreement,
        submissions_from=D(2020, 6, 1),
        submissions_until=D(2020, 8, 1),
        results_on=D(2020, 8, 10),
    )
    CuratorFactory(contest=contest, library=host)
    for result, count in LEVELS.items():
        for place in range(1, count + 1):
            placed = place + (1 if result == Entry.Result.PRIZE_WINNER else 0)
            EntryFactory(contest=contest, curator=host, result=result, place=placed if result in Entry.PLACED else None)
    report = build_report(2020)
    (item,) = report.direction(DIRECTION_CONTESTS).items
    return report, item


def test_each_level_is_counted_in_its_column(contest_item):
    _report, item = contest_item
    assert (item.entries, item.winners, item.prize_winners, item.laureates, item.diplomas, item.finalists) == (
        15,
        1,
        2,
        4,
        3,
        1,
    )


def test_the_year_totals_every_awarded_entry(contest_item):
    report, _item = contest_item
    figures = report.participants
    assert (figures.contest_winners, figures.contest_prize_winners, figures.contest_laureates) == (1, 2, 4)
    assert (figures.contest_diplomas, figures.contest_finalists) == (3, 1)


def test_the_story_names_every_level(contest_item):
    _report, item = contest_item
    story = " ".join(contest_story(item, D(2021, 1, 1)))
    assert "1 победитель, 2 призёра, 4 лауреата, 3 дипломанта и 1 финалист" in story
