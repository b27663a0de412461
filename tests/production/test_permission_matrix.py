"""Every staff URL for every kind of visitor: anonymous, staff in no group, a methodologist, a manager, a superuser.

The expected answer of each model's pages follows from what each group is for (README, «Logging into the
admin»): methodologists keep the records (add, change, delete, view), managers read them, nobody but a superuser
manages accounts or lockouts. A record that does not exist is a 404 for everyone who may see such records."""

import pytest
from django.apps import apps
from django.contrib import admin
from django.urls import reverse

from tests.factories import AgreementFactory, EventFactory, HostLibraryFactory

pytestmark = pytest.mark.django_db

# The apps of the records readers see (each says so on its AppConfig): methodologists keep them, managers read them.
DOMAIN_APPS = {config.label for config in apps.get_app_configs() if getattr(config, "shown_to_readers", False)}
SUPERUSER_ONLY_APPS = {"auth", "axes"}
OK, FORBIDDEN, LOGIN = 200, 403, 302


def expected(who: str, app: str, action: str, model: str = "") -> int:
    """What a visitor of each kind gets on a model's page (action: changelist, add, change, delete, history)."""
    if who == "anonymous":
        return LOGIN
    if action == "add" and app in {"axes", "reminders", "history"}:
        return FORBIDDEN  # lockouts, sent reminders and deleted records are records of what happened: nobody adds them
    if (app, model, action) == ("portal", "proposal", "add"):
        return FORBIDDEN  # proposals come from the partners' portal
    if who == "superuser":
        return OK
    if app in SUPERUSER_ONLY_APPS or who == "outsider":
        return FORBIDDEN
    reading = action in ("changelist", "change", "history")
    if app in DOMAIN_APPS or app == "portal":  # portal: partners' accounts and proposals, kept by methodologists
        return OK if who == "methodologist" or reading else FORBIDDEN
    if app == "reminders":  # what was sent: read by both groups, written only by send_reminders
        return OK if reading else FORBIDDEN
    if app == "history":  # «Удалённые записи»: read by both groups, restored only by those who may add
        return OK if action == "changelist" else FORBIDDEN
    raise AssertionError(f"no rule for the app {app}")


@pytest.fixture
def visitors(client, outsider, methodologist, manager, superuser):
    return {
        "anonymous": None,
        "outsider": outsider,
        "methodologist": methodologist,
        "manager": manager,
        "superuser": superuser,
    }


def _model_pages():
    pages = []
    for model in admin.site._registry:
        opts = model._meta
        base = f"admin:{opts.app_label}_{opts.model_name}"
        pages.append((opts.app_label, opts.model_name, "changelist", reverse(f"{base}_changelist")))
        if opts.managed:  # «Удалённые записи» is a list, with nothing to add
            pages.append((opts.app_label, opts.model_name, "add", reverse(f"{base}_add")))
    return pages


def _get(client, user, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return client.get(url).status_code


def test_every_admin_list_and_add_page_answers_each_visitor_as_expected(client, visitors):
    HostLibraryFactory()
    mismatches = []
    for app, model, action, url in _model_pages():
        for who, user in visitors.items():
            want = expected(who, app, action, model)
            got = _get(client, user, url)
            if got != want:
                mismatches.append(f"{who} {url}: {got}, expected {want}")
    assert not mismatches, "\n".join(mismatches)


def test_a_records_change_history_and_delete_pages_answer_each_visitor_as_expected(client, visitors):
    event = EventFactory(is_published=False)
    agreement = AgreementFactory()
    for obj in (event, agreement):
        opts = obj._meta
        for action, want_methodologist, want_manager in (
            ("change", OK, OK),
            ("history", OK, OK),
            ("delete", OK, FORBIDDEN),
        ):
            url = reverse(f"admin:{opts.app_label}_{opts.model_name}_{action}", args=[obj.pk])
            wants = {
                "anonymous": LOGIN,
                "outsider": FORBIDDEN,
                "methodologist": want_methodologist,
                "manager": want_manager,
                "superuser": OK,
            }
            for who, user in visitors.items():
                assert _get(client, user, url) == wants[who], (who, url)


def test_a_record_that_does_not_exist_is_not_found_for_those_who_may_see_such_records(client, visitors):
    for name in ("events_event", "agreements_agreement"):
        url = reverse(f"admin:{name}_change", args=[987654])
        for who in ("methodologist", "manager", "superuser"):
            # The admin answers a missing id by going back to its home with a message (302): never a 500.
            assert _get(client, visitors[who], url) in (302, 404), (who, url)


def test_the_report_and_the_scans_answer_each_visitor_as_expected(client, visitors):
    wants = {"anonymous": LOGIN, "outsider": FORBIDDEN, "methodologist": OK, "manager": OK, "superuser": OK}
    for url in ("/reports/", reverse("reports:csv", args=[2020, 2020])):
        for who, user in visitors.items():
            assert _get(client, user, url) == wants[who], (who, url)
    missing_scan = "/staff/scans/agreements/scans/none.pdf"
    for who, user in visitors.items():
        got = _get(client, user, missing_scan)
        assert got == ({"anonymous": LOGIN, "outsider": FORBIDDEN}.get(who, 404)), (who, got)
