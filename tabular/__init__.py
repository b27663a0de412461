"""Importing registries from CSV or XLSX in the admin, and exporting selected rows to XLSX.

Generic: this package knows no app. Each registry says its columns in an `ImportSpec` and registers it with
`register()` (the `imports` app does, in its `AppConfig.ready()`); a ModelAdmin with
`tabular.admin.ImportExportMixin` then offers the template, the import with its preview, and the export.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db import models

from tabular.columns import Column, column_for


@dataclass
class ImportSpec:
    """The columns of one model's file, in their order, and what the file does not carry.

    `columns`: field names (a column by the field's kind) or `Column`s. `identity`: the fields that say a row is one
    already stored (an event's title, start and organiser): such rows are listed and left out, so a file imports its
    rows once. `prepare(instance, context)` fills what the file leaves out (the host library) before validation,
    without a query per row (`context.once()` reads a value once per import); it may raise `ValidationError`.
    `slug_from(instance)`: the text a new row's slug is made from, for all rows at once. `complete(instance, rows)`
    returns the related rows to create with a new row (given those its columns plan: many-to-many rows), as the
    admin completes a saved form. `select_related` and `prefetch_related` keep the export at a fixed number of
    queries.
    """

    model: type[models.Model]
    columns: list
    file_name: str
    identity: tuple[str, ...] = ()
    prepare: Callable | None = None
    slug_from: Callable | None = None
    slug_field: str = "slug"
    complete: Callable | None = None
    select_related: tuple[str, ...] = ()
    prefetch_related: tuple[str, ...] = ()
    preview: tuple[str, ...] = ()  # the columns the check shows beside each row to add (a date, libraries, status)
    bound: list[Column] = field(init=False)

    def __post_init__(self):
        self.bound = [c.bind(self.model) if isinstance(c, Column) else column_for(self.model, c) for c in self.columns]
        self.columns = self.bound

    def fresh(self) -> ImportSpec:
        """A copy for one import: the names its columns look up are read anew, and by no other request."""
        copied = copy.copy(self)
        copied.columns = [copy.copy(column) for column in self.columns]
        for column in copied.columns:
            if hasattr(column, "_index"):
                column._index = None
        return copied

    @property
    def headers(self) -> list[str]:
        """The template's headers: a required column is marked with «*»."""
        return [f"{c.header} *" if c.required else c.header for c in self.columns]


SPECS: dict[type[models.Model], ImportSpec] = {}


def register(spec: ImportSpec) -> None:
    SPECS[spec.model] = spec


def spec_for(model) -> ImportSpec | None:
    return SPECS.get(model)
