"""How far the check or the import of a long file got, for the page that waits for it.

The page's form carries a random token; while the request runs, every `tabular.importer.import_progress` step of
that request is kept in the cache under the user and the token, and the page asks for it twice a second
(`static/js/import-progress.js`) to move a progress bar. Without JavaScript, or with the cache out of reach, the
form works as before: progress is a courtesy, and a failure to keep it is never the import's.
"""

from __future__ import annotations

import contextvars
import logging
import re
from contextlib import contextmanager

from django.core.cache import cache
from django.utils.translation import gettext as _

from tabular.importer import import_progress

logger = logging.getLogger("tabular.progress")
KEPT = 10 * 60  # seconds
TOKEN = re.compile(r"[0-9a-f]{32}")

_current: contextvars.ContextVar[str | None] = contextvars.ContextVar("tabular_progress", default=None)


def key_for(user, token: str | None) -> str | None:
    if not token or not TOKEN.fullmatch(token) or not getattr(user, "pk", None):
        return None
    return f"tabular:progress:{user.pk}:{token}"


def _keep(key: str, value: dict) -> None:
    try:
        cache.set(key, value, KEPT)
    except Exception:  # the cache is a courtesy here
        logger.warning("import progress not kept: the cache is unavailable")


def read(key: str | None) -> dict | None:
    if key is None:
        return None
    try:
        return cache.get(key)
    except Exception:  # the same: no progress, never a failed import
        return None


@contextmanager
def reporting(key: str | None):
    """Within the block, this request's import steps are kept under `key` (nothing when it is None)."""
    if key is None:
        yield
        return
    _keep(key, {"step": "started", "done": 0, "total": 0})
    token = _current.set(key)
    try:
        yield
    finally:
        _current.reset(token)


def _step(sender, step, done, total, **kwargs) -> None:
    key = _current.get()
    if key is not None:
        _keep(key, {"step": step, "done": done, "total": total})


import_progress.connect(_step, dispatch_uid="tabular.progress")


def described(progress: dict | None) -> dict:
    """What the page shows: a bar's value and maximum, and a sentence."""
    if not progress:
        return {"done": 0, "total": 0, "text": _("Файл загружается…")}
    done, total, step = progress["done"], progress["total"], progress["step"]
    words = {
        "started": _("Файл читается…"),
        "read": _("Прочитано строк: %(done)s из %(total)s"),
        "checked": _("Проверено строк: %(done)s из %(total)s"),
        "saved": _("Записи сохранены, добавляются связи…"),
        "related": _("Связи сохранены, записываются версии…"),
        "versions": _("Почти готово…"),
    }
    text = words.get(step, words["started"])
    return {"done": done, "total": total, "text": text % {"done": done, "total": total} if "%(" in text else text}
