"""Figures as the project counts them: unknown stays unknown, never 0."""

from __future__ import annotations

from collections.abc import Iterable


def known_sum(values: Iterable[int | None]) -> int | None:
    """The sum of the known values: 0 for nothing at all, None when there are values and none is known
    (unknown stays unknown, never 0)."""
    values = list(values)
    known = [v for v in values if v is not None]
    return None if values and not known else sum(known)
