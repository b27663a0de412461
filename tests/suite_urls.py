"""The site's URLs and those of the test-only kinds (tests/suite_settings.py)."""

from django.conf import settings
from django.urls import include, path

from coopnet.urls import handler500  # noqa: F401 — the site's, in the root URLconf
from coopnet.urls import urlpatterns as site_urlpatterns

urlpatterns = [*(path("", include(f"{app}.urls")) for app in settings.TEST_KINDS), *site_urlpatterns]
