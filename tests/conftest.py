import importlib

import pytest
from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group
from django.test import override_settings

from tests.factories import HostLibraryFactory, UserFactory

GROUPS_MIGRATION = importlib.import_module("agreements.migrations.0003_groups")
# Every later data migration that grants the staff groups permissions, in migration order: (module, function).
GRANTS = [
    ("agreements.migrations.0006_amendment_permissions", "grant_amendment_permissions"),
    ("reports.migrations.0002_managers_see_annual_report", "grant_to_managers"),
    ("reports.migrations.0003_methodologists_see_annual_report", "grant_to_methodologists"),
    ("reminders.migrations.0002_staff_see_reminders", "grant"),
    ("history.migrations.0002_methodologists_may_delete", "grant_delete"),
    ("portal.migrations.0002_staff_permissions", "grant"),
]


def ensure_staff_groups():
    """The staff groups come from a data migration. A live-server (transactional) test ends by flushing the
    database, which takes them away from the tests after it; put them back, with their permissions."""
    names = {GROUPS_MIGRATION.METHODOLOGISTS, GROUPS_MIGRATION.MANAGERS}
    if Group.objects.filter(name__in=names).count() < len(names):
        GROUPS_MIGRATION.create_groups(apps, None)
        for module, function in GRANTS:
            getattr(importlib.import_module(module), function)(apps, None)
        for app in settings.TEST_KINDS:  # each test-only kind grants the groups its permissions (tests/kinds)
            importlib.import_module(f"{app}.migrations.0002_staff_permissions").grant(apps, None)


@pytest.fixture(autouse=True, scope="session")
def _fast_password_hashing():
    """Every user a test makes gets a password (tests/factories.py), and Django's PBKDF2 spends about a quarter of a
    second of CPU on each hash, on purpose; so does every login with a password. The tests check who may log in,
    not how costly a stolen hash is to crack: here, and only here, MD5 does the hashing. The tests that start
    manage.py in a process of its own (tests/backup, tests/settings) keep the real hashers."""
    with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
        yield


@pytest.fixture(autouse=True)
def _isolated_storage(settings, tmp_path):
    """Uploaded files of one test never land in the project or leak into another test."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "ops.storage.SafeFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "media"},
        },
        "scans": {
            "BACKEND": "ops.storage.SafeFileSystemStorage",
            "OPTIONS": {"location": tmp_path / "private", "base_url": "/staff/scans/"},
        },
    }


@pytest.fixture
def host(db):
    return HostLibraryFactory()


@pytest.fixture
def superuser(db):
    return UserFactory(username="root", is_superuser=True)


@pytest.fixture
def methodologist(db):
    ensure_staff_groups()
    return UserFactory(username="alice", groups=["Методисты"])


@pytest.fixture
def manager(db):
    ensure_staff_groups()
    return UserFactory(username="bob", groups=["Руководители"])


@pytest.fixture
def outsider(db):
    """Staff, but in no group: may log into the admin and see nothing."""
    return UserFactory(username="charlie")


def pytest_collection_modifyitems(config, items):
    """Tests marked `postgresql` exercise PostgreSQL-only features (full-text search): they run in the
    PostgreSQL pass and are deselected, not skipped, on SQLite — and `sqlite` ones the other way round.

    Under pytest-xdist every worker collects, and so deselects, on its own; the controller collects nothing.
    """
    from django.db import connection

    vendor = connection.vendor
    keep, drop = [], []
    for item in items:
        if (item.get_closest_marker("postgresql") and vendor != "postgresql") or (
            item.get_closest_marker("sqlite") and vendor != "sqlite"
        ):
            drop.append(item)
        else:
            keep.append(item)
    if drop:
        config.hook.pytest_deselected(items=drop)
        items[:] = keep


def pytest_deselected(items):
    """On an xdist worker, count what it deselected: the controller reports it (see pytest_terminal_summary)."""
    workeroutput = getattr(items[0].config, "workeroutput", None) if items else None
    if workeroutput is not None:
        workeroutput["deselected"] = workeroutput.get("deselected", 0) + len(items)


_deselected_on_workers = {}


@pytest.hookimpl(optionalhook=True)
def pytest_testnodedown(node, error):
    workeroutput = getattr(node, "workeroutput", None) or {}
    _deselected_on_workers[node.gateway.id] = workeroutput.get("deselected", 0)


def pytest_terminal_summary(terminalreporter):
    """xdist's summary line counts no deselected tests (its controller collects nothing): say how many there were."""
    counts = set(_deselected_on_workers.values())
    if counts and counts != {0}:
        terminalreporter.write_line(f"{max(counts)} tests deselected on each worker (-m, -k, the database markers)")
