"""One field for the state: the list shows the derived state; its filter is the SQL form of `state_on`."""

import datetime
import os

import pytest
from django.core.management import call_command
from django.urls import reverse

from agreements.models import Agreement
from tests.factories import AgreementFactory

D = datetime.date
State = Agreement.State
pytestmark = pytest.mark.django_db
CHANGELIST = reverse("admin:agreements_agreement_changelist")


def assert_filter_agrees(day: datetime.date) -> None:
    agreements = list(Agreement.objects.all())
    for state in State.values:
        by_sql = set(Agreement.objects.in_state_on(state, day).values_list("pk", flat=True))
        by_python = {agreement.pk for agreement in agreements if agreement.state_on(day) == state}
        assert by_sql == by_python, (state, day)


def test_the_state_filter_agrees_with_state_on_for_every_demo_agreement(monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    with open(os.devnull, "w") as quiet:
        call_command("load_demo", stdout=quiet)
    assert Agreement.objects.count() >= 10
    for day in (D(2015, 1, 1), D(2018, 9, 1), D(2021, 6, 15), D(2024, 3, 1), D(2026, 12, 1), D(2031, 1, 1)):
        assert_filter_agrees(day)


def test_the_state_filter_agrees_with_state_on_over_every_branch(host):
    T = Agreement.Status.TERMINATED
    rows = [
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 5, 1)},
        {"signed_on": D(2019, 5, 1), "valid_until": None},
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 2, 29), "auto_prolongation": True},
        {"signed_on": D(2019, 5, 1), "valid_from": D(2019, 9, 1), "valid_until": D(2021, 1, 1)},
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 5, 1), "status": T, "terminated_on": D(2020, 3, 1)},
        {"signed_on": D(2019, 5, 1), "valid_until": D(2020, 5, 1), "status": T, "terminated_on": D(2021, 3, 1)},
        {"signed_on": D(2019, 5, 1), "status": Agreement.Status.DRAFT},
    ]
    for row in rows:
        AgreementFactory(**row)
    day = D(2019, 1, 1)
    while day <= D(2021, 12, 31):
        assert_filter_agrees(day)
        day += datetime.timedelta(days=11)


def test_the_list_shows_the_derived_state_only_and_filters_by_it(client, methodologist, host):
    AgreementFactory(number="OLD-1", signed_on=D(2015, 1, 1), valid_until=D(2016, 1, 1))
    AgreementFactory(number="NOW-1", valid_until=None)
    client.force_login(methodologist)
    page = client.get(CHANGELIST).content.decode()
    assert "Состояние на сегодня" in page
    assert "column-status" not in page
    expired = client.get(CHANGELIST, {"state": State.EXPIRED}).content.decode()
    assert "OLD-1" in expired and "NOW-1" not in expired


def test_the_form_names_the_stored_status_and_shows_the_state(client, methodologist, host):
    agreement = AgreementFactory(signed_on=D(2015, 1, 1), valid_until=D(2016, 1, 1))
    client.force_login(methodologist)
    page = client.get(reverse("admin:agreements_agreement_change", args=[agreement.pk])).content.decode()
    assert "Статус (вводится вручную)" in page
    assert "Состояние на сегодня" in page
    assert "срок истёк" in page
