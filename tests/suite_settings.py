"""The settings the tests run with: the project's own, plus the kinds of activity that exist only in the tests.

Each folder under tests/kinds/ is a Django app describing one kind (tests/kinds/README.md); every one found is
installed and its URLs mounted (tests/suite_urls.py), so the suite sees it wherever the site sees the kinds.
"""

from coopnet.settings import *  # noqa: F403
from coopnet.settings import BASE_DIR, INSTALLED_APPS

TEST_KINDS = sorted(f"tests.kinds.{apps.parent.name}" for apps in (BASE_DIR / "tests" / "kinds").glob("*/apps.py"))

INSTALLED_APPS = [*INSTALLED_APPS, *TEST_KINDS]
ROOT_URLCONF = "tests.suite_urls"
