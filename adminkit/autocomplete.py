"""Autocomplete fields that answer crafted input with a form error, not a 500.

Django's autocomplete widget shows the submitted value again by looking it up (`pk__in=[value]`); a value that
is not a valid key of the related model ("abc", "1e5", a number beyond the database's integers) makes that
lookup raise while the form with its error is rendered. The widgets here look up only the values that can be
keys; the form field has already said what was wrong with the rest.

A field of several rows (a many-to-many: an agreement's directions) looks its values up with `pk__in=[…]`, which
Django does not bound as it bounds `pk=…`: on SQLite a 20-digit id overflows the driver's integer. Such a field
here refuses a value that cannot be a key with its own «not a valid value» error before any query.
"""

from django import forms
from django.contrib.admin import widgets
from django.core.exceptions import ValidationError

BIGGEST_KEY = 2**63 - 1


def _can_be_key(field, value) -> bool:
    try:
        key = field.to_python(value)
    except (ValidationError, TypeError, ValueError):
        return False
    return not isinstance(key, int) or -BIGGEST_KEY <= key <= BIGGEST_KEY


class SafeAutocompleteMixin:
    def optgroups(self, name, value, attr=None):
        remote = self.field.remote_field
        to_field = remote.model._meta.get_field(getattr(remote, "field_name", None) or remote.model._meta.pk.name)
        keys = [v for v in value if v in ("", None) or _can_be_key(to_field, v)]
        return super().optgroups(name, keys, attr)


class SafeAutocompleteSelect(SafeAutocompleteMixin, widgets.AutocompleteSelect):
    pass


class SafeAutocompleteSelectMultiple(SafeAutocompleteMixin, widgets.AutocompleteSelectMultiple):
    pass


class SafeKeysMultipleMixin:
    """For a ModelMultipleChoiceField: values that cannot be keys are a form error, not a query."""

    def _check_values(self, value):
        if isinstance(value, list | tuple):
            model = self.queryset.model
            key = model._meta.get_field(self.to_field_name) if self.to_field_name else model._meta.pk
            for pk in value:
                if not _can_be_key(key, pk):
                    raise ValidationError(
                        self.error_messages["invalid_pk_value"], code="invalid_pk_value", params={"pk": pk}
                    )
        return super()._check_values(value)


SAFE = {
    widgets.AutocompleteSelect: SafeAutocompleteSelect,
    widgets.AutocompleteSelectMultiple: SafeAutocompleteSelectMultiple,
}


_SAFE_MULTIPLE: dict[type, type] = {}


def _made_safe(formfield):
    if formfield is not None and type(formfield.widget) in SAFE:
        formfield.widget.__class__ = SAFE[type(formfield.widget)]
    if isinstance(formfield, forms.ModelMultipleChoiceField) and not isinstance(formfield, SafeKeysMultipleMixin):
        kind = type(formfield)
        if kind not in _SAFE_MULTIPLE:
            _SAFE_MULTIPLE[kind] = type(kind.__name__, (SafeKeysMultipleMixin, kind), {})
        formfield.__class__ = _SAFE_MULTIPLE[kind]
    return formfield


class SafeAutocompleteFieldsMixin:
    """For a ModelAdmin or an inline: its autocomplete widgets are the safe ones."""

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        return _made_safe(super().formfield_for_foreignkey(db_field, request, **kwargs))

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        return _made_safe(super().formfield_for_manytomany(db_field, request, **kwargs))


_SAFE_INLINES: dict[type, type] = {}


class SafeAutocompleteAdminMixin(SafeAutocompleteFieldsMixin):
    """The ModelAdmin's own fields and those of its inlines."""

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            if not isinstance(inline, SafeAutocompleteFieldsMixin):
                kind = type(inline)
                if kind not in _SAFE_INLINES:  # one class per inline, not one per request
                    _SAFE_INLINES[kind] = type(kind.__name__, (SafeAutocompleteFieldsMixin, kind), {})
                inline.__class__ = _SAFE_INLINES[kind]
        return inlines
