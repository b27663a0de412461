"""A GIN index on the document the site search matches events by (pages/search.py), PostgreSQL only.

The expression is the SQL Django compiles for the events section's `SearchVector` (title weighted A; the kind's
label, description and location weighted B): PostgreSQL uses the index only for that very expression, so
tests/search/test_postgres_index.py checks that the search's query plan names it. SQLite keeps its fallback.
"""

from django.db import migrations

INDEX = "events_event_search_idx"
DOCUMENT = """
    (setweight(to_tsvector('russian'::regconfig, COALESCE("title", '')), 'A')
    || setweight(to_tsvector('russian'::regconfig, COALESCE(CASE
        WHEN "kind" = 'webinar' THEN 'вебинар'
        WHEN "kind" = 'seminar' THEN 'семинар'
        WHEN "kind" = 'workshop' THEN 'семинар-практикум'
        WHEN "kind" = 'conference' THEN 'конференция'
        WHEN "kind" = 'strategic_session' THEN 'стратегическая сессия'
        WHEN "kind" = 'round_table' THEN 'круглый стол'
        WHEN "kind" = 'telebridge' THEN 'телемост'
        WHEN "kind" = 'creative_meeting' THEN 'творческая встреча'
        WHEN "kind" = 'presentation' THEN 'презентация'
        WHEN "kind" = 'business_meeting' THEN 'деловая встреча'
        WHEN "kind" = 'master_class' THEN 'мастер-класс'
        WHEN "kind" = 'other' THEN 'другое'
        ELSE '' END, '') || ' ' || COALESCE("description", '') || ' ' || COALESCE("location", '')), 'B'))
"""


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"CREATE INDEX IF NOT EXISTS {INDEX} ON events_event USING gin (({DOCUMENT}))")


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("events", "0012_event_upcoming_index")]

    operations = [migrations.RunPython(create, drop, elidable=False)]
