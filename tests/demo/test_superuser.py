"""--superuser: the only way load_demo creates a user, and only with a password from the environment."""

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command, execute_from_command_line
from django.core.management.base import CommandError

from agreements.models import Library


def load(*args):
    call_command("load_demo", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_no_user_is_created_without_the_flag(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "demo-password-123")
    load()
    assert not get_user_model().objects.exists()


def test_superuser_flag_without_password_is_refused(db, monkeypatch):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    with pytest.raises(CommandError, match="DJANGO_SUPERUSER_PASSWORD"):
        call_command("load_demo", "--superuser", "demo")
    assert not get_user_model().objects.exists()
    assert not Library.objects.exists()


def test_superuser_flag_without_password_exits_non_zero(db, monkeypatch, capsys):
    monkeypatch.delenv("DJANGO_SUPERUSER_PASSWORD", raising=False)
    with pytest.raises(SystemExit) as exit_info:
        execute_from_command_line(["manage.py", "load_demo", "--superuser", "demo"])
    assert exit_info.value.code != 0
    assert "DJANGO_SUPERUSER_PASSWORD" in capsys.readouterr().err


def test_superuser_flag_with_password_creates_a_superuser(db, monkeypatch):
    monkeypatch.setenv("DJANGO_SUPERUSER_PASSWORD", "demo-password-123")
    load("--superuser", "demo")
    user = get_user_model().objects.get()
    assert (user.username, user.is_superuser, user.is_staff) == ("demo", True, True)
    assert user.check_password("demo-password-123")
