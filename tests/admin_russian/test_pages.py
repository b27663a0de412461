"""Every admin page, for each kind of staff user, in Russian: no English app names, no nominative pasted where
another case belongs, counts with the right plural form."""

import re

import pytest
from django.contrib import admin
from django.urls import NoReverseMatch, reverse

from adminkit.grammar import NOUNS

from .test_nouns import admin_models
from .walk import WITHOUT_ROWS, maker_for, problems_in

# The personas are asked for by name (getfixturevalue): the mark sets the database up before that.
pytestmark = pytest.mark.django_db

PERSONAS = ["superuser", "methodologist", "manager"]
REGISTERED = sorted(f"{model._meta.label_lower}" for model in admin.site._registry)


def model_of(label):
    return admin_models()[label]


def url(label, view, *args):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args)


def open_page(client, address, refused=403):
    """The page in Russian; `refused` is how a page the user may not see answers."""
    response = client.get(address)
    assert response.status_code in {200, 302, refused}, (address, response.status_code)
    if response.status_code == 200:
        assert not problems_in(response.content.decode()), (address, problems_in(response.content.decode()))
    return response


@pytest.mark.parametrize("persona", PERSONAS)
def test_index_and_app_pages_are_in_russian(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    response = open_page(client, reverse("admin:index"))
    assert response.status_code == 200
    app_labels = {model._meta.app_label for model in admin.site._registry}
    for app_label in sorted(app_labels):
        # An app with nothing the user may see is not found, as Django answers.
        open_page(client, reverse("admin:app_list", args=[app_label]), refused=404)


def test_superuser_index_names_the_apps_in_russian(client, superuser):
    client.force_login(superuser)
    page = client.get(reverse("admin:index")).content.decode()
    for name in ["Партнёры и соглашения", "Мероприятия и проекты", "Выставки", "Конкурсы"]:
        assert name in page


def test_every_app_with_admin_models_has_a_russian_name():
    app_configs = {model._meta.app_config for model in admin.site._registry}
    latin = sorted(
        str(config.verbose_name) for config in app_configs if re.search("[A-Za-z]", str(config.verbose_name))
    )
    assert not latin


def test_every_registered_model_can_be_walked():
    unwalkable = [label for label in REGISTERED if label not in WITHOUT_ROWS and maker_for(model_of(label)) is None]
    assert not unwalkable, f"add a factory (tests/factories.py) for {unwalkable}"


@pytest.mark.parametrize("label", REGISTERED)
@pytest.mark.parametrize("persona", PERSONAS)
def test_every_page_of_every_model_is_in_russian(client, request, persona, label):
    user = request.getfixturevalue(persona)
    maker = maker_for(model_of(label))
    obj = maker() if maker and label not in WITHOUT_ROWS else None
    client.force_login(user)
    changelist = open_page(client, url(label, "changelist"))
    if persona == "superuser":
        assert changelist.status_code == 200
    if changelist.status_code == 200 and "cl" in (changelist.context or {}):
        count = changelist.context["cl"].result_count
        assert NOUNS[label].count(count) in changelist.content.decode()
    for view in ["add", "change", "delete", "history"]:
        if obj is None and view != "add":
            break
        try:
            address = url(label, view) if view == "add" else url(label, view, obj.pk)
        except NoReverseMatch:  # an admin without that page
            continue
        response = open_page(client, address)
        if persona == "superuser" and view in {"change", "history"}:
            assert response.status_code == 200, address
