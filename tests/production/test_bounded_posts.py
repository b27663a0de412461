"""No POST can make the admin build more forms than a save may carry (adminkit.formsets), nor send more fields
than the largest page needs (DATA_UPLOAD_MAX_NUMBER_FIELDS): a huge `…-TOTAL_FORMS` gets the formset's Russian
message, with no more forms built than the bound; too many fields get the 400 page."""

import pytest
from django.conf import settings
from django.contrib import admin
from django.urls import reverse

from adminkit.formsets import NEW_ROWS_MAX
from events.models import Participation
from tests.admin.test_pages import FACTORIES
from tests.factories import (
    AgreementFactory,
    ContestFactory,
    CuratorFactory,
    EntryFactory,
    EventFactory,
    HostLibraryFactory,
    LibraryFactory,
    NominationFactory,
    ParticipationFactory,
)

pytestmark = pytest.mark.django_db

HUGE = str(10**6)


def change_url(obj) -> str:
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def with_inlines() -> list[str]:
    return [label for label in FACTORIES if admin.site._registry[_model(label)].inlines]


def _model(label):
    return next(m for m in admin.site._registry if f"{m._meta.app_label}.{m._meta.model_name}" == label)


def formsets_of(response) -> list:
    return [inline.formset for inline in response.context["inline_admin_formsets"]]


@pytest.fixture
def staff(admin_client):
    HostLibraryFactory()
    return admin_client


@pytest.mark.parametrize("label", with_inlines())
def test_a_huge_total_forms_gets_a_message_and_no_more_forms_than_the_bound(staff, label):
    obj = FACTORIES[label]()
    page = staff.get(change_url(obj))
    prefixes = [formset.prefix for formset in formsets_of(page)]
    assert prefixes, label
    data = {}
    for prefix in prefixes:
        data |= {f"{prefix}-TOTAL_FORMS": HUGE, f"{prefix}-INITIAL_FORMS": "0", f"{prefix}-MAX_NUM_FORMS": HUGE}

    response = staff.post(change_url(obj), data)

    assert response.status_code == 200
    assert "Слишком много строк: за одно сохранение — не больше" in response.content.decode()
    for formset in formsets_of(response):
        assert len(formset.forms) <= formset.max_num <= NEW_ROWS_MAX + formset.queryset.count(), formset.prefix
        assert formset.absolute_max == formset.max_num


def test_a_huge_initial_forms_builds_no_more_forms_either(staff):
    event = EventFactory()
    data = {"participations-TOTAL_FORMS": HUGE, "participations-INITIAL_FORMS": HUGE}

    response = staff.post(change_url(event), data)

    assert response.status_code == 200
    [formset] = formsets_of(response)
    assert len(formset.forms) <= NEW_ROWS_MAX
    assert not Participation.objects.exists()


def test_the_amendments_page_bounds_new_rows_lower(staff):
    agreement = AgreementFactory(partner=LibraryFactory())

    response = staff.post(change_url(agreement), {"amendments-TOTAL_FORMS": HUGE, "amendments-INITIAL_FORMS": "0"})

    [formset] = formsets_of(response)
    assert formset.max_num == 20
    assert len(formset.forms) == 20
    assert "не больше 20." in response.content.decode()


def test_rows_already_stored_beyond_the_bound_stay_editable(staff):
    """A record with more rows than a save may add keeps them all, and may still add more."""
    event = EventFactory()
    for _ in range(NEW_ROWS_MAX + 5):
        ParticipationFactory(event=event)

    page = staff.get(change_url(event))

    [formset] = formsets_of(page)
    assert formset.max_num == 2 * NEW_ROWS_MAX + 5
    assert len(formset.forms) == NEW_ROWS_MAX + 5 + 1  # the rows and one empty row


def test_too_many_fields_answer_400_with_the_russian_page(staff):
    event = EventFactory()
    data = {f"field{n}": "x" for n in range(settings.DATA_UPLOAD_MAX_NUMBER_FIELDS + 1)}

    response = staff.post(change_url(event), data)

    assert response.status_code == 400
    assert "Неверный запрос" in response.content.decode()


def test_the_largest_page_at_its_bounds_fits_the_fields_limit(staff):
    """A contest with as many entries, curators and nominations as one save may add, saved as the browser sends it."""
    contest = ContestFactory()
    for _ in range(NEW_ROWS_MAX):
        EntryFactory(contest=contest)
        CuratorFactory(contest=contest, library=LibraryFactory())
    for n in range(30):
        NominationFactory(contest=contest, name=f"Номинация {n}")

    page = staff.get(change_url(contest)).content.decode()

    fields = page.count(' name="')
    # Each inline may add as many again in the browser before saving.
    assert fields + NEW_ROWS_MAX * 20 + 30 * 5 < settings.DATA_UPLOAD_MAX_NUMBER_FIELDS, fields
