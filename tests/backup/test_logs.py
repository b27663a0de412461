"""Log lines are JSON objects on stdout without personal data; errors reach the admins by email only when named."""

import json
import logging
import sys

import pytest
from django.core import mail
from django.test import Client
from django.utils.log import AdminEmailHandler

from tests.backup.conftest import run_manage, site_env

POSTED = {"email": "m.ivanova@library.example.org", "full_name": "Иванова Мария Петровна"}


def log_lines(captured: str) -> list[dict]:
    return [json.loads(line) for line in captured.splitlines() if line.strip()]


@pytest.mark.urls("tests.backup.failing_urls")
def test_request_error_is_one_json_line_without_personal_data(db, capsys):
    client = Client(raise_request_exception=False)

    response = client.post("/failing/?email=reader@example.org", POSTED)

    assert response.status_code == 500
    out = capsys.readouterr().out
    [line] = [entry for entry in log_lines(out) if entry["logger"] == "django.request"]
    assert line["level"] == "ERROR"
    assert line["message"] == "Internal Server Error: /failing/"
    assert line["path"] == "/failing/"
    assert line["status"] == 500
    assert "RuntimeError: cannot save the contact *** (***)" in line["exception"]
    assert "time" in line
    assert "@" not in out
    assert "Иванова" not in out


def test_not_found_is_logged_with_its_path_only(db, capsys):
    Client().get("/no-such-page/?email=reader@example.org")

    [line] = log_lines(capsys.readouterr().out)
    assert (line["level"], line["logger"], line["path"], line["status"]) == (
        "WARNING",
        "django.request",
        "/no-such-page/",
        404,
    )
    assert "example.org" not in json.dumps(line)


def test_runserver_request_line_loses_its_query_string(capsys):
    logging.getLogger("django.server").info('"GET /search/?q=m.ivanova%40library.example.org HTTP/1.1" 200 5120')

    [line] = log_lines(capsys.readouterr().out)
    assert line["message"] == '"GET /search/?*** HTTP/1.1" 200 5120'


def test_admins_email_names_posted_fields_without_their_values(settings, rf):
    settings.ADMINS = [("Администратор", "it@host.example.org")]
    handler = AdminEmailHandler(reporter_class="ops.logs.PrivateExceptionReporter")
    request = rf.post("/failing/?email=reader@example.org", POSTED)
    try:
        raise RuntimeError(f"cannot save the contact {POSTED['email']}")
    except RuntimeError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            ("/",),
            sys.exc_info(),
            extra={"request": request, "status_code": 500},
        )
    handler.emit(record)

    [message] = mail.outbox
    assert message.to == ["it@host.example.org"]
    assert "full_name = '********************'" in message.body
    assert "library.example.org" not in message.body
    assert "Иванова" not in message.body


def test_plain_format_and_mail_to_admins_by_environment(tmp_path):
    code = (
        "import logging; logging.getLogger('django.request').error('Internal Server Error: /x/?a=reader@example.org')"
    )
    env = site_env(f"sqlite:///{tmp_path}/db.sqlite3", tmp_path)

    plain = run_manage({**env, "DJANGO_LOG_FORMAT": "plain"}, "shell", "-c", code)
    emailed = run_manage(
        {**env, "DJANGO_ADMINS": "Иван Петров <it@host.example.org>, ops@host.example.org"}, "shell", "-c", code
    )

    assert "ERROR django.request: Internal Server Error: /x/?***" in plain.stdout
    assert "Subject:" not in plain.stdout
    assert "To: it@host.example.org, ops@host.example.org" in emailed.stdout
    assert "Internal Server Error: /x/?***" in emailed.stdout
    assert "reader@example.org" not in plain.stdout + emailed.stdout
