"""The database half of a backup: a dump made by the database's own tools, and the figures that describe it.

PostgreSQL is dumped by `pg_dump --format=custom` and restored by `pg_restore`; SQLite is copied page by page
through sqlite3's backup API, which gives a consistent copy even while the site writes (a plain file copy may not).
The row counts of a backup are read from the same snapshot the dump was taken from, so restoring can check them.
Sessions and login attempts are left out (TRANSIENT_MODELS).
"""

import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.db import connection, connections, transaction
from django.db.migrations.recorder import MigrationRecorder

from .errors import BackupError

DUMP_NAMES = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
VENDOR_NAMES = {"postgresql": "PostgreSQL", "sqlite": "SQLite"}

# Rows a fresh database gets from the migrations themselves: they do not make a database "in use".
SEEDED_BY_MIGRATIONS = {"agreements.direction"}
# Besides coopnet's own apps, a database with accounts in it is in use: restoring would remove them.
IN_USE_MODELS = {"auth.user"}
# Rows that matter only while the site runs, left out of every copy (their tables come back empty): live sessions,
# whose keys log their holder in, and django-axes' login attempts, lockouts and access log (addresses and the
# names tried). Nothing else refers to them.
TRANSIENT_MODELS = {
    "sessions.session",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accessfailurelog",
    "axes.accesslog",
}


def vendor_name(vendor: str) -> str:
    return VENDOR_NAMES.get(vendor, vendor)


def check_supported() -> str:
    vendor = connection.vendor
    if vendor not in DUMP_NAMES:
        raise BackupError(f"База данных {vendor} не поддерживается: только PostgreSQL и SQLite.")
    return vendor


def counted_tables() -> dict[str, str]:
    """Model label → table, for every table Django manages (many-to-many tables too), one label per table."""
    tables: dict[str, str] = {}
    for model in apps.get_models(include_auto_created=True):
        meta = model._meta
        if meta.managed and not meta.proxy and meta.db_table not in tables.values():
            tables[meta.label_lower] = meta.db_table
    return dict(sorted(tables.items()))


def transient_tables() -> dict[str, str]:
    """Model label → table of the rows a backup leaves out (TRANSIENT_MODELS) that this project has."""
    return {label: table for label, table in counted_tables().items() if label in TRANSIENT_MODELS}


def row_counts(cursor, existing: set[str]) -> dict[str, int]:
    """Rows per model, through any DB-API cursor (Django's or sqlite3's), for the tables that exist."""
    counts = {}
    quote = connection.ops.quote_name
    for label, table in counted_tables().items():
        if table in existing:
            # Safe: table names from the models, quoted by the backend.
            cursor.execute(f"SELECT COUNT(*) FROM {quote(table)}")  # nosec
            counts[label] = cursor.fetchone()[0]
    return counts


def live_row_counts() -> dict[str, int]:
    with connection.cursor() as cursor:
        return row_counts(cursor, set(connection.introspection.table_names(cursor)))


def latest_migrations() -> dict[str, str]:
    """The last applied migration of each app (empty when the database was never migrated)."""
    recorder = MigrationRecorder(connection)
    if not recorder.has_table():
        return {}
    latest: dict[str, str] = {}
    for app, name in recorder.migration_qs.values_list("app", "name"):
        latest[app] = max(latest.get(app, name), name)
    return dict(sorted(latest.items()))


def project_app_labels() -> set[str]:
    """coopnet's own apps: the packages at the project's top (a virtualenv inside the project holds the others)."""
    base = Path(settings.BASE_DIR).resolve()
    return {config.label for config in apps.get_app_configs() if Path(config.path).resolve().parent == base}


def rows_in_use(counts: dict[str, int]) -> dict[str, int]:
    """The rows that make a database "in use": coopnet's records and accounts, not what migrations put there."""
    own = project_app_labels()
    return {
        label: count
        for label, count in counts.items()
        if count and label not in SEEDED_BY_MIGRATIONS and (label.split(".")[0] in own or label in IN_USE_MODELS)
    }


def dump(target: Path) -> dict[str, int]:
    """Write the database to `target`; return its row counts, read from the very data dumped."""
    vendor = check_supported()
    if vendor == "postgresql":
        return _pg_dump(target)
    return _sqlite_copy(target)


