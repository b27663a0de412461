"""POST data as the admin's change form sends it: read back from the page it renders, inlines included."""

import datetime

from django.core.files import File
from django.db.models import Model
from django.forms import MultiWidget


def _as_posted(value):
    if value is None or value is False or isinstance(value, File):
        return None  # a file input left empty keeps the stored file
    if value is True:
        return "on"
    if isinstance(value, Model):
        return str(value.pk)
    if isinstance(value, datetime.datetime | datetime.date):
        return value.isoformat()
    if isinstance(value, list | tuple) or hasattr(value, "__iter__") and not isinstance(value, str):
        return [str(item.pk if isinstance(item, Model) else item) for item in value]
    return str(value)


def _form_data(form) -> dict:
    data = {}
    for name in form.fields:
        bound = form[name]
        if isinstance(bound.field.widget, MultiWidget):
            for index, part in enumerate(bound.field.widget.decompress(bound.value())):
                if part is not None:
                    data[f"{bound.html_name}_{index}"] = _as_posted(part)
            continue
        value = _as_posted(bound.value())
        if value is not None:
            data[bound.html_name] = value
    return data


def page_data(response) -> dict:
    """What the add or change page would POST unchanged: its form, each inline's forms and management form."""
    data = _form_data(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management[name].html_name: str(management[name].value()) for name in management.fields})
        for form in formset.forms:
            data.update(_form_data(form))
    return data


def inline_formset(response, prefix: str):
    """The inline formset of the page with this prefix (`entries`, `stops`…)."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.prefix == prefix:
            return inline
    raise AssertionError(f"no inline {prefix!r} on the page")


def add_rows(data: dict, prefix: str, rows: list[dict]) -> dict:
    """Fill the inline's forms after the stored ones with `rows` (as the «add another» button does)."""
    initial = int(data[f"{prefix}-INITIAL_FORMS"])
    for offset, row in enumerate(rows):
        for name, value in row.items():
            data[f"{prefix}-{initial + offset}-{name}"] = value
    data[f"{prefix}-TOTAL_FORMS"] = str(max(int(data[f"{prefix}-TOTAL_FORMS"]), initial + len(rows)))
    return data
