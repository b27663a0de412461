"""The database itself refuses rows that break the domain's invariants."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from tests import factories
from tests.factories import KEMEROVO


def assert_rejected(build):
    with pytest.raises(IntegrityError), transaction.atomic():
        build()


def test_a_second_host_library_is_rejected(host):
    assert_rejected(lambda: factories.LibraryFactory(is_host=True))


def test_many_partner_libraries_are_fine(host):
    factories.LibraryFactory.create_batch(3)


def test_partner_equal_to_host_is_rejected(host):
    assert_rejected(lambda: factories.AgreementFactory(host=host, partner=host))


def test_agreement_ending_before_it_starts_is_rejected(db):
    assert_rejected(
        lambda: factories.AgreementFactory(valid_from=datetime.date(2020, 1, 1), valid_until=datetime.date(2019, 1, 1))
    )


def test_terminated_agreement_needs_a_termination_date(db):
    assert_rejected(lambda: factories.AgreementFactory(status="terminated", terminated_on=None))


def test_termination_date_on_an_agreement_in_force_is_rejected(db):
    assert_rejected(lambda: factories.AgreementFactory(status="in_force", terminated_on=datetime.date(2021, 1, 1)))


def test_event_ending_before_it_starts_is_rejected(db):
    start = datetime.datetime(2030, 3, 10, 14, 0, tzinfo=KEMEROVO)
    assert_rejected(lambda: factories.EventFactory(starts_at=start, ends_at=start - datetime.timedelta(minutes=1)))


def test_event_slugs_are_unique(db):
    factories.EventFactory(slug="telemost")
    assert_rejected(lambda: factories.EventFactory(slug="telemost"))


def test_library_takes_part_in_an_event_once(db):
    participation = factories.ParticipationFactory()
    assert_rejected(lambda: factories.ParticipationFactory(event=participation.event, library=participation.library))


def test_exhibition_stop_ending_before_it_starts_is_rejected(db):
    assert_rejected(
        lambda: factories.ExhibitionStopFactory(starts_on=datetime.date(2020, 5, 2), ends_on=datetime.date(2020, 5, 1))
    )


def test_contest_results_before_submissions_close_are_rejected(db):
    assert_rejected(
        lambda: factories.ContestFactory(
            submissions_until=datetime.date(2020, 4, 1), results_on=datetime.date(2020, 3, 1)
        )
    )


def test_place_is_only_for_winners(db):
    assert_rejected(lambda: factories.EntryFactory(result="finalist", place=1))


def test_episode_numbers_are_unique_within_a_project(db):
    episode = factories.EpisodeFactory(number=1)
    assert_rejected(lambda: factories.EpisodeFactory(project=episode.project, number=1))


def test_unknown_timezone_fails_validation_in_russian(db):
    library = factories.LibraryFactory.build(timezone="Asia/Kemerovo")
    with pytest.raises(ValidationError) as error:
        library.full_clean()
    assert "неизвестный часовой пояс" in str(error.value.message_dict["timezone"])


def test_second_host_fails_validation_with_a_russian_message(host):
    library = factories.LibraryFactory.build(is_host=True)
    with pytest.raises(ValidationError) as error:
        library.full_clean()
    assert "Наша библиотека уже указана" in str(error.value)


def test_agreement_with_a_partner_as_first_side_fails_validation(db):
    partner, other = factories.LibraryFactory.create_batch(2)
    agreement = factories.AgreementFactory.build(host=other, partner=partner)
    with pytest.raises(ValidationError) as error:
        agreement.full_clean()
    assert "Первой стороной соглашения должна быть наша библиотека." in error.value.message_dict["host"]
