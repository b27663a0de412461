"""A backup is readable by its owner only, and carries no live session nor any record of logins."""

import stat
import subprocess
import tarfile

import pytest

from tests.backup.conftest import TRANSIENT_SESSION_KEY, TRANSIENT_USERNAME, run_manage

TRANSIENT = [
    "sessions.session",
    "axes.accessattempt",
    "axes.accessattemptexpiration",
    "axes.accessfailurelog",
    "axes.accesslog",
]


def mode(path):
    return stat.S_IMODE(path.stat().st_mode)


def dump_bytes(archive, tmp_path) -> bytes:
    with tarfile.open(archive, "r:gz") as tar:
        name = next(member.name for member in tar.getmembers() if member.name.startswith("database."))
        tar.extract(name, tmp_path, filter="data")
    return (tmp_path / name).read_bytes()


def test_the_archive_is_0600_in_a_0700_directory(sqlite_demo_site):
    assert mode(sqlite_demo_site.archive) == 0o600
    assert mode(sqlite_demo_site.archive.parent) == 0o700


def test_an_existing_open_directory_is_narrowed_to_its_owner(sqlite_demo_site, tmp_path):
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    folder.chmod(0o755)
    run_manage(sqlite_demo_site.env, "backup", "--output", str(folder))
    [archive] = folder.glob("coopnet-backup-*.tar.gz")
    assert mode(folder) == 0o700
    assert mode(archive) == 0o600


def test_sessions_and_login_attempts_are_left_out(sqlite_demo_site, tmp_path):
    import json
    import sqlite3

    with tarfile.open(sqlite_demo_site.archive, "r:gz") as tar:
        manifest = json.load(tar.extractfile("manifest.json"))
    for label in TRANSIENT:
        assert manifest["rows"][label] == 0, label
    assert manifest["rows"]["agreements.library"] == 11

    data = dump_bytes(sqlite_demo_site.archive, tmp_path)
    assert TRANSIENT_SESSION_KEY.encode() not in data  # not even on a free page of the file
    assert TRANSIENT_USERNAME.encode() not in data
    copy = sqlite3.connect(tmp_path / "database.sqlite3")
    try:
        for table in ("django_session", "axes_accessattempt", "axes_accesslog", "axes_accessfailurelog"):
            assert copy.execute(f"SELECT COUNT(*) FROM {table}").fetchone() == (0,), table  # noqa: S608
    finally:
        copy.close()


def test_the_site_backed_up_keeps_its_sessions(sqlite_demo_site):
    """Only the copy leaves them out."""
    counted = run_manage(
        sqlite_demo_site.env,
        "shell",
        "-c",
        "from django.contrib.sessions.models import Session; print(Session.objects.count())",
    )
    assert counted.stdout.strip().splitlines()[-1] == "1"


@pytest.mark.postgresql_server
def test_a_postgresql_dump_leaves_out_the_transient_rows(tmp_path):
    import uuid

    import psycopg2

    from tests.backup.conftest import back_up_demo_site, postgres_server_url, site_env, with_database

    server = postgres_server_url()
    name = f"coopnet_backup_{uuid.uuid4().hex[:12]}_transient"
    admin = psycopg2.connect(with_database(server, "postgres"))
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        env = site_env(with_database(server, name), tmp_path / "site")
        run_manage(env, "migrate", "--noinput", "-v0")
        archive = back_up_demo_site(env, tmp_path / "backups")
        assert mode(archive) == 0o600 and mode(archive.parent) == 0o700
        dump_bytes(archive, tmp_path)
        # The custom format is compressed: read it back as SQL.
        sql = subprocess.run(
            ["pg_restore", "--file=-", str(tmp_path / "database.pgdump")], capture_output=True, text=True, check=True
        ).stdout
        assert "CREATE TABLE public.django_session" in sql  # the table itself is there, empty
        assert "COPY public.django_session" not in sql and "COPY public.axes_accessattempt" not in sql
        assert "COPY public.agreements_library" in sql
        assert TRANSIENT_SESSION_KEY not in sql and TRANSIENT_USERNAME not in sql
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
