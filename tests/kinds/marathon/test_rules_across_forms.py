"""The marathon's rules say the same thing in every form, over generated worlds, as the built-in kinds' do
(tests/models/test_rules_across_forms.py): where a marathon stands (the model, its SQL and the report's row), who
took part, how many (None for unknown, never 0) and which agreements it serves (the model's credit, the path from
agreements and the report's)."""

import datetime

import pytest
import time_machine
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.models import by_partner, credit_of, credited_activities
from core.models import AWAITING_CONFIRMATION, Status
from reports.report import load_facts
from tests.factories import KEMEROVO, AgreementFactory, HostLibraryFactory, LibraryFactory

from .factories import MarathonFactory, MarathonSiteFactory
from .models import Marathon

pytestmark = pytest.mark.django_db

TODAY = datetime.date(2026, 6, 15)
NOW = datetime.datetime(2026, 6, 15, 12, 0, tzinfo=KEMEROVO)
STORED = [Status.PLANNED, Status.HELD, Status.CANCELLED, Status.POSTPONED]

marathons = st.lists(
    st.fixed_dictionaries(
        {
            "status": st.sampled_from(STORED),
            "start": st.integers(-40, 40),
            "days": st.integers(0, 20),
            "organiser": st.sampled_from(["host", "p1", "p2"]),
            "sites": st.dictionaries(st.sampled_from(["host", "p1", "p2"]), st.none() | st.integers(0, 300)),
        }
    ),
    max_size=6,
)


@pytest.fixture
def libs(db):
    host = HostLibraryFactory()
    p1, p2 = LibraryFactory(short_name="Томская ОДЮБ"), LibraryFactory(short_name="ВК ОДЮБ")
    AgreementFactory(host=host, partner=p1, signed_on=datetime.date(2020, 1, 15))
    AgreementFactory(host=host, partner=p2, signed_on=TODAY - datetime.timedelta(days=2))
    return {"host": host, "p1": p1, "p2": p2}


def build(specs, libs):
    for spec in specs:
        starts_on = TODAY + datetime.timedelta(days=spec["start"])
        status = spec["status"]
        if status == Status.HELD and starts_on > TODAY:
            status = Status.PLANNED  # the form refuses a held mark on what has not begun
        marathon = MarathonFactory(
            organiser=libs[spec["organiser"]],
            status=status,
            starts_on=starts_on,
            ends_on=starts_on + datetime.timedelta(days=spec["days"]),
        )
        for name, count in spec["sites"].items():
            MarathonSiteFactory(marathon=marathon, library=libs[name], participants_count=count)


@settings(max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(specs=marathons)
def test_every_form_of_the_marathons_rules_agrees(libs, specs):
    with time_machine.travel(NOW, tick=False), transaction.atomic():
        build(specs, libs)
        _libraries, _host, agreements, facts = load_facts(TODAY.year, TODAY)
        agreements_of = by_partner(agreements)
        served = credited_activities(agreements)
        facts_by_id = {f.id: f for f in facts.others if f.key == "marathons"}
        rows = list(Marathon.objects.prefetch_related("sites", "agreements_added", "agreements_excluded"))
        assert set(facts_by_id) == {m.pk for m in rows}
        for marathon in rows:
            fact = facts_by_id[marathon.pk]
            status = marathon.status_on(TODAY)
            assert fact.status_on(TODAY) == status
            for shown in (*STORED, AWAITING_CONFIRMATION):
                in_sql = Marathon.objects.in_status_on(shown, TODAY).filter(pk=marathon.pk).exists()
                assert in_sql == (status == shown), (shown, status)
            sites = list(marathon.sites.all())
            assert set(fact.row.parties) == {marathon.organiser_id, *(s.library_id for s in sites)}
            counts = [s.participants_count for s in sites]
            known = [n for n in counts if n is not None]
            assert fact.row.participants == (sum(known) if known else None)
            assert sorted(fact.credit_parties()) == sorted(marathon.credit_parties())
            credit = credit_of(marathon, agreements_of)
            assert set(fact.credit) == credit
            assert {pk for pk, items in served.items() if marathon in items} == credit
        transaction.set_rollback(True)
