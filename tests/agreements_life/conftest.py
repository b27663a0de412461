import importlib

import pytest
from django.apps import apps

AMENDMENT_PERMISSIONS = importlib.import_module("agreements.migrations.0006_amendment_permissions")


@pytest.fixture(autouse=True)
def _amendment_permissions(db, request):
    """The groups' rights on supplementary agreements come from a data migration; a transactional test elsewhere
    may have flushed them, so grant them again (the grant is idempotent)."""
    if "methodologist" in request.fixturenames or "manager" in request.fixturenames:
        request.getfixturevalue("methodologist" if "methodologist" in request.fixturenames else "manager")
        AMENDMENT_PERMISSIONS.grant_amendment_permissions(apps, None)
