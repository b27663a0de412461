"""Running the project's migrations inside a test (the tests here use transaction=True).

A test starts from an empty database and migrates it forwards to the state before the migration it checks, the
way a site installed at that version got there; the test database, at the latest migrations, is set aside
meanwhile and put back untouched afterwards. Migrating the test database backwards and then forwards again
instead would cost a minute a test: Django re-renders every related historical model at each step, and most
models are related (to the libraries, to the users through the history tables).
"""

import sqlite3
from contextlib import closing, contextmanager

from django.db import connection
from django.db.migrations.executor import MigrationExecutor

# PostgreSQL: where the empty database lives for the duration of a test (a schema of the test database).
SCHEMA = "migration_test"


def migrate(targets):
    """Migrate the test database to `targets` (forwards or backwards); return the historical apps there."""
    executor = MigrationExecutor(connection)
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@contextmanager
def apps_at(targets):
    """The historical apps at `targets`, with an empty database migrated there; afterwards the test database is
    back as it was before, at the latest migrations."""
    with empty_database():
        yield migrate(targets)


@contextmanager
def empty_database():
    """Swap the test database for an empty one (no tables, no migrations recorded) while the block runs."""
    connection.ensure_connection()
    if connection.in_atomic_block:
        raise RuntimeError("migration tests need pytest.mark.django_db(transaction=True)")
    swap = {"sqlite": _empty_sqlite, "postgresql": _empty_postgresql}[connection.vendor]
    with swap():
        yield


@contextmanager
def _empty_sqlite():
    """SQLite: copy the whole test database aside (the backup API, a few milliseconds in memory), overwrite it
    with an empty one, and copy it back at the end."""
    raw = connection.connection
    saved = sqlite3.connect(":memory:")
    try:
        raw.backup(saved)
        with closing(sqlite3.connect(":memory:")) as empty:
            empty.backup(raw)
        try:
            yield
        finally:
            if raw.in_transaction:
                raw.rollback()
            saved.backup(raw)
    finally:
        saved.close()


@contextmanager
def _empty_postgresql():
    """PostgreSQL: a fresh schema, alone on the search path, so that every table the migrations create or look
    for is there; the tables of the test database stay in theirs, unseen, and come back with the search path."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW search_path")
        [search_path] = cursor.fetchone()
        cursor.execute(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE")
        cursor.execute(f"CREATE SCHEMA {SCHEMA}")
        cursor.execute(f"SET search_path TO {SCHEMA}")
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute(f"SET search_path TO {search_path}")
            cursor.execute(f"DROP SCHEMA {SCHEMA} CASCADE")
