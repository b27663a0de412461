"""Inline rows are bounded: a save carries at most so many new rows, however many the request claims.

A formset builds as many forms as its management form says (`…-TOTAL_FORMS`), up to Django's `absolute_max`, by
default 1,000 past `max_num` (itself 1,000): one crafted POST of an event's page with 2,000 participation rows took
24 seconds to build, check and render again, and a large `amendments-TOTAL_FORMS` over a minute. Here every inline's
`max_num` is the rows its record already has plus `new_rows_max` (`NEW_ROWS_MAX` unless the inline says less),
`absolute_max` is that same number, so no more forms than that are ever built, and `validate_max` turns a larger
count into the formset's Russian error on the page. The rows already stored are never refused: a record with many
(entered over years, or through the rows' own admin page) keeps them all and may still add more.
"""

from __future__ import annotations

from django.forms.models import _get_foreign_key
from django.utils.translation import gettext_lazy as _

NEW_ROWS_MAX = 50

TOO_MANY_ROWS = _("Слишком много строк: за одно сохранение — не больше %(num)d. Сохраните часть и добавьте остальные.")


class BoundedInlineMixin:
    """For an InlineModelAdmin: at most `new_rows_max` rows beyond those stored, as `max_num` and `absolute_max`.

    The inline's own `new_rows_max` wins: the mixin comes first in the classes it is mixed into (see below), so it
    holds no default of its own to shadow it."""

    def _stored_rows(self, obj) -> int:
        if obj is None or obj.pk is None:
            return 0
        fk = _get_foreign_key(self.parent_model, self.model, fk_name=self.fk_name)
        return self.model._default_manager.filter(**{fk.name: obj}).count()

    def get_max_num(self, request, obj=None, **kwargs):
        bound = self._stored_rows(obj) + getattr(self, "new_rows_max", NEW_ROWS_MAX)
        chosen = super().get_max_num(request, obj, **kwargs)
        return bound if chosen is None else min(chosen, bound)

    def get_formset(self, request, obj=None, **kwargs):
        if "max_num" not in kwargs:
            kwargs["max_num"] = self.get_max_num(request, obj, **kwargs)
        kwargs.setdefault("absolute_max", kwargs["max_num"])
        kwargs.setdefault("validate_max", True)
        formset = super().get_formset(request, obj, **kwargs)
        # The factory made this class for this call: its message may be set on it alone.
        formset.default_error_messages = {**formset.default_error_messages, "too_many_forms": TOO_MANY_ROWS}
        return formset


_BOUNDED: dict[type, type] = {}


class BoundedInlinesAdminMixin:
    """For a ModelAdmin: each of its inlines is bounded (a `BoundedInlineMixin`), whether it says so or not."""

    def get_inline_instances(self, request, obj=None):
        inlines = super().get_inline_instances(request, obj)
        for inline in inlines:
            kind = type(inline)
            if not isinstance(inline, BoundedInlineMixin):
                if kind not in _BOUNDED:
                    _BOUNDED[kind] = type(kind.__name__, (BoundedInlineMixin, kind), {})
                inline.__class__ = _BOUNDED[kind]
        return inlines
