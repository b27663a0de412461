"""Who entered a library's figures is written with the figures, by the services every supported way calls
(`PartnerSide.save_figures`): the partner portal, and the admin's change pages and inlines. Nothing in `save()` does
it behind their back, and no code path writes those fields with a bulk `update()`."""

import ast
import datetime
import pathlib

import pytest
from django.conf import settings
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from core.models import PartnerSide, Status
from events.models import Participation
from exhibitions.models import ExhibitionStop
from tabular import SPECS
from tests.admin_forms.helpers import page_data
from tests.factories import (
    KEMEROVO,
    ExhibitionFactory,
    ExhibitionStopFactory,
    LibraryFactory,
    ParticipationFactory,
    TelebridgeFactory,
)
from tests.portal.helpers import partner_user, yesterday_at

pytestmark = pytest.mark.django_db
ROOT = pathlib.Path(settings.BASE_DIR)
AUTHOR_FIELDS = {"figures_entered_at", "figures_entered_by", "figures_by_partner"}
FIGURE_FIELDS = {name for model in (Participation, ExhibitionStop) for name in model.PARTNER_FIGURES}


@pytest.fixture
def library():
    return LibraryFactory(short_name="Томская детская")


@pytest.fixture
def site(host, library):
    event = TelebridgeFactory(organiser=host, starts_at=yesterday_at(10, KEMEROVO), status=Status.HELD)
    ParticipationFactory(event=event, library=host, role=Participation.Role.ORGANISER)
    return ParticipationFactory(event=event, library=library, role=Participation.Role.SITE)


@pytest.fixture
def stop(host, library):
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    exhibition = ExhibitionFactory(provider=host)
    return ExhibitionStopFactory(
        exhibition=exhibition, venue=library, starts_on=yesterday - datetime.timedelta(days=20), ends_on=yesterday
    )


def logged_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _change_page(client, url: str, edit) -> None:
    data = page_data(client.get(url))
    edit(data)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


# Every supported way a figure is written: (name, row fixture, write(row, users) -> the user who wrote it, by partner).


def _portal_site(row, users):
    response = logged_in(users["partner"]).post(
        reverse("portal:participation", args=[row.pk]), {"action": "figures", "participants_count": "42"}
    )
    assert response.status_code == 302
    return users["partner"], True


def _portal_stop(row, users):
    response = logged_in(users["partner"]).post(
        reverse("portal:stop", args=[row.pk]), {"action": "figures", "visitors": "310", "excursions": "4"}
    )
    assert response.status_code == 302
    return users["partner"], True


def _admin_event_inline(row, users):
    def edit(data):
        index = next(k for k, v in data.items() if k.endswith("-id") and v == str(row.pk)).split("-")[1]
        data[f"participations-{index}-participants_count"] = "42"

    _change_page(logged_in(users["staff"]), reverse("admin:events_event_change", args=[row.event_id]), edit)
    return users["staff"], False


def _admin_participation(row, users):
    def edit(data):
        data["participants_count"] = "42"

    _change_page(logged_in(users["staff"]), reverse("admin:events_participation_change", args=[row.pk]), edit)
    return users["staff"], False


def _admin_exhibition_inline(row, users):
    def edit(data):
        index = next(k for k, v in data.items() if k.endswith("-id") and v == str(row.pk)).split("-")[1]
        data[f"stops-{index}-visitors"] = "310"

    _change_page(
        logged_in(users["staff"]), reverse("admin:exhibitions_exhibition_change", args=[row.exhibition_id]), edit
    )
    return users["staff"], False


def _admin_stop(row, users):
    def edit(data):
        data["visitors"] = "310"

    _change_page(logged_in(users["staff"]), reverse("admin:exhibitions_exhibitionstop_change", args=[row.pk]), edit)
    return users["staff"], False


WAYS = [
    ("site", _portal_site),
    ("stop", _portal_stop),
    ("site", _admin_event_inline),
    ("site", _admin_participation),
    ("stop", _admin_exhibition_inline),
    ("stop", _admin_stop),
]


@pytest.mark.parametrize(("kind", "write"), WAYS, ids=[write.__name__.strip("_") for _kind, write in WAYS])
def test_every_supported_way_to_write_figures_records_who_entered_them(request, superuser, library, kind, write):
    row = request.getfixturevalue(kind)
    users = {"partner": partner_user(library), "staff": superuser}
    author, by_partner = write(row, users)
    row = type(row).objects.get(pk=row.pk)
    assert any(getattr(row, name) is not None for name in row.PARTNER_FIGURES)
    assert row.figures_entered_by == author
    assert row.figures_entered_at is not None
    assert row.figures_by_partner is by_partner


def test_a_figure_changed_in_the_admin_is_no_longer_the_partners_confirmed_number(superuser, library, site):
    _portal_site(site, {"partner": partner_user(library)})
    assert Participation.objects.get(pk=site.pk).figures_by_partner

    def edit(data):
        data["participants_count"] = "40"

    _change_page(logged_in(superuser), reverse("admin:events_participation_change", args=[site.pk]), edit)

    row = Participation.objects.get(pk=site.pk)
    assert row.participants_count == 40
    assert not row.figures_by_partner and row.figures_entered_by == superuser


def test_saving_a_rows_other_fields_in_the_admin_keeps_the_partners_confirmation(superuser, library, site):
    _portal_site(site, {"partner": partner_user(library)})
    partner = Participation.objects.get(pk=site.pk).figures_entered_by

    def edit(data):
        data["notes"] = "Зал на 40 мест"

    _change_page(logged_in(superuser), reverse("admin:events_participation_change", args=[site.pk]), edit)

    row = Participation.objects.get(pk=site.pk)
    assert row.notes == "Зал на 40 мест"
    assert row.figures_by_partner and row.figures_entered_by == partner


def test_the_import_writes_no_library_figures():
    """No registry's file is of a library's own rows, nor sets their figures on the rows it links: the import has no
    figures to author (an events file carries the event's own total)."""
    assert SPECS and not [model for model in SPECS if issubclass(model, PartnerSide)]
    for spec in SPECS.values():
        for column in spec.columns:
            assert not set(getattr(column, "through_defaults", None) or {}) & FIGURE_FIELDS, column


def test_saving_a_row_records_nobody_behind_the_callers_back():
    assert "save" not in PartnerSide.__dict__ and "from_db" not in PartnerSide.__dict__


def _project_sources():
    for path in ROOT.rglob("*.py"):
        parts = path.relative_to(ROOT).parts
        if parts[0] in {"tests", ".venv", "bench", "node_modules"} or "migrations" in parts:
            continue
        yield path


def test_no_code_path_writes_the_figures_or_their_author_with_a_bulk_update():
    watched = FIGURE_FIELDS | AUTHOR_FIELDS
    found = []
    for path in _project_sources():
        for node in ast.walk(ast.parse(path.read_text(), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            if node.func.attr == "update":
                names = {keyword.arg for keyword in node.keywords}
            elif node.func.attr == "bulk_update":
                names = {
                    element.value
                    for argument in [*node.args[1:], *(k.value for k in node.keywords if k.arg == "fields")]
                    for element in ast.walk(argument)
                    if isinstance(element, ast.Constant) and isinstance(element.value, str)
                }
            else:
                continue
            if names & watched:
                found.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert found == []
