import os

from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from agreements.views import scan_download
from ops.covers import serve_cover
from ops.health import healthz

# A lost database connection noticed in a middleware (the session's, say) answers the Russian 503 page too.
handler500 = "ops.health.server_error"

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("admin/", admin.site.urls),
    path("staff/scans/<path:name>", scan_download, name="agreement-scan"),
    path("reports/", include("reports.urls")),
    path("partner/", include("portal.urls")),
    path("", include("coopnet.site_urls")),
    path("", include("events.urls")),
    path("", include("pages.partner_urls")),
    path("", include("exhibitions.urls")),
    path("", include("contests.urls")),
]

# Covers, in production as in development: served only while their record is public (ops/covers.py).
urlpatterns += [path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", serve_cover, name="cover")]

# The pages benchmark's yardstick (bench/pages/), never mounted in production: only bench/pages/run.sh sets this.
if os.environ.get("COOPNET_BENCH_BASELINE") == "1":
    urlpatterns += [path("", include("bench.pages.urls"))]
