"""The shared cache (Redis) that degrades instead of failing: while the server cannot be reached, the site works
without it.

Everything coopnet keeps in the cache can be rebuilt from the database: readers' pages (ops.pagecache), the listed
libraries (events.filters), the rate limits' counters (ops.ratelimit, which count in the process meanwhile) and the
marks of imports already confirmed. So while Redis is down or goes away, `ResilientRedisCache` answers like
Django's DummyCache — a read is a miss, a write does nothing (`add` says it stored, `incr` finds no key) — and the
pages are rendered from the database.

A server that failed is left alone for `RETRY_AFTER` seconds (5 unless OPTIONS say otherwise), so requests do not
each wait for a refused or timed-out connection; the next call after that tries again, and when the server answers
caching simply resumes. The outage is logged as a warning when it begins, at most once every `LOG_EVERY` seconds
(60) while it lasts, with the number of failed calls, and once more when the server answers again. The state is
per process and per server address, shared by the process's threads (Django gives each thread a cache object).
"""

from __future__ import annotations

import logging
import threading
import time
from dataclasses import dataclass, field

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger("ops.cache")

RETRY_AFTER = 5.0
LOG_EVERY = 60.0


@dataclass
class _Outage:
    """What this process knows of one server's failures."""

    lock: threading.Lock = field(default_factory=threading.Lock)
    down_until: float = 0.0  # monotonic time before which the server is not tried again
    failing: bool = False
    logged_at: float | None = None
    failures: int = 0  # failed calls since the last log line


_outages: dict[tuple[str, ...], _Outage] = {}
_outages_lock = threading.Lock()


def _outage_of(servers) -> _Outage:
    key = tuple(servers)
    with _outages_lock:
        return _outages.setdefault(key, _Outage())


class ResilientRedisCache(RedisCache):
    """Django's RedisCache, with connection failures turned into misses and no-ops (see the module's text)."""

    def __init__(self, server, params):
        options = dict(params.get("OPTIONS") or {})
        self.retry_after = float(options.pop("RETRY_AFTER", RETRY_AFTER))
        self.log_every = float(options.pop("LOG_EVERY", LOG_EVERY))
        super().__init__(server, {**params, "OPTIONS": options})
        self._outage = _outage_of(self._servers)

    def is_available(self) -> bool:
        """False while the server is left alone after a failure; True does not prove it answers."""
        return time.monotonic() >= self._outage.down_until

    def _attempt(self, call, fallback, *args, **kwargs):
        if not self.is_available():
            self._count_failure(None)
            return fallback()
        try:
            result = call(*args, **kwargs)
        except RedisError as error:
            self._count_failure(error)
            return fallback()
        if self._outage.failing:
            self._recovered()
        return result

    def _count_failure(self, error: RedisError | None) -> None:
        outage = self._outage
        now = time.monotonic()
        with outage.lock:
            outage.failures += 1
            if error is None:
                return
            outage.down_until = now + self.retry_after
            began = not outage.failing
            outage.failing = True
            if not began and outage.logged_at is not None and now - outage.logged_at < self.log_every:
                return
            failures, outage.failures, outage.logged_at = outage.failures, 0, now
        if began:
            logger.warning("the shared cache (Redis) is unavailable, pages are served without it: %s", _describe(error))
        else:
            logger.warning(
                "the shared cache (Redis) is still unavailable: %s calls went without it in the last %d s (%s)",
                failures,
                round(self.log_every),
                _describe(error),
            )

    def _recovered(self) -> None:
        with self._outage.lock:
            if not self._outage.failing:
                return
            self._outage.failing = False
            self._outage.failures = 0
            self._outage.logged_at = None
        logger.warning("the shared cache (Redis) answers again: caching resumes")

    # Every operation of Django's RedisCache; BaseCache builds the others (get_or_set, decr, the async ones,
    # incr_version, __contains__) on these.

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().add, _true, key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._attempt(super().get, lambda: default, key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self._attempt(super().set, _none, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().touch, _false, key, timeout, version)

    def delete(self, key, version=None):
        return self._attempt(super().delete, _false, key, version)

    def get_many(self, keys, version=None):
        return self._attempt(super().get_many, dict, keys, version)

    def has_key(self, key, version=None):
        return self._attempt(super().has_key, _false, key, version)

    def incr(self, key, delta=1, version=None):
        return self._attempt(super().incr, _no_key(key), key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._attempt(super().set_many, lambda: list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        self._attempt(super().delete_many, _none, keys, version)

    def clear(self):
        return self._attempt(super().clear, _false)


def _true():
    return True


def _false():
    return False


def _none():
    return None


def _no_key(key):
    def fallback():
        raise ValueError(f"Key '{key}' not found (the shared cache is unavailable)")

    return fallback


def _describe(error: RedisError) -> str:
    return f"{type(error).__name__}: {error}"


def is_available(cache) -> bool:
    """Whether a cache (any backend) is taken to answer now: only a ResilientRedisCache in its back-off is not."""
    check = getattr(cache, "is_available", None)
    return check() if check is not None else True