def _outside_transaction() -> None:
    """sqlite3's backup waits forever for a connection's own open transaction to end: refuse instead of hanging."""
    if connection.in_atomic_block:
        raise BackupError("Резервное копирование и восстановление SQLite не выполняются внутри транзакции.")


def _sqlite_copy(target: Path) -> dict[str, int]:
    _outside_transaction()
    connection.ensure_connection()
    copy = sqlite3.connect(target, isolation_level=None)
    try:
        connection.connection.backup(copy)
        existing = {row[0] for row in copy.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        # The transient rows are deleted from the copy, and VACUUM rebuilds the file without their pages: nothing
        # of them stays on the copy's free pages. The copy keeps no journal beside it.
        copy.execute("PRAGMA journal_mode = DELETE")
        quote = connection.ops.quote_name
        for table in transient_tables().values():
            if table in existing:
                # Safe: table names from the models, quoted by the backend.
                copy.execute(f"DELETE FROM {quote(table)}")  # nosec
        copy.execute("VACUUM")
        return row_counts(copy.cursor(), existing)
    finally:
        copy.close()


def _pg_dump(target: Path) -> dict[str, int]:
    """pg_dump from a snapshot exported by a read-only transaction, which counts the rows in the same snapshot."""
    executable = _pg_tool("pg_dump")
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        cursor.execute("SELECT pg_export_snapshot()")
        snapshot = cursor.fetchone()[0]
        counts = row_counts(cursor, set(connection.introspection.table_names(cursor)))
        transient = transient_tables()
        left_out = [f"--exclude-table-data={table}" for table in transient.values()]
        _run(
            [executable, "--format=custom", f"--snapshot={snapshot}", *left_out, "--file", str(target)]
            + _pg_target_args(),
            "pg_dump",
        )
    # The transient tables are in the dump without their rows: restored, they hold none.
    return {label: 0 if label in transient else count for label, count in counts.items()}


def restore(dump_file: Path) -> None:
    """Replace the configured database's content by the dump's."""
    if check_supported() == "postgresql":
        connections.close_all()  # pg_restore drops the tables: no connection of ours may be using them
        _run(
            [_pg_tool("pg_restore"), "--no-owner", "--clean", "--if-exists", "--single-transaction"]
            + [*_pg_target_args(), str(dump_file)],
            "pg_restore",
        )
        return
    _outside_transaction()
    source = sqlite3.connect(dump_file)
    try:
        connection.ensure_connection()
        source.backup(connection.connection)
    finally:
        source.close()


def _pg_tool(name: str) -> str:
    found = shutil.which(name)
    if not found:
        raise BackupError(
            f"Не найдена программа {name}: установите клиент PostgreSQL (пакет postgresql-client) "
            f"той же или более новой версии, что и сервер."
        )
    return found


def _pg_target_args() -> list[str]:
    db = settings.DATABASES["default"]
    args = [f"--dbname={db['NAME']}"]
    if db.get("HOST"):
        args.append(f"--host={db['HOST']}")
    if db.get("PORT"):
        args.append(f"--port={db['PORT']}")
    if db.get("USER"):
        args.append(f"--username={db['USER']}")
    return [*args, "--no-password"]


def _pg_env() -> dict[str, str]:
    """The password and TLS options go through libpq's environment, never on a command line others can read."""
    db = settings.DATABASES["default"]
    env = dict(os.environ)
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = db["PASSWORD"]
    options = db.get("OPTIONS") or {}
    for option, variable in (("sslmode", "PGSSLMODE"), ("sslrootcert", "PGSSLROOTCERT"), ("sslcert", "PGSSLCERT")):
        if options.get(option):
            env[variable] = str(options[option])
    return env


def _run(command: list[str], name: str) -> None:
    try:
        result = subprocess.run(command, env=_pg_env(), capture_output=True, text=True, check=False)
    except OSError as error:
        raise BackupError(f"Не удалось запустить {name}: {error}") from error
    if result.returncode != 0:
        details = (result.stderr or result.stdout).strip()
        raise BackupError(f"{name} завершился с ошибкой (код {result.returncode}): {details}")
