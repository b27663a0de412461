import importlib

import pytest
from django.apps import apps
from django.forms import CheckboxInput, ClearableFileInput, MultiWidget

from tests.conftest import ensure_staff_groups
from tests.factories import UserFactory

DELETE_MIGRATION = importlib.import_module("history.migrations.0002_methodologists_may_delete")


@pytest.fixture
def methodologist(db):
    """As the shared persona, with the delete permissions this app's migration gives (a flush by a live-server
    test recreates the groups without them)."""
    ensure_staff_groups()
    DELETE_MIGRATION.grant_delete(apps, None)
    return UserFactory(username="alice", first_name="Алиса", last_name="Методистова", groups=["Методисты"])


@pytest.fixture
def second_methodologist(db):
    ensure_staff_groups()
    DELETE_MIGRATION.grant_delete(apps, None)
    return UserFactory(username="vera", groups=["Методисты"])


def form_values(form) -> dict:
    """What a browser would send for a form as the page shows it."""
    data = {}
    for name, field in form.fields.items():
        key, value, widget = form.add_prefix(name), form[name].value(), field.widget
        if isinstance(widget, ClearableFileInput):
            continue
        if isinstance(widget, MultiWidget):
            # a bound form (a page shown again) gives the parts as they were sent
            parts = value if isinstance(value, list) else widget.decompress(value)
            for index, (part, sub) in enumerate(zip(parts, widget.widgets, strict=True)):
                data[f"{key}_{index}"] = sub.format_value(part) or ""
        elif isinstance(widget, CheckboxInput):
            if value:
                data[key] = "on"
        elif isinstance(value, list | tuple):
            data[key] = [str(item) for item in value]
        elif value is None:
            data[key] = ""
        else:
            data[key] = widget.format_value(value) or ""
    return data


def change_form_data(response) -> dict:
    """The POST data of an admin change page as loaded: the form, its hidden stamp, every inline."""
    data = form_values(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in management.fields:
            data[management.add_prefix(name)] = management[name].value()
        for form in formset.forms:
            data.update(form_values(form))
    return data
