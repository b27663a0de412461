"""Checking and importing a file make no query per row: lookups go by chunks of hundreds of rows, writes in bulk.
(How long 5,000 rows take is bench/import_bench.py's to say.)"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from events.models import Event
from tabular import spec_for
from tabular.importer import run_import
from tabular.slugs import unique_slugs
from tests.factories import EventFactory, LibraryFactory
from tests.imports.test_import_admin import EVENT_HEADER

pytestmark = pytest.mark.django_db


@pytest.fixture
def libraries(host):
    return [LibraryFactory(short_name=f"Библиотека {n}").short_name for n in range(5)]


def events_table(rows: int, libraries: list[str], title: str = "Вебинар") -> list[list[str]]:
    table = [EVENT_HEADER]
    for n in range(rows):
        day = f"{1 + n % 28:02d}.{1 + n // 28 % 12:02d}.{2027 + n // 336}"
        sites = f"{libraries[(n + 1) % 5]}; {libraries[(n + 2) % 5]}"
        table.append([f"{title} {n}", "вебинар", "онлайн", libraries[n % 5], sites, f"{day} 10:00", f"{day} 11:00"])
    return table


def queries(table, *, commit, user=None) -> int:
    with CaptureQueriesContext(connection) as captured:
        result = run_import(spec_for(Event), table, commit=commit, user=user)
    assert result.ok, result.errors[:3]
    return len(captured.captured_queries)


def test_checking_makes_as_many_queries_for_200_rows_as_for_5(libraries):
    assert queries(events_table(200, libraries), commit=False) == queries(events_table(5, libraries), commit=False)


def test_importing_makes_far_fewer_queries_than_rows(libraries, admin_user):
    small = queries(events_table(5, libraries), commit=True, user=admin_user)
    large = queries(events_table(200, libraries, title="Семинар"), commit=True, user=admin_user)

    assert large < small + 200 / 4  # rows written by the batch, never one by one
    assert Event.objects.count() == 205


def test_slugs_for_many_rows_are_unique_among_stored_rows_and_each_other(db):
    EventFactory(slug="vebinar")
    EventFactory(slug="vebinar-2")
    EventFactory(slug="vebinar-3-2")

    with CaptureQueriesContext(connection) as captured:
        slugs = unique_slugs(Event, ["Вебинар", "вебинар", "Вебинар 3", "Вебинар-3", "Круглый стол"])

    assert slugs == ["vebinar-3", "vebinar-4", "vebinar-3-3", "vebinar-3-4", "kruglyy-stol"]
    assert len(captured.captured_queries) <= 4
