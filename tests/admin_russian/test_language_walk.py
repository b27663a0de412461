"""The language walk: every admin page and every portal page, for each group (методисты, руководители, the
superuser, a partner library's staff) and users of both genders, with the demo data loaded, fails on what a
Russian reader should never read (tests/admin_russian/language.py: Django's jargon, an empty type in a tooltip, a
month in the wrong case, straight quotes, a second spelling without ё, an IANA zone name, a doubled word,
English, a phrase of the wrong gender).

Each admin model's list (also searched, drilled down by date, and as the popup that chooses a related row), its
add, change, delete and history pages, the confirmation of deleting it from the list, a version to restore and
the import page; the portal's every page, the pages of each of the library's rows and agreements, the proposal
form with its errors, and the portal's pages for someone not logged in.
"""

import datetime
import os
from dataclasses import dataclass

import pytest
from django.contrib import admin
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction
from django.urls import NoReverseMatch, reverse
from django.utils import timezone

from agreements.models import Agreement, Library
from core.models import Profile
from portal import access
from portal.models import Membership
from tests import factories
from tests.conftest import ensure_staff_groups

from .language import problems
from .walk import WITHOUT_ROWS, maker_for

pytestmark = pytest.mark.django_db

PERSONAS = ["superuser", "methodologist", "manager"]
GENDERS = {"f": ("Анна", "Петрова"), "m": ("Иван", "Петров")}
GROUPS = {"methodologist": "Методисты", "manager": "Руководители"}
REGISTERED = sorted(model._meta.label_lower for model in admin.site._registry)


@dataclass
class World:
    objects: dict  # "app_label.model_name" → one row of that model
    users: dict  # (persona, gender) → user
    library: Library  # the partner library whose staff the portal users are


def make_user(persona: str, gender: str):
    first_name, last_name = GENDERS[gender]
    user = factories.UserFactory(
        username=f"{persona}-{gender}",
        first_name=first_name,
        last_name=last_name,
        is_superuser=persona == "superuser",
        is_staff=persona != "partner",
        groups=[GROUPS[persona]] if persona in GROUPS else [],
    )
    Profile.objects.update_or_create(user=user, defaults={"gender": gender})
    return user


def made(model):
    """A row of a model the demo has none of, from its factory (in a savepoint: a factory may want what the demo
    already holds, the host library)."""
    maker = maker_for(model)
    if maker is None:
        return None
    try:
        with transaction.atomic():
            return maker()
    except Exception:  # noqa: BLE001 - the rows below are made by hand instead
        return None


def extra_rows(library: Library) -> dict:
    from reminders.models import Reminder

    agreement = Agreement.objects.filter(partner=library).first()
    reminder = Reminder.objects.create(
        kind=Reminder.Kind.DORMANT,
        content_type=ContentType.objects.get_for_model(agreement),
        object_id=agreement.pk,
        due_on=datetime.date(2026, 12, 1),
        text="Соглашение бездействует",
        subject="Напоминания coopnet",
        recipients="alice@example.org",
        sent_at=timezone.now(),
    )
    return {
        "reminders.reminder": reminder,
        "portal.proposal": factories.ProposalFactory(library=library),
    }


def deleted_rows():
    """Records under «Удалённые записи», each with a row deleted along with it: an event (neuter) and a library
    (feminine)."""
    event = factories.EventFactory(title="Удалённый вебинар", organiser=Library.objects.get(is_host=True))
    factories.ParticipationFactory(event=event, library=Library.objects.filter(is_host=False).last())
    event.delete()
    library = factories.LibraryFactory(short_name="Удалённая библиотека")
    factories.ContactFactory(library=library)
    library.delete()


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The demo data, a row of every admin model, and a user of each persona and gender; loaded once for the
    module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        password = os.environ.pop("DJANGO_SUPERUSER_PASSWORD", None)
        try:
            call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
        finally:
            if password is not None:
                os.environ["DJANGO_SUPERUSER_PASSWORD"] = password
        ensure_staff_groups()
        library = Library.objects.filter(is_host=False).order_by("pk").first()
        users = {
            (persona, gender): make_user(persona, gender) for persona in [*PERSONAS, "partner"] for gender in GENDERS
        }
        for gender in GENDERS:
            Membership.objects.create(
                user=users["partner", gender], library=library, invited_at=timezone.now(), joined_at=timezone.now()
            )
        objects = extra_rows(library)
        deleted_rows()
        for model in admin.site._registry:
            label = model._meta.label_lower
            if label in WITHOUT_ROWS or label in objects:
                continue
            objects[label] = model._default_manager.order_by("-pk").first() or made(model)
        yield World(objects, users, library)
        transaction.set_rollback(True)


class Reader:
    """Opens pages as one user and keeps what is wrong on each."""

    def __init__(self, client, gender: str):
        self.client = client
        self.gender = gender
        self.found: list[str] = []

    def open(self, address, data=None, method="get", expect=(200, 302, 403, 404)):
        response = getattr(self.client, method)(address, data or {})
        assert response.status_code in expect, (address, response.status_code)
        if response.status_code != 302 and "text/html" in response.get("Content-Type", ""):
            self.found += [f"{address}: {problem}" for problem in problems(response.content.decode(), self.gender)]
        return response

    def assert_nothing_found(self):
        assert not self.found, "\n".join(self.found)


def url(label, view, *args, **kwargs):
    app_label, model_name = label.split(".")
    return reverse(f"admin:{app_label}_{model_name}_{view}", args=args, kwargs=kwargs)


