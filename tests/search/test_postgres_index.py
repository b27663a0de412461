"""The search's events query is answered from the GIN index of events/migrations/0013_event_search_index.py.

PostgreSQL uses an expression index only for the very expression it was built on: if the search's document
(events/kinds.py) changes, this fails until a migration rebuilds the index on the new expression."""

import datetime

import pytest
from django.db import connection

from events.models import Event
from pages.search import find, sections
from tests.factories import EventFactory

pytestmark = [pytest.mark.django_db, pytest.mark.postgresql]
START = datetime.datetime(2020, 5, 5, 10, tzinfo=datetime.UTC)


def plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE events_event")
        cursor.execute("EXPLAIN " + sql, params)
        return "\n".join(row[0] for row in cursor.fetchall())


@pytest.mark.parametrize("q", ["сказки", "телемост", "телемост сказки"])
def test_the_events_section_reads_the_search_index(q):
    # Enough rows that PostgreSQL prefers an index to reading the table, none of them a match.
    organiser = EventFactory(title="Вебинар о переписи").organiser
    Event.objects.bulk_create(
        Event(title="Вебинар о переписи", slug=f"v-{n}", kind="webinar", organiser=organiser, is_published=True,
              starts_at=START, ends_at=START)
        for n in range(2000)
    )  # fmt: skip
    EventFactory(title="Сказки зимы", kind="telebridge")
    section = next(section for section in sections() if section.key == "events")

    assert "events_event_search_idx" in plan(find(section.queryset(), section.fields, q, section.order))
