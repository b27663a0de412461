"""Work after the response (ops.background): it runs in a thread of its own, the caller returns at once, and a
failure is logged, never raised into a request that has already answered."""

import logging
import threading

from ops import background


def test_the_work_runs_in_another_thread_and_wait_waits_for_it():
    started, release, done = threading.Event(), threading.Event(), []

    def work(value):
        started.set()
        release.wait(5)
        done.append((value, threading.current_thread().name))

    background.after_response(work, "письмо")
    assert started.wait(5)
    assert done == []  # the caller did not wait
    release.set()
    background.wait()
    assert done == [("письмо", "coopnet-after-response")]


def test_a_failure_is_logged_not_raised(caplog):
    def broken():
        raise RuntimeError("SMTP is down")

    with caplog.at_level(logging.ERROR, logger="ops.background"):
        background.after_response(broken)
        background.wait()

    [record] = caplog.records
    assert "work after the response failed" in record.getMessage()
    assert record.exc_info[0] is RuntimeError
