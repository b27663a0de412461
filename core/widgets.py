"""Form widgets for the public filter forms that render their HTML in Python.

Django renders a <select> through one template per option (and `attrs.html` inside each): with a hundred partner
libraries that is most of a filter form's cost. These widgets produce the same markup as Django's templates —
byte for byte for the cases the site uses: the same escaping, `selected` state, optgroups and attributes — by
building the string directly. `tests/perf/test_widgets.py` compares them with Django's own widgets.
"""

from __future__ import annotations

import html

from django import forms
from django.utils.functional import Promise
from django.utils.safestring import mark_safe


def conditional_escape(value) -> str:
    """django.utils.html.conditional_escape without its lazy-string wrapper: markup passes, text is escaped with
    the same `html.escape` Django uses."""
    if isinstance(value, Promise):
        value = str(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def render_attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: ` name="value"`, a bare name for True, nothing for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            parts.append(f" {conditional_escape(name)}")
        else:
            parts.append(f' {conditional_escape(name)}="{conditional_escape(str(value))}"')
    return "".join(parts)


class FastSelect(forms.Select):
    """forms.Select whose options are rendered in one Python loop instead of one template each."""

    def _option(self, value, label, selected: bool) -> str:
        if value is None:
            value = ""
        marker = " selected" if selected else ""
        return f'\n  <option value="{conditional_escape(str(value))}"{marker}>{conditional_escape(label)}</option>\n'

    def render_options(self, selected_values: set[str]) -> list[str]:
        """The option lines, in Django's order and whitespace; the first match alone is selected unless multiple."""
        parts: list[str] = []
        has_selected = False
        multiple = self.allow_multiple_selected
        for option_value, option_label in self.choices:
            if option_value is None:
                option_value = ""
            is_group = isinstance(option_label, (list, tuple))
            tagged = is_group and bool(option_value)  # select.html: {% if group_name %}
            if tagged:
                parts.append(f'\n  <optgroup label="{conditional_escape(option_value)}">')
            choices = option_label if is_group else ((option_value, option_label),)
            for value, label in choices:
                selected = (not has_selected or multiple) and str(value) in selected_values
                has_selected |= selected
                parts.append(self._option(value, label, selected))
            if tagged:
                parts.append("\n  </optgroup>")
        return parts

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        if self.allow_multiple_selected:
            final_attrs["multiple"] = True
        selected_values = set(self.format_value(value))
        options = "".join(self.render_options(selected_values))
        # Safe: name, attrs and options escaped.
        return mark_safe(f'<select name="{conditional_escape(name)}"{render_attrs(final_attrs)}>{options}\n</select>')  # nosec


class FastInputMixin:
    """django/forms/widgets/input.html in Python, for the text-like inputs of the filter forms."""

    def render(self, name, value, attrs=None, renderer=None):
        final_attrs = self.build_attrs(self.attrs, attrs)
        formatted = self.format_value(value)
        value_attr = "" if formatted is None else f' value="{conditional_escape(str(formatted))}"'
        # Safe: name, attrs and value escaped.
        return mark_safe(  # nosec
            f'<input type="{conditional_escape(self.input_type)}" name="{conditional_escape(name)}"'
            f"{value_attr}{render_attrs(final_attrs)}>"
        )


class FastTextInput(FastInputMixin, forms.TextInput):
    pass


class FastDateInput(FastInputMixin, forms.DateInput):
    pass
