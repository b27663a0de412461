"""Work a request starts and its answer does not wait for.

The password-reset form answered an address with an account in 61 ms and an unknown one in 10 ms: sending the
email (an SMTP round trip) happened inside the request, so the time alone told which addresses have accounts.
`after_response()` runs such work in a thread of its own: the request answers at once, the same way for every
address, and the mail leaves a moment later. A failure is logged (the form cannot tell the visitor anything
about it anyway); the thread's own database connections are closed when it ends.

Threads are daemons: a process stopping in the middle of sending loses that email, which the visitor can ask
for again. `wait()` blocks until the work started so far is done, for tests and commands.
"""

from __future__ import annotations

import logging
import threading

from django.db import connections

logger = logging.getLogger("ops.background")

_running: set[threading.Thread] = set()
_lock = threading.Lock()


def after_response(func, /, *args, **kwargs) -> None:
    """Call `func(*args, **kwargs)` in a thread of its own and return at once."""

    def run():
        try:
            func(*args, **kwargs)
        except Exception:
            logger.exception("work after the response failed: %s", getattr(func, "__qualname__", repr(func)))
        finally:
            connections.close_all()
            with _lock:
                _running.discard(thread)

    thread = threading.Thread(target=run, name="coopnet-after-response", daemon=True)
    with _lock:
        _running.add(thread)
    thread.start()


def wait(timeout: float = 10.0) -> None:
    """Until the work started so far has ended (or `timeout` seconds for each piece of it)."""
    with _lock:
        running = list(_running)
    for thread in running:
        thread.join(timeout)
