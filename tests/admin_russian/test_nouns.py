"""Every model the admin shows, registered or inline, has its Russian forms in adminkit.grammar."""

import pytest
from django.contrib import admin

from adminkit.grammar import FEMININE, MASCULINE, NEUTER, NOUNS, noun_for


def admin_models() -> dict[str, type]:
    """Every registered model and every model edited inline on another's page."""
    models = {}
    for model, model_admin in admin.site._registry.items():
        models[model._meta.label_lower] = model
        for inline in model_admin.inlines:
            models[inline.model._meta.label_lower] = inline.model
    return models


def test_every_admin_model_and_inline_has_its_russian_forms():
    missing = sorted(set(admin_models()) - set(NOUNS))
    assert not missing, f"add these models' forms to adminkit.grammar.NOUNS: {missing}"


@pytest.mark.parametrize("label", sorted(admin_models()))
def test_forms_describe_the_models_own_name(label):
    model = admin_models()[label]
    noun = noun_for(model)
    assert str(noun.nominative) == str(model._meta.verbose_name)
    assert str(noun.counted[0]) == str(noun.nominative)
    assert noun.gender in {MASCULINE, FEMININE, NEUTER}


@pytest.mark.parametrize(
    ("label", "number", "expected"),
    [
        ("agreements.agreement", 1, "1 соглашение"),
        ("agreements.agreement", 3, "3 соглашения"),
        ("agreements.agreement", 10, "10 соглашений"),
        ("agreements.agreement", 11, "11 соглашений"),
        ("agreements.agreement", 21, "21 соглашение"),
        ("agreements.agreement", 22, "22 соглашения"),
        ("agreements.agreement", 0, "0 соглашений"),
        ("agreements.library", 104, "104 библиотеки"),
        ("agreements.contact", 2, "2 контактных лица"),
        ("contests.curator", 5, "5 региональных кураторов"),
    ],
)
def test_counts_take_the_plural_form_the_number_asks_for(label, number, expected):
    assert NOUNS[label].count(number) == expected


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("agreements.library", "ещё одну библиотеку"),
        ("agreements.agreement", "ещё одно соглашение"),
        ("contests.contest", "ещё один конкурс"),
        ("contests.curator", "ещё одного регионального куратора"),
        ("events.person", "ещё одного гостя"),
    ],
)
def test_one_more_agrees_in_gender_and_animacy(label, expected):
    assert NOUNS[label].one_more == expected
