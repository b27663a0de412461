"""Where an event's total comes from, said so that no count reads as the total: «сумма по 3 площадкам»."""

import pytest

from tests.factories import EventFactory, LibraryFactory, ParticipationFactory

pytestmark = pytest.mark.django_db


def _event(counts, online=None):
    event = EventFactory(online_viewers=online)
    for count in counts:
        ParticipationFactory(event=event, library=LibraryFactory(), participants_count=count)
    return event


@pytest.mark.parametrize(
    ("counts", "online", "said"),
    [
        ([10, 20, 30], None, "сумма по 3 площадкам"),
        ([10], None, "сумма по 1 площадке"),
        ([10, 20], 40, "сумма по 2 площадкам и 40 онлайн-зрителей вне площадок"),
        ([10, 20, 5, 5, 5], 1, "сумма по 5 площадкам и 1 онлайн-зритель вне площадок"),
        ([10, None], 3, "сумма по 1 площадке и 3 онлайн-зрителя вне площадок"),
    ],
)
def test_the_source_counts_the_sites_with_their_noun(counts, online, said):
    assert _event(counts, online).attendance_source == said


def test_no_count_reads_as_the_sum():
    assert "площадкам (" not in _event([10, 20, 30], 0).attendance_source