def optional_url(label, view, *args):
    try:
        return url(label, view, *args)
    except NoReverseMatch:  # an admin without that page
        return None


@pytest.fixture
def reader(client, world, request):
    persona, gender = request.param
    client.force_login(world.users[persona, gender])
    return Reader(client, gender)


PEOPLE = [(persona, gender) for persona in PERSONAS for gender in GENDERS]


@pytest.mark.parametrize("reader", PEOPLE, indirect=True, ids=lambda person: "-".join(person))
def test_admin_home_and_app_pages(reader, world):
    reader.open(reverse("admin:index"))
    for app_label in sorted({model._meta.app_label for model in admin.site._registry}):
        reader.open(reverse("admin:app_list", args=[app_label]))
    reader.open(reverse("admin:password_change"))
    reader.open(reverse("reports:index"))
    reader.assert_nothing_found()


def walk_list(reader, label, obj):
    model_admin = admin.site._registry[next(m for m in admin.site._registry if m._meta.label_lower == label)]
    changelist = url(label, "changelist")
    reader.open(changelist)
    reader.open(changelist, {"q": "а"})
    reader.open(changelist, {"_popup": "1"})
    field = model_admin.date_hierarchy
    day = getattr(obj, field, None) if field and obj is not None else None
    if day is not None:
        reader.open(changelist, {f"{field}__year": day.year})
        reader.open(changelist, {f"{field}__year": day.year, f"{field}__month": day.month})
    if obj is not None:
        reader.open(changelist, {"action": "delete_selected", "_selected_action": [obj.pk]}, method="post")
    importing = optional_url(label, "import")
    if importing:
        reader.open(importing)


def walk_record(reader, label, obj):
    for view in ["change", "delete", "history"]:
        address = optional_url(label, view, obj.pk)
        if address:
            reader.open(address)
    history = getattr(obj, "history", None)
    version = history.order_by("history_id").first() if history is not None else None
    if version is not None:
        address = optional_url(label, "restore_version", obj.pk, version.history_id)
        if address:
            reader.open(address)


@pytest.mark.parametrize("label", REGISTERED)
@pytest.mark.parametrize("reader", PEOPLE, indirect=True, ids=lambda person: "-".join(person))
def test_every_admin_page_of_every_model(reader, world, label):
    obj = world.objects.get(label)
    walk_list(reader, label, obj)
    if optional_url(label, "add"):
        reader.open(url(label, "add"))
    if obj is not None:
        walk_record(reader, label, obj)
    reader.assert_nothing_found()


def portal_pages(library) -> list[str]:
    pages = [reverse(f"portal:{name}") for name in ["home", "activities", "proposals", "proposal_new", "report"]]
    pages += [reverse("portal:agreement", args=[agreement.pk]) for agreement in access.agreements(library)]
    pages += [reverse("portal:participation", args=[row.pk]) for row in access.participations(library)]
    pages += [reverse("portal:stop", args=[row.pk]) for row in access.stops(library)]
    pages += [reverse("portal:curatorship", args=[row.pk]) for row in access.curatorships(library)]
    return pages


@pytest.mark.parametrize("gender", GENDERS)
def test_every_portal_page(client, world, gender):
    client.force_login(world.users["partner", gender])
    reader = Reader(client, gender)
    for address in portal_pages(world.library):
        reader.open(address, expect=(200,))
    reader.assert_nothing_found()


def test_the_portals_pages_for_someone_not_logged_in(client, world):
    reader = Reader(client, "")
    for name in ["login", "password_reset", "password_reset_done", "password_reset_complete"]:
        reader.open(reverse(f"portal:{name}"), expect=(200,))
    reader.open(reverse("portal:invitation", args=["MQ", "set-password"]), expect=(400,))
    reader.open(reverse("portal:login"), {"username": "nobody@example.org", "password": "x"}, method="post")
    reader.assert_nothing_found()


@pytest.mark.parametrize("gender", GENDERS)
def test_the_proposal_forms_errors(client, world, gender):
    client.force_login(world.users["partner", gender])
    reader = Reader(client, gender)
    data = {
        "title": "Телемост о любимых книгах",
        "kind": "telebridge",
        "format": "online",
        "audience": "children",
        "starts_on": "20.05.2030",
        "ends_on": "10.05.2030",
        "description": "Читатели двух библиотек рассказывают о любимых книгах.",
    }
    response = reader.open(reverse("portal:proposal_new"), data, method="post", expect=(400,))
    reader.assert_nothing_found()
    page = response.content.decode()
    form = response.context["form"]
    said = [str(message) for messages in form.errors.values() for message in messages]
    assert [text for text in said if "раньше" in text] == ["Дата окончания не может быть раньше даты начала."]
    assert len(said) == len(set(said))
    # A field's error is listed at the top and beside its field; an error of the whole form at the top alone.
    for message in form.non_field_errors():
        assert page.count(message) == 1, message
    for field in form:
        for message in field.errors:
            assert page.count(message) == 2, message


def test_public_event_pages_in_russian_without_iana_names(client, world):
    """The public pages a reader opens around a telebridge: the lists and each telebridge's page (the reader's own
    zone is named by static/js/zone-names.js, tests/admin_russian/test_timezones.py)."""
    from events.models import Event

    reader = Reader(client, "")
    reader.open(reverse("events:list"), expect=(200,))
    reader.open(reverse("events:telebridges"), expect=(200,))
    for event in Event.objects.public().filter(kind=Event.Kind.TELEBRIDGE)[:5]:
        reader.open(reverse("events:detail", args=[event.slug]), expect=(200,))
    reader.assert_nothing_found()
