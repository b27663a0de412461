"""The widgets of the admin's forms: the icons beside a chosen record, and files that survive an error.

Django puts up to four links beside a foreign key: add another, change, delete and view the chosen record. The red
✖ opens the page that deletes the chosen record itself — a library, from an event's row of libraries — so it is
never shown. In the rows of an inline (an event's libraries, an exhibition's stops) only the view link stays:
four icons on every row crowd the row, and a library is added and changed on its own page.

Every file field keeps a file chosen when the form comes back with an error (`adminkit.uploads.KeptFileInput`).
"""

from django.contrib.admin.options import InlineModelAdmin
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models

from adminkit.uploads import KeptFileInput


class RelatedLinksMixin:
    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if isinstance(db_field, models.FileField) and "widget" not in kwargs:
            kwargs["widget"] = KeptFileInput(db_field.storage)
        field = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(field, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget.can_delete_related = False
            if isinstance(self, InlineModelAdmin):
                widget.can_add_related = widget.can_change_related = False
        return field
