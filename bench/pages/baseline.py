"""The yardstick of the pages benchmark: TechEmpower's "fortunes" test on this very stack.

A minimal Django view that reads 12 rows, adds one made at request time, sorts them and renders a small template
with autoescaping, served by the same gunicorn processes, middleware and database as the real pages. Mounted only
when COOPNET_BENCH_BASELINE=1 (coopnet/urls.py), which the benchmark sets and production never does.
"""

from pathlib import Path

from django.http import HttpResponse
from django.template import engines
from django.views.decorators.http import require_safe

from agreements.models import Library

TEMPLATE = engines["django"].from_string((Path(__file__).parent / "fortunes.html").read_text(encoding="utf-8"))
ROWS = 12


@require_safe
def fortunes(request):
    rows = list(Library.objects.order_by("pk").values_list("pk", "short_name")[:ROWS])
    rows.append((0, "Additional fortune added at request time."))
    rows.sort(key=lambda row: row[1])
    response = HttpResponse(TEMPLATE.render({"fortunes": rows}, request))
    # A fixed yardstick in both runs: the page cache must not keep it.
    response["Cache-Control"] = "no-store"
    return response
