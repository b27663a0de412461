"""Building and writing the report in one go: many small objects, none in cycles."""

from __future__ import annotations

import functools
import gc
from contextlib import contextmanager


@contextmanager
def without_cycle_collection():
    """The report makes some hundreds of thousands of small objects (rows, facts, items, cells) and none of them
    in cycles; Python's cycle collector would walk them all again and again while more are made (a quarter of the
    build, and half of an export, at 100,000 events). Reference counting frees them as usual."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def batch(function):
    """Run a function without cycle collection (see `without_cycle_collection`)."""

    @functools.wraps(function)
    def wrapper(*args, **kwargs):
        with without_cycle_collection():
            return function(*args, **kwargs)

    return wrapper
