import os

import pytest
from django.core.management import call_command
from django.db import transaction


def load(*args):
    call_command("load_demo", *args, stdout=open("/dev/null", "w"))  # noqa: SIM115


@pytest.fixture(scope="module")
def _demo_loaded(django_db_setup, django_db_blocker):
    """Load once per module (a load takes seconds); rolled back when the module's tests are done."""
    with django_db_blocker.unblock(), transaction.atomic():
        password = os.environ.pop("DJANGO_SUPERUSER_PASSWORD", None)
        try:
            load()
        finally:
            if password is not None:
                os.environ["DJANGO_SUPERUSER_PASSWORD"] = password
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo(_demo_loaded, db):
    """Each test still runs in its own transaction inside the loaded data."""
