"""Logs as one JSON object per line on stdout, for the journal or a log collector, without personal data.

Contacts' emails and names are personal data (152-FZ), and so is what staff type into forms. A log line keeps the
time, level, logger, message and, for a request, its path (never the query string) and status; every email address
is masked wherever it appears, the exception text included. POST bodies and users never reach a log line.
`DJANGO_LOG_FORMAT=plain` prints the same records as text for a developer's terminal (settings.LOGGING).
"""

import json
import logging
import re
import sys
from datetime import UTC, datetime

from django.views.debug import ExceptionReporter, SafeExceptionReporterFilter

EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# A URL path followed by its query string, as in runserver's "GET /search/?q=… HTTP/1.1" lines.
QUERY_STRING = re.compile(r"(/[^\s?\"']*)\?[^\s\"']*")
MASK = "***"


def scrub(text: str) -> str:
    """The text with query strings cut off URL paths and email addresses masked."""
    return EMAIL.sub(MASK, QUERY_STRING.sub(r"\1?" + MASK, text))


class PersonalDataFilter(logging.Filter):
    """Masks personal data in the message of every record a handler emits (the admins' email subject too)."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = scrub(record.getMessage())
        record.args = ()
        return True


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname,
            "logger": record.name,
            "message": scrub(record.getMessage()),
        }
        path = getattr(getattr(record, "request", None), "path", None)
        if isinstance(path, str):
            entry["path"] = scrub(path)
        status = getattr(record, "status_code", None)
        if isinstance(status, int):
            entry["status"] = status
        if record.exc_info:
            entry["exception"] = scrub(self.formatException(record.exc_info))
        return json.dumps(entry, ensure_ascii=False)


class StdoutHandler(logging.StreamHandler):
    """Writes to sys.stdout as it is at each line, so whatever captures stdout (a test, a supervisor) gets it."""

    def __init__(self):
        super().__init__(sys.stdout)

    @property
    def stream(self):
        return sys.stdout

    @stream.setter
    def stream(self, value):
        pass


class PrivateReporterFilter(SafeExceptionReporterFilter):
    """The admins' error email names the form fields that were posted, never their values."""

    def get_post_parameters(self, request):
        if request is None:
            return {}
        return dict.fromkeys(request.POST, self.cleansed_substitute)


class PrivateExceptionReporter(ExceptionReporter):
    def __init__(self, request, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.filter = PrivateReporterFilter()

    def get_traceback_data(self):
        data = super().get_traceback_data()
        data.pop("user_str", None)  # who hit the error is in the admin's history, not in mailboxes
        for key in ("exception_value", "request_insecure_uri"):
            if isinstance(data.get(key), str):
                data[key] = scrub(data[key])
        if self.request is not None:
            data["request_GET_items"] = [(name, self.filter.cleansed_substitute) for name in self.request.GET]
            meta = data.get("request_meta") or {}
            data["request_meta"] = {
                key: scrub(value) if isinstance(value, str) else value for key, value in meta.items()
            }
        return data
