"""An import killed while it confirms (SIGKILL: no handler, no cleanup, as `kill -9` of the server) leaves nothing
written, and the same checked file then imports: confirming it again is not refused as «уже импортирован».

The import runs in a process of its own, `manage.py shell` against an SQLite file of its own (the test database
lives in this process's memory); a receiver of `tabular.importer.import_progress` kills that process at a step of
the confirmation: after the rows were read, checked, written, their related rows written, their versions written.
"""

import json
import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

MANAGE = Path(settings.BASE_DIR) / "manage.py"
ROWS = 40

SETUP = f"""
import json
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from agreements.models import Library
Library.objects.create(name="Наша", short_name="Наша", slug="nasha", is_host=True, region="Кузбасс",
                       city="Кемерово", timezone="Asia/Novokuznetsk")
for n in range(3):
    Library.objects.create(name=f"Партнёр {{n}}", short_name=f"Партнёр {{n}}", slug=f"partner-{{n}}", region="Р",
                           city="Г", timezone="Asia/Novokuznetsk")
user = get_user_model().objects.create_user("metodist", is_staff=True, is_superuser=True)
header = "Название *;Вид *;Организатор *;Библиотеки-площадки;Начало *;Окончание *"
lines = [header] + [
    f"Вебинар {{n}};вебинар;Партнёр {{n % 3}};Партнёр {{(n + 1) % 3}};{{10 + n % 18:02d}}.03.2027 14:00;"
    f"{{10 + n % 18:02d}}.03.2027 15:00"
    for n in range({ROWS})
]
client = Client()
client.force_login(user)
upload = SimpleUploadedFile("events.csv", "\\n".join(lines).encode("utf-8-sig"))
response = client.post("/admin/events/event/import/", {{"file": upload}})
assert response.status_code == 200, response.content.decode()[-3000:]
html = response.content.decode()
print(json.dumps({{"payload": html.split('name="payload" value="', 1)[1].split('"', 1)[0]}}))
"""

CONFIRM = """
import json, os, signal
from django.contrib.auth import get_user_model
from django.test import Client
from tabular import importer

def die(sender, step, **kwargs):
    if step == os.environ.get("KILL_AT"):
        os.kill(os.getpid(), signal.SIGKILL)

importer.import_progress.connect(die)
client = Client()
client.force_login(get_user_model().objects.get(username="metodist"))
response = client.post("/admin/events/event/import/", {"payload": os.environ["PAYLOAD"]})
print(json.dumps({"status": response.status_code}))
"""

STATE = """
import json
from django.contrib.admin.models import LogEntry
from events.models import Event, Participation
from tabular.models import ImportedFile
print(json.dumps({
    "events": Event.objects.count(),
    "participations": Participation.objects.count(),
    "versions": Event.history.count() + Participation.history.count(),
    "marks": ImportedFile.objects.count(),
    "log": LogEntry.objects.count(),
}))
"""


def manage(env: dict, code: str, **extra) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(MANAGE), "shell", "-c", code],
        env={**env, **extra},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def last_json(result: subprocess.CompletedProcess) -> dict:
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def migrated(tmp_path_factory) -> Path:
    """An SQLite file migrated once for the module; each test works on a copy of it."""
    folder = tmp_path_factory.mktemp("killed-import")
    database = folder / "migrated.sqlite3"
    env = _env(database)
    result = subprocess.run(
        [sys.executable, str(MANAGE), "migrate", "--noinput", "-v", "0"],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return database


def _env(database: Path) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PG", "DATABASE_URL"))}
    env.update(
        DATABASE_URL=f"sqlite:///{database}",
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="test-only-secret-key-not-for-production",
        DJANGO_ALLOWED_HOSTS="testserver",
        DJANGO_SSL_REDIRECT="0",
        DJANGO_SECURE_COOKIES="0",
        DJANGO_STATIC_MANIFEST="0",
        DJANGO_LOG_FORMAT="plain",
        DJANGO_LOG_LEVEL="CRITICAL",
    )
    return env


@pytest.fixture
def site(migrated, tmp_path) -> dict:
    database = tmp_path / "site.sqlite3"
    database.write_bytes(migrated.read_bytes())
    return _env(database)


@pytest.mark.parametrize("step", ["read", "checked", "saved", "related", "versions"])
def test_an_import_killed_at_any_step_leaves_nothing_and_imports_again(site, step):
    payload = last_json(manage(site, SETUP))["payload"]

    killed = manage(site, CONFIRM, PAYLOAD=payload, KILL_AT=step)

    assert killed.returncode == -signal.SIGKILL, killed.stdout + killed.stderr
    assert last_json(manage(site, STATE)) == {"events": 0, "participations": 0, "versions": 0, "marks": 0, "log": 0}
    again = last_json(manage(site, CONFIRM, PAYLOAD=payload))
    assert again == {"status": 302}  # imported, not refused as already imported
    assert last_json(manage(site, STATE)) == {
        "events": ROWS,
        "participations": 2 * ROWS,
        "versions": 3 * ROWS,
        "marks": 1,
        "log": ROWS,
    }
    assert last_json(manage(site, CONFIRM, PAYLOAD=payload)) == {"status": 409}
