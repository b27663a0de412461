"""Without a secret key, the server refuses to start; a developer's manage.py still works."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def run(args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")}
    clean.update(env)
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60)


def test_wsgi_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = run(["-c", "import coopnet.wsgi"], DJANGO_SETTINGS_MODULE="coopnet.settings")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_wsgi_starts_with_a_secret_key():
    result = run(["-c", "import coopnet.wsgi"], DJANGO_SETTINGS_MODULE="coopnet.settings", DJANGO_SECRET_KEY="k" * 50)
    assert result.returncode == 0, result.stderr


def test_manage_py_runs_in_a_bare_checkout():
    result = run(["manage.py", "check"])
    assert result.returncode == 0, result.stderr


def test_manage_py_refuses_when_debug_is_explicitly_off_without_a_key():
    result = run(["manage.py", "check"], DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr
