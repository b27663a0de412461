"""The report switches Python's cycle collector off while it builds, and always back on afterwards."""

import gc
import threading

from reports.batch import without_cycle_collection


def test_collection_is_off_during_a_build_and_on_after_it():
    assert gc.isenabled()
    with without_cycle_collection():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_collection_comes_back_on_after_an_error():
    try:
        with without_cycle_collection():
            raise ValueError
    except ValueError:
        pass
    assert gc.isenabled()


def test_overlapping_builds_in_two_threads_turn_it_back_on_only_when_the_last_ends():
    """The first build to end must not switch collection on under the second, nor leave it off for good."""
    first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()
    seen = {}

    def first():
        with without_cycle_collection():
            first_in.set()
            second_in.wait(5)
        first_out.set()

    def second():
        first_in.wait(5)
        with without_cycle_collection():
            second_in.set()
            first_out.wait(5)
            seen["after the first ended"] = gc.isenabled()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert seen == {"after the first ended": False}
    assert gc.isenabled()


def test_a_disabled_collector_stays_disabled():
    gc.disable()
    try:
        with without_cycle_collection():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
