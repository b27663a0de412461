"""A model's check constraints decided in Python, for the rows of a file before any of them is saved.

Django validates a `CheckConstraint` by asking the database (`Q.check()`: one query per constraint per row): four
queries for each row of an events file, 20,000 for 5,000 rows. The conditions the models state are simple (a
field against a value or another field, `isnull`, `in`, comparisons, AND, OR, NOT), so `evaluate()` decides them on
the instance itself, with the database's three-valued logic: a comparison with NULL is unknown, and a constraint
holds unless its condition is false (as in SQL, and as Django's `Q.check()` coalesces it).

A condition with anything else (a join, a function, an expression) is not guessed at: `evaluate()` answers
`UNSUPPORTED` and the caller asks Django. tests/imports/test_constraints.py holds both answers equal for every
check constraint of every importable model.
"""

from __future__ import annotations

import operator

from django.core.exceptions import FieldDoesNotExist
from django.db.models import F, Q

UNSUPPORTED = object()

_COMPARE = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


class _Unsupported(Exception):
    pass


def _value(instance, name: str):
    """A field's value as the database holds it: a relation by its key."""
    try:
        field = instance._meta.get_field(name)
    except FieldDoesNotExist:
        raise _Unsupported from None
    if field.many_to_many or field.one_to_many or not field.concrete:
        raise _Unsupported
    return getattr(instance, field.attname)


def _operand(instance, value):
    if isinstance(value, F):
        if "__" in value.name:
            raise _Unsupported
        return _value(instance, value.name)
    if hasattr(value, "resolve_expression"):
        raise _Unsupported
    if hasattr(value, "_meta") and hasattr(value, "pk"):  # a model instance stands for its key
        return value.pk
    return value


def _lookup(instance, path: str, value) -> bool | None:
    name, _, lookup = path.partition("__")
    lookup = lookup or "exact"
    if "__" in lookup:
        raise _Unsupported
    left = _value(instance, name)
    if lookup == "isnull":
        return (left is None) == bool(value)
    if lookup == "in":
        items = [_operand(instance, item) for item in value]
        if left is None:
            return None
        if left in items:
            return True
        return None if any(item is None for item in items) else False
    compare = _COMPARE.get(lookup)
    if compare is None:
        raise _Unsupported
    right = _operand(instance, value)
    if lookup == "exact" and right is None:  # Django turns `field=None` into `field IS NULL`
        return left is None
    if left is None or right is None:
        return None
    return compare(left, right)


def _q(instance, q: Q) -> bool | None:
    results = []
    for child in q.children:
        if isinstance(child, Q):
            results.append(_q(instance, child))
        elif isinstance(child, tuple) and len(child) == 2:
            results.append(_lookup(instance, *child))
        else:
            raise _Unsupported
    if q.connector == Q.AND:
        result = False if False in results else (None if None in results else True)
    else:
        result = True if True in results else (None if None in results else False)
    if q.negated:
        result = None if result is None else not result
    return result


def evaluate(condition: Q, instance):
    """True, False or None (unknown: a NULL was compared) for `condition` on `instance`; `UNSUPPORTED` when the
    condition holds something this module does not decide."""
    try:
        return _q(instance, condition)
    except _Unsupported:
        return UNSUPPORTED
    except TypeError:  # values that do not compare (a date against a number): let the database say
        return UNSUPPORTED


def holds(constraint, instance) -> bool | object:
    """Whether a check constraint holds for the instance (unknown counts as holding), or `UNSUPPORTED`."""
    result = evaluate(constraint.condition, instance)
    if result is UNSUPPORTED:
        return UNSUPPORTED
    return result is not False
