"""CPU time and SQL queries of each public page, rendered uncached through Django's test Client.

    python bench/pages/measure.py [--repeat 30] [--profile PATH_PREFIX] [--json OUT]

Settings come from the environment like the site's (DATABASE_URL, PAGE_CACHE=0, ...). The pages measured are
`pages()` below: the event and partner pages are the first public ones in the database, so the same data give
the same pages.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "coopnet.settings")

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from agreements.models import Library  # noqa: E402
from events.models import Event  # noqa: E402

SEARCH_QUERY = "сказки"


def pages() -> dict[str, str]:
    """Label -> path of every page the benchmark loads."""
    event = Event.objects.public().order_by("-starts_at", "pk").values_list("slug", flat=True).first()
    partner = Library.objects.public().exclude(is_host=True).order_by("slug").values_list("slug", flat=True).first()
    return {
        "home": "/",
        "events": "/events/",
        "events filtered": "/events/?format=online&kind=webinar",
        "telebridges": "/telebridges/",
        "event": f"/events/{event}/",
        "partner": f"/partners/{partner}/",
        "calendar.ics": "/events/calendar.ics",
        "search": "/search/?q=" + SEARCH_QUERY,
        "sitemap.xml": "/sitemap.xml",
    }


def measure(path: str, repeat: int) -> dict:
    client = Client()
    response = client.get(path)  # warm caches of templates, translations, URL resolvers
    assert response.status_code == 200, (path, response.status_code)
    with CaptureQueriesContext(connection) as queries:
        client.get(path)
    query_count = len(queries.captured_queries)  # read now: the property looks at the live log
    cpu = []
    for _ in range(repeat):
        start = time.process_time()
        client.get(path)
        cpu.append((time.process_time() - start) * 1000)
    return {
        "path": path,
        "queries": query_count,
        "cpu_ms": round(statistics.median(cpu), 2),
        "cpu_ms_min": round(min(cpu), 2),
        "bytes": len(response.content),
    }


def profile(path: str, prefix: str, repeat: int) -> None:
    from pyinstrument import Profiler

    client = Client()
    client.get(path)
    profiler = Profiler(interval=0.0002)
    with profiler:
        for _ in range(repeat):
            client.get(path)
    name = "".join(ch if ch.isalnum() else "-" for ch in path).strip("-") or "home"
    Path(f"{prefix}{name}.txt").write_text(profiler.output_text(unicode=True, show_all=False), encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--only", default="", help="comma-separated labels")
    parser.add_argument("--profile", default="", help="write a pyinstrument listing per page to PREFIX<page>.txt")
    parser.add_argument("--json", default="", help="write the figures as JSON here")
    args = parser.parse_args()
    if settings.PAGE_CACHE:
        print("PAGE_CACHE is on: set PAGE_CACHE=0 to measure rendering", file=sys.stderr)
        return 2
    selected = pages()
    if args.only:
        wanted = {label.strip() for label in args.only.split(",")}
        selected = {label: path for label, path in selected.items() if label in wanted}
    results = {}
    for label, path in selected.items():
        results[label] = measure(path, args.repeat)
        row = results[label]
        print(
            f"{label:16} {row['cpu_ms']:7.2f} ms CPU (min {row['cpu_ms_min']:.2f}) {row['queries']:3} queries  {path}"
        )
        if args.profile:
            profile(path, args.profile, args.repeat)
    if args.json:
        Path(args.json).write_text(json.dumps(results, ensure_ascii=False, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
