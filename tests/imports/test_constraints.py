"""tabular.constraints decides every check constraint of every importable model in Python, and decides it as the
database does (Django's own `CheckConstraint.validate()`, a query), on rows generated with hypothesis."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import models
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from agreements.models import Agreement, Library
from events.models import Event, Participation
from tabular import SPECS
from tabular.constraints import UNSUPPORTED, holds

pytestmark = pytest.mark.django_db
KEMEROVO = datetime.timezone(datetime.timedelta(hours=7))


def check_constraints(model):
    return [c for c in model._meta.constraints if isinstance(c, models.CheckConstraint)]


def test_every_importable_models_check_constraints_are_decided_in_python():
    importable = [*SPECS, Participation]
    assert {Library, Agreement, Event} <= set(importable)
    for model in importable:
        for constraint in check_constraints(model):
            assert holds(constraint, model()) is not UNSUPPORTED, constraint.name


def _values(field):
    """Values that reach each branch of the constraints: None, the edges, each choice."""
    if field.choices:
        return st.sampled_from([None, "", *[value for value, _label in field.choices]])
    if isinstance(field, models.DateTimeField):
        days = st.integers(-3, 3).map(
            lambda n: datetime.datetime(2027, 3, 10, 12, tzinfo=KEMEROVO) + datetime.timedelta(hours=n)
        )
        return st.one_of(st.none(), days)
    if isinstance(field, models.DateField):
        return st.one_of(
            st.none(), st.integers(-3, 3).map(lambda n: datetime.date(2027, 3, 10) + datetime.timedelta(n))
        )
    if isinstance(field, models.DecimalField):
        return st.one_of(
            st.none(), st.sampled_from([Decimal(v) for v in ("-181", "-180", "-90.5", "0", "90", "91", "180", "181")])
        )
    if isinstance(field, models.IntegerField):
        return st.one_of(st.none(), st.sampled_from([-1, 0, 1, 10, 11, 365, 366]))
    if isinstance(field, models.CharField | models.TextField):
        return st.sampled_from(["", "x"])
    return None


def _fields_of(condition, model):
    names = set()
    for child in condition.children:
        if isinstance(child, models.Q):
            names |= _fields_of(child, model)
        else:
            lookup, value = child
            names.add(lookup.split("__")[0])
            if isinstance(value, models.F):
                names.add(value.name)
    return names


CASES = [(model, constraint) for model in (Library, Agreement, Event) for constraint in check_constraints(model)]


@pytest.mark.parametrize(("model", "constraint"), CASES, ids=[c.name for _m, c in CASES])
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_python_decides_each_constraint_as_the_database_does(model, constraint, data):
    instance = model()
    for name in sorted(_fields_of(constraint.condition, model)):
        field = model._meta.get_field(name)
        if field.is_relation:
            setattr(instance, field.attname, data.draw(st.sampled_from([1, 2]), label=name))
            continue
        strategy = _values(field)
        if strategy is not None:
            setattr(instance, name, data.draw(strategy, label=name))
    try:
        constraint.validate(model, instance)
        database = True
    except ValidationError:
        database = False

    assert holds(constraint, instance) is database
