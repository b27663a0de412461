"""Backups are tested the way they are used: `manage.py` run in its own process against a database file (or a
throwaway PostgreSQL database) and media directories of its own, never the test database."""

import fcntl
import os
import shutil
import socket
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse, urlunparse

import pytest
from django.conf import settings

MANAGE = Path(settings.BASE_DIR) / "manage.py"
LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres"


def pytest_configure(config):
    config.addinivalue_line("markers", "postgresql_server: needs a PostgreSQL server; deselected when none answers")


def postgres_server_url() -> str | None:
    """The server CI points DATABASE_URL at, or one answering on 127.0.0.1:5432 when pg_dump is installed."""
    url = os.environ.get("DATABASE_URL", "")
    if urlparse(url).scheme not in {"postgres", "postgresql", "pgsql"}:
        if not (shutil.which("pg_dump") and shutil.which("pg_restore")):
            return None
        try:
            socket.create_connection(("127.0.0.1", 5432), timeout=1).close()
        except OSError:
            return None
        url = LOCAL_POSTGRES
    try:
        import psycopg2

        psycopg2.connect(with_database(url, "postgres"), connect_timeout=3).close()
    except Exception:
        return None
    return url


def with_database(url: str, name: str) -> str:
    return urlunparse(urlparse(url)._replace(path=f"/{name}"))


def pytest_collection_modifyitems(config, items):
    """Like the `postgresql` marker (tests/conftest.py): deselected, not skipped, where it cannot run."""
    marked = [item for item in items if item.get_closest_marker("postgresql_server")]
    if marked and postgres_server_url() is None:
        config.hook.pytest_deselected(items=marked)
        items[:] = [item for item in items if item not in marked]


def run_manage(env: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [sys.executable, str(MANAGE), *args], env=env, capture_output=True, text=True, timeout=600, check=False
    )
    if check and result.returncode != 0:
        raise AssertionError(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")
    return result


def site_env(database_url: str, root: Path) -> dict:
    """The environment of one coopnet installation: its database and its own media directories."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PG"))}
    env.update(
        DATABASE_URL=database_url,
        DJANGO_SECRET_KEY="test-only-secret-key-not-for-production",
        DJANGO_MEDIA_ROOT=str(root / "media"),
        DJANGO_PRIVATE_MEDIA_ROOT=str(root / "private-media"),
        DJANGO_LOG_FORMAT="plain",
    )
    return env


# A cover and a scan added the way the admin stores them: through the models' file fields.
ADD_FILES = """
from django.core.files.base import ContentFile
from agreements.models import Agreement
from events.models import Event
event = Event.objects.order_by("pk").first()
event.cover.save("cover.png", ContentFile(bytes(range(256)) * 4))
agreement = Agreement.objects.order_by("pk").first()
agreement.scan.save("scan.pdf", ContentFile(b"%PDF-1.4\\n" + bytes(range(256)) * 8 + b"\\n%%EOF\\n"))
"""


# What a running site holds and a backup leaves out: a live session and django-axes' record of logins.
TRANSIENT_SESSION_KEY = "livesessionkeythatmustnotleave0"
TRANSIENT_USERNAME = "tried-name-that-must-not-leave"
ADD_TRANSIENT = f"""
from datetime import timedelta
from django.contrib.sessions.models import Session
from django.utils import timezone
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
Session.objects.create(
    session_key="{TRANSIENT_SESSION_KEY}", session_data="x", expire_date=timezone.now() + timedelta(days=1)
)
row = dict(user_agent="ua", ip_address="203.0.113.99", username="{TRANSIENT_USERNAME}", http_accept="*/*",
           path_info="/admin/login/")
AccessAttempt.objects.create(**row, get_data="", post_data="", failures_since_start=3)
AccessFailureLog.objects.create(**row)
AccessLog.objects.create(**row)
"""


def stored_files(root: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(root)): path.read_bytes()
        for folder in ("media", "private-media")
        for path in sorted((root / folder).rglob("*"))
        if path.is_file()
    }


def back_up_demo_site(env: dict, folder: Path) -> Path:
    """Load the demo, add a cover and a scan, a session and login attempts, back it all up into `folder`; the
    archive's path."""
    run_manage(env, "load_demo")
    run_manage(env, "shell", "-c", ADD_FILES)
    run_manage(env, "shell", "-c", ADD_TRANSIENT)
    run_manage(env, "backup", "--output", str(folder))
    [archive] = folder.glob("coopnet-backup-*.tar.gz")
    return archive


@dataclass
class DemoSite:
    root: Path  # db.sqlite3, media/, private-media/
    env: dict
    archive: Path
    migrated: Path  # a database file freshly migrated and nothing more: where a restore may go


@pytest.fixture(scope="session")
def sqlite_demo_site(tmp_path_factory) -> DemoSite:
    """The demo site on an SQLite file of its own, backed up. Migrating takes a while: the backup tests share it,
    and copy the archive before they damage it. Under pytest-xdist it is built once for all the workers, in the
    directory of the run they share: the first worker to need it builds it, the others wait for it."""
    base = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        base = base.parent  # <run>/popen-gw0 → <run>, one per pytest run
    folder = base / "sqlite-demo-site"
    root = folder / "site"
    env = site_env(f"sqlite:///{root}/db.sqlite3", root)
    with open(base / "sqlite-demo-site.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not (folder / "ready").exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a worker that failed half-way left
            root.mkdir(parents=True)
            run_manage(env, "migrate", "--noinput", "-v0")
            shutil.copyfile(root / "db.sqlite3", folder / "migrated.sqlite3")  # nothing writes to it: a copy is safe
            back_up_demo_site(env, folder / "backups")
            (folder / "ready").touch()
    [archive] = (folder / "backups").glob("coopnet-backup-*.tar.gz")
    return DemoSite(root=root, env=env, archive=archive, migrated=folder / "migrated.sqlite3")
