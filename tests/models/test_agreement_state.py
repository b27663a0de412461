"""The agreement's computed state, at fixed dates."""

import datetime

import pytest
import time_machine

from agreements.models import Agreement
from tests.factories import AgreementFactory

State = Agreement.State
D = datetime.date


@pytest.fixture
def fixed_agreement(db):
    return AgreementFactory(signed_on=D(2020, 1, 15), valid_from=D(2020, 2, 1), valid_until=D(2023, 1, 31))


@pytest.mark.parametrize(
    ("today", "state"),
    [
        (D(2020, 1, 20), State.PENDING),
        (D(2020, 2, 1), State.IN_FORCE),
        (D(2022, 11, 1), State.IN_FORCE),  # 91 days left
        (D(2022, 11, 2), State.EXPIRING),  # exactly 90 days left
        (D(2023, 1, 31), State.EXPIRING),
        (D(2023, 2, 1), State.EXPIRED),
    ],
)
def test_state_follows_the_validity_period(fixed_agreement, today, state):
    assert fixed_agreement.state_on(today) == state


def test_state_uses_todays_date_in_kemerovo(fixed_agreement):
    # 18:00 UTC on 31 January is already 1 February in Kemerovo (UTC+7).
    with time_machine.travel(datetime.datetime(2023, 1, 31, 18, 0, tzinfo=datetime.UTC), tick=False):
        assert fixed_agreement.state == State.EXPIRED
        assert fixed_agreement.get_state_display() == "срок истёк"


def test_open_ended_agreement_stays_in_force(db):
    agreement = AgreementFactory(signed_on=D(2018, 8, 20), valid_until=None)
    assert agreement.state_on(D(2040, 1, 1)) == State.IN_FORCE


def test_auto_prolongation_keeps_an_agreement_in_force(db):
    agreement = AgreementFactory(
        signed_on=D(2019, 3, 1), valid_until=D(2020, 3, 1), auto_prolongation=True, prolongation_years=1
    )
    assert agreement.state_on(D(2026, 11, 25)) == State.IN_FORCE
    assert agreement.current_end(D(2026, 11, 25)) == D(2027, 3, 1)


def test_terminated_agreement_is_terminated_from_its_termination_date(db):
    agreement = AgreementFactory(status="terminated", signed_on=D(2019, 1, 1), terminated_on=D(2021, 6, 1))
    assert agreement.state_on(D(2021, 5, 31)) == State.IN_FORCE
    assert agreement.state_on(D(2021, 6, 1)) == State.TERMINATED


def test_draft_is_a_draft_whatever_the_date(db):
    assert AgreementFactory(status="draft").state_on(D(2021, 1, 1)) == State.DRAFT


def test_in_force_on_matches_the_state(db):
    expired = AgreementFactory(valid_until=D(2021, 1, 1))
    open_ended = AgreementFactory(valid_until=None)
    prolonged = AgreementFactory(valid_until=D(2021, 1, 1), auto_prolongation=True)
    terminated_later = AgreementFactory(status="terminated", terminated_on=D(2023, 1, 1))
    AgreementFactory(status="draft")
    AgreementFactory(signed_on=D(2022, 6, 1))  # not yet signed on the day
    in_force = set(Agreement.objects.in_force_on(D(2022, 1, 1)))
    assert in_force == {open_ended, prolonged, terminated_later}
    assert expired not in in_force


def _agreement_grid():
    """Agreements covering every branch of "in force": drafts, terminations, open-ended, prolonging, late starts."""
    Status = Agreement.Status
    grid = []
    for status, terminated_on in [
        (Status.DRAFT, None),
        (Status.IN_FORCE, None),
        (Status.TERMINATED, D(2021, 6, 30)),
    ]:
        for valid_from in [None, D(2020, 1, 1), D(2020, 3, 1)]:
            for valid_until in [None, D(2021, 12, 31)]:
                for auto in [False, True]:
                    grid.append(
                        {
                            "status": status,
                            "terminated_on": terminated_on,
                            "signed_on": D(2020, 2, 1),
                            "valid_from": valid_from,
                            "valid_until": valid_until,
                            "auto_prolongation": auto,
                        }
                    )
    return grid


@pytest.mark.django_db
def test_in_force_in_sql_and_in_python_agree():
    agreements = [AgreementFactory(**fields) for fields in _agreement_grid()]
    days = [D(2020, 1, 15), D(2020, 2, 1), D(2020, 2, 15), D(2020, 3, 1), D(2021, 6, 30), D(2021, 7, 1), D(2022, 6, 1)]
    for day in days:
        in_sql = set(Agreement.objects.in_force_on(day).values_list("pk", flat=True))
        in_python = {a.pk for a in agreements if a.is_in_force_on(day)}
        assert in_sql == in_python, day


def test_an_agreement_valid_before_it_was_signed_is_pending_until_signed(db):
    agreement = AgreementFactory(signed_on=D(2020, 2, 1), valid_from=D(2020, 1, 1), valid_until=None)
    assert agreement.state_on(D(2020, 1, 20)) == State.PENDING
    assert agreement.state_on(D(2020, 2, 1)) == State.IN_FORCE
