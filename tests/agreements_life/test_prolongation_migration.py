"""Stored prolongation terms outside 1..10 years get the nearest bound before the constraint arrives."""

import datetime

import pytest

from tests.migrations.helpers import apps_at, migrate

pytestmark = pytest.mark.django_db(transaction=True)

BEFORE = [("agreements", "0003_groups")]
AFTER = [("agreements", "0005_agreement_life")]


@pytest.fixture
def old_apps():
    with apps_at(BEFORE) as apps:
        yield apps


def test_prolongation_years_are_brought_within_bounds(old_apps):
    Library = old_apps.get_model("agreements", "Library")
    Agreement = old_apps.get_model("agreements", "Agreement")
    common = {"region": "Кузбасс", "city": "Кемерово", "timezone": "Asia/Novokuznetsk"}
    host = Library.objects.create(name="Хост", short_name="Хост", slug="host", is_host=True, **common)
    partner = Library.objects.create(name="Партнёр", short_name="Партнёр", slug="partner", **common)
    rows = {}
    for years in (0, 1, 3, 10, 25):
        rows[years] = Agreement.objects.create(
            host=host,
            partner=partner,
            signed_on=datetime.date(2020, 1, 15),
            valid_until=datetime.date(2021, 1, 15),
            auto_prolongation=True,
            prolongation_years=years,
        ).pk

    Agreement = migrate(AFTER).get_model("agreements", "Agreement")
    stored = {years: Agreement.objects.get(pk=pk).prolongation_years for years, pk in rows.items()}
    assert stored == {0: 1, 1: 1, 3: 3, 10: 10, 25: 10}
