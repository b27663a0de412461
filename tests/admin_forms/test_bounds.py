"""Every number staff type in contests and exhibitions has bounds, so a slip of the keyboard is refused."""

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models

from tests.factories import ContestFactory, EntryFactory, ExhibitionFactory, ExhibitionStopFactory, NominationFactory

INTEGER_FIELDS = [
    field
    for label in ("contests", "exhibitions")
    for model in apps.get_app_config(label).get_models()
    for field in model._meta.concrete_fields
    if isinstance(field, models.IntegerField) and not field.primary_key and field.editable
]


def test_the_apps_have_integer_fields():
    assert {f"{field.model.__name__}.{field.name}" for field in INTEGER_FIELDS} >= {
        "Contest.age_min",
        "Contest.age_max",
        "Entry.age",
        "Entry.place",
        "Nomination.position",
        "Exhibition.items_count",
        "ExhibitionStop.visitors",
        "ExhibitionStop.excursions",
    }


@pytest.mark.parametrize("field", INTEGER_FIELDS, ids=lambda field: f"{field.model.__name__}.{field.name}")
def test_every_integer_field_has_an_upper_bound(field):
    assert any(isinstance(validator, MaxValueValidator) for validator in field.validators)


@pytest.mark.parametrize(
    ("make", "field", "too_big"),
    [
        (ContestFactory.build, "age_max", 121),
        (ExhibitionFactory.build, "items_count", 100_001),
        (ExhibitionStopFactory.build, "excursions", 10_001),
        (EntryFactory.build, "age", 100),
    ],
    ids=["contest-age", "items", "excursions", "entry-age"],
)
def test_a_number_past_its_bound_is_refused_in_russian(db, make, field, too_big):
    obj = make(**{field: too_big})
    with pytest.raises(ValidationError) as refused:
        obj.full_clean()
    assert "Убедитесь, что это значение меньше либо равно" in " ".join(refused.value.message_dict[field])


def test_a_nomination_position_past_its_bound_is_refused(db):
    nomination = NominationFactory.build(contest=ContestFactory(), position=1001)
    with pytest.raises(ValidationError) as refused:
        nomination.full_clean()
    assert "position" in refused.value.message_dict
