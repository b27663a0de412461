"""gunicorn's control socket is the instance's own: under the project's run directory, one per port, owner only."""

import os
import runpy
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.production.redis_server import free_port

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / "gunicorn.conf.py"


def config(monkeypatch, **env):
    for name in ("WEB_RUN_DIR", "WEB_CONTROL_SOCKET", "WEB_WORKERS", "PORT"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    return runpy.run_path(str(CONFIG))


def test_the_control_socket_is_in_the_run_directory_one_per_port(monkeypatch, tmp_path):
    settings = config(monkeypatch, WEB_RUN_DIR=str(tmp_path / "run"), PORT="8123")
    assert settings["control_socket"] == str(tmp_path / "run" / "gunicorn-8123.ctl")
    assert settings["control_socket_mode"] == 0o600
    assert stat.S_IMODE((tmp_path / "run").stat().st_mode) == 0o700


@pytest.mark.parametrize("env", [{}, {"WEB_RUN_DIR": "", "WEB_WORKERS": ""}])  # unset, or empty as in .env.example
def test_the_run_directory_is_the_projects_own_by_default(monkeypatch, env):
    settings = config(monkeypatch, PORT="8124", **env)
    assert settings["control_socket"] == str(ROOT / "run" / "gunicorn-8124.ctl")
    assert settings["workers"] >= 2


def test_the_control_socket_can_be_switched_off(monkeypatch, tmp_path):
    settings = config(monkeypatch, WEB_RUN_DIR=str(tmp_path / "run"), WEB_CONTROL_SOCKET="off")
    assert settings["control_socket_disable"] is True
    assert "control_socket" not in settings


def test_gunicorn_makes_its_control_socket_there(tmp_path):
    port = free_port()
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "REDIS_URL"))}
    env.update(
        PORT=str(port),
        WEB_WORKERS="1",
        WEB_RUN_DIR=str(tmp_path / "run"),
        DJANGO_DEBUG="0",
        DJANGO_SECRET_KEY="test-only-secret-key-not-for-production",
        DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3",
    )
    gunicorn = Path(sys.executable).parent / "gunicorn"
    server = subprocess.Popen(
        [str(gunicorn), "--config", str(CONFIG)], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    socket_path = tmp_path / "run" / f"gunicorn-{port}.ctl"
    try:
        deadline = time.monotonic() + 30
        while not socket_path.exists() and time.monotonic() < deadline and server.poll() is None:
            time.sleep(0.1)
        if not socket_path.exists():
            pytest.fail(f"no control socket at {socket_path}")
        assert stat.S_ISSOCK(socket_path.stat().st_mode)
        assert stat.S_IMODE(socket_path.stat().st_mode) == 0o600
    finally:
        server.terminate()
        server.wait(timeout=30)
