"""File formats side by side on PostgreSQL: the report's XLSX by XlsxWriter and by openpyxl, the calendar feed by
icalendar and by hand.

Run it on the data bench/run.sh generated (see bench/README.md, "File formats"):

    DATABASE_URL=postgres://… .venv/bin/python bench/formats_bench.py [--repeat 5] [--year 2025] [--only xlsx|ics]

- **XLSX**: `reports.exports.to_xlsx` at the report year, once with the workbook it uses (`tabular.xlsx.Workbook`,
  XlsxWriter in constant-memory mode) and once with `OpenpyxlWorkbook` below (openpyxl's write-only mode doing the
  same: the same cleaned cells, text as text, bold wrapped headers, widths, frozen header, autofilter, number
  formats, the two charts). Timed: `build_report(year)` then the export, as bench/run.sh times the report.
- **ICS**: `events.calendar.build_calendar` (the lines written by hand) and `with_icalendar()` below (icalendar's
  component tree: `events.calendar._calendar_event()` for each event, the time zone made once, `to_ical()`), on a
  subscription as the site serves it (the events from 90 days before "today" on, "today" being 30 days before the
  data's last event, as generate_data's history ends in the past) and on every public event (the whole
  100,000-event history in one feed). The two outputs are checked to be the same bytes (DTSTAMP aside). Timed:
  loading the events, then writing the feed.

Each measurement runs in a fresh process, the writers alternating, so neither inherits the other's warm caches or
memory; the median and the fastest of `--repeat` runs are printed, and written to bench/out/formats-<time>.json.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import re
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
XLSX_WRITERS = ["xlsxwriter", "openpyxl"]
ICS_WRITERS = ["by-hand", "icalendar"]
ICS_SCOPES = ["feed", "all"]


def bench_env() -> dict:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/coopnet_bench")
    env.setdefault("DJANGO_SETTINGS_MODULE", "coopnet.settings")
    env.setdefault("DJANGO_DEBUG", "0")
    env.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-not-for-production")
    env.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# -- openpyxl's write-only mode, doing what tabular.xlsx.Workbook does ---------------------------------------------


class OpenpyxlWorkbook:
    """tabular.xlsx.Workbook's interface and output, written by openpyxl in write-only mode."""

    def __init__(self, title: str):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        from core.cells import text

        self._book = Workbook(write_only=True)
        self._book.properties.title = text(title)
        self._bold, self._wrap = Font(bold=True), Alignment(vertical="top", wrap_text=True)

    def sheet(self, name, headers, rows, widths=(), charts=()):
        from openpyxl.cell import WriteOnlyCell
        from openpyxl.utils import get_column_letter

        from core.cells import cell, text
        from tabular.xlsx import DATE_FORMAT, DATETIME_FORMAT, DECIMAL_FORMAT

        sheet = self._book.create_sheet(text(name)[:31])
        for column, width in enumerate(widths, start=1):
            sheet.column_dimensions[get_column_letter(column)].width = width
        sheet.freeze_panes = "A2"

        def typed(value, number_format=None, data_type=None):
            made = WriteOnlyCell(sheet, value=value)
            if number_format:
                made.number_format = number_format
            if data_type:
                made.data_type = data_type
            return made

        header_cells = []
        for header in headers:
            made = typed(cell(header), data_type="s")
            made.font, made.alignment = self._bold, self._wrap
            header_cells.append(made)
        sheet.append(header_cells)
        count = 0
        for row in rows:
            count += 1
            out = []
            for value in row:
                value = cell(value)
                kind = type(value)
                if kind is str:
                    # openpyxl guesses a formula from a leading «=»: such text needs a cell typed as text.
                    out.append(typed(value, data_type="s") if value.startswith("=") else (value or None))
                elif kind is float:
                    out.append(typed(value, DECIMAL_FORMAT))
                elif kind is datetime.date:
                    out.append(typed(value, DATE_FORMAT))
                elif kind is datetime.datetime:
                    out.append(typed(value, DATETIME_FORMAT))
                else:
                    out.append(value)
            sheet.append(out)
        if count and headers:
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(headers))}{count + 1}"
        for chart in charts:
            self._chart(sheet, chart)

    def _chart(self, sheet, spec):
        from openpyxl.chart import BarChart, Reference
        from openpyxl.utils import get_column_letter

        chart = BarChart()
        chart.type = "col" if spec.vertical else "bar"
        chart.grouping = "stacked" if spec.stacked else "clustered"
        if spec.stacked:
            chart.overlap = 100
        chart.title, chart.x_axis.title, chart.y_axis.title = spec.title, spec.x_title or None, spec.y_title or None
        for s in spec.series:
            values = Reference(sheet, min_col=s.values + 1, min_row=s.name[0] + 1, max_row=s.last_row + 1)
            chart.add_data(values, titles_from_data=True)
            chart.set_categories(
                Reference(sheet, min_col=s.categories + 1, min_row=s.first_row + 1, max_row=s.last_row + 1)
            )
        chart.width, chart.height = spec.size[0] / 37.8, spec.size[1] / 37.8  # centimetres
        sheet.add_chart(chart, f"{get_column_letter(spec.anchor[1] + 1)}{spec.anchor[0] + 1}")

    def content(self) -> bytes:
        import io

        out = io.BytesIO()
        self._book.save(out)
        return out.getvalue()


# -- the feed through icalendar's component tree ------------------------------------------------------------------


def with_icalendar(events, request, *, name: str) -> bytes:
    """events.calendar.build_calendar's feed, written by icalendar: a component per event in one calendar."""
    import functools
    import zoneinfo

    from django.utils import timezone
    from icalendar import Calendar
    from icalendar import Event as CalendarEvent

    from events.calendar import _calendar_event, _FeedTexts, calendar_header

    @functools.cache
    def vtimezone(zone_name: str):
        probe_calendar, probe = Calendar(), CalendarEvent()
        probe.add("dtstart", datetime.datetime(2000, 1, 1, tzinfo=zoneinfo.ZoneInfo(zone_name)))
        probe_calendar.add_component(probe)
        probe_calendar.add_missing_timezones()
        return probe_calendar.walk("VTIMEZONE")[0]

    calendar = calendar_header(name)
    stamp, texts, urls = timezone.now(), _FeedTexts(), None
    for event in events:
        if urls is None:
            calendar.add_component(vtimezone(timezone.get_default_timezone().key))
            urls = request.build_absolute_uri(event.get_absolute_url()).rsplit(event.slug, 1)
        calendar.add_component(_calendar_event(event, f"{urls[0]}{event.slug}{urls[1]}", stamp, texts))
    return calendar.to_ical()


# -- workers: one measurement in this (fresh) process -------------------------------------------------------------


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_xlsx(writer: str, year: int, save: str | None) -> dict:
    import django

    django.setup()
    from django.db import connection

    from reports.exports import xlsx
    from reports.report import build_report

    if writer == "openpyxl":
        xlsx.Workbook = OpenpyxlWorkbook
    connection.ensure_connection()
    started, cpu = time.perf_counter(), time.process_time()
    report = build_report(year)
    built = time.perf_counter()
    rss_built = _rss_mb()
    data = xlsx.to_xlsx(report)
    finished = time.perf_counter()
    cpu = time.process_time() - cpu
    if save:
        Path(save).write_bytes(data)
    return {
        "writer": writer,
        "build_seconds": built - started,
        "export_seconds": finished - built,
        "seconds": finished - started,
        "cpu_seconds": cpu,
        "rss_after_build_mb": rss_built,
        "peak_rss_mb": _rss_mb(),
        "bytes": len(data),
    }


def measure_ics(writer: str, scope: str, save: str | None) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.db.models import Max
    from django.test import RequestFactory

    from events.calendar import build_calendar
    from events.models import Event
    from events.views import CALENDAR_PAST_DAYS

    write = build_calendar if writer == "by-hand" else with_icalendar
    events = Event.objects.public().order_by("starts_at", "pk")
    if scope == "feed":
        today = Event.objects.aggregate(last=Max("starts_at"))["last"] - datetime.timedelta(days=30)
        events = events.filter(ends_at__gte=today - datetime.timedelta(days=CALENDAR_PAST_DAYS))
    request = RequestFactory().get("/events/calendar.ics")
    connection.ensure_connection()
    started, cpu = time.perf_counter(), time.process_time()
    rows = list(events)
    loaded = time.perf_counter()
    data = write(rows, request, name="Мероприятия библиотек-партнёров")
    finished = time.perf_counter()
    cpu = time.process_time() - cpu
    if save:
        Path(save).write_bytes(data)
    return {
        "writer": writer,
        "scope": scope,
        "events": len(rows),
        "load_seconds": loaded - started,
        "write_seconds": finished - loaded,
        "seconds": finished - started,
        "cpu_seconds": cpu,
        "peak_rss_mb": _rss_mb(),
        "bytes": len(data),
    }


# -- orchestrator -------------------------------------------------------------------------------------------------


def worker(args: list[str], env: dict) -> dict:
    result = subprocess.run(
        [sys.executable, str(Path(__file__).resolve()), *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout + result.stderr)
        raise SystemExit(f"failed: {' '.join(args)}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def summary(runs: list[dict], keys: list[str]) -> dict:
    row = {key: statistics.median(r[key] for r in runs) for key in keys}
    row |= {f"{key}_min": min(r[key] for r in runs) for key in keys}
    row["peak_rss_mb"] = max(r["peak_rss_mb"] for r in runs)
    row["bytes"] = runs[-1]["bytes"]
    return row


def without_stamp(data: bytes) -> bytes:
    return re.sub(rb"DTSTAMP:[0-9TZ]+\r\n", b"", data)


def run_xlsx(options, env: dict, results: dict) -> None:
    runs: dict[str, list] = {w: [] for w in XLSX_WRITERS}
    for _round in range(options.repeat):
        for writer in XLSX_WRITERS:
            save = str(OUT / f"formats-{writer}-{options.year}.xlsx")
            runs[writer].append(
                worker(["measure-xlsx", "--writer", writer, "--year", str(options.year), "--save", save], env)
            )
    keys = ["seconds", "build_seconds", "export_seconds", "cpu_seconds"]
    results["xlsx"] = {w: summary(r, keys) | {"runs": r} for w, r in runs.items()}
    print(f"\nXLSX, report {options.year} (build + export), median; fastest of {options.repeat}:")
    for writer, row in results["xlsx"].items():
        print(
            f"  {writer:11} total {row['seconds']:.2f}; {row['seconds_min']:.2f} s  "
            f"export {row['export_seconds']:.2f}; {row['export_seconds_min']:.2f} s  "
            f"CPU {row['cpu_seconds']:.2f} s  peak RSS {row['peak_rss_mb']:.0f} MB  {row['bytes'] / 1024:.0f} KB"
        )


def run_ics(options, env: dict, results: dict) -> None:
    results["ics"] = {}
    for scope in ICS_SCOPES:
        runs: dict[str, list] = {w: [] for w in ICS_WRITERS}
        for _round in range(options.repeat):
            for writer in ICS_WRITERS:
                save = str(OUT / f"formats-{writer}-{scope}.ics")
                runs[writer].append(worker(["measure-ics", "--writer", writer, "--scope", scope, "--save", save], env))
        same = len({without_stamp((OUT / f"formats-{w}-{scope}.ics").read_bytes()) for w in ICS_WRITERS}) == 1
        keys = ["seconds", "load_seconds", "write_seconds", "cpu_seconds"]
        entry = {w: summary(r, keys) | {"events": r[0]["events"], "runs": r} for w, r in runs.items()}
        entry["same_bytes_but_dtstamp"] = same
        ratio = entry["icalendar"]["write_seconds"] / max(entry["by-hand"]["write_seconds"], 1e-9)
        entry["icalendar_over_by_hand"] = ratio
        results["ics"][scope] = entry
        print(f"\nICS, {scope} ({entry['icalendar']['events']} events), median; fastest of {options.repeat}:")
        for writer in ICS_WRITERS:
            row = entry[writer]
            print(
                f"  {writer:9} write {row['write_seconds']:.2f}; {row['write_seconds_min']:.2f} s  "
                f"load {row['load_seconds']:.2f} s  CPU {row['cpu_seconds']:.2f} s  "
                f"peak RSS {row['peak_rss_mb']:.0f} MB  {row['bytes'] / 1024:.0f} KB"
            )
        print(f"  icalendar takes {ratio:.1f}× the hand-written writer's time; same bytes (DTSTAMP aside): {same}")


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1].startswith("measure-"):
        parser = argparse.ArgumentParser(prog=f"formats_bench.py {sys.argv[1]}")
        parser.add_argument("--writer", required=True, choices=XLSX_WRITERS + ICS_WRITERS)
        parser.add_argument("--year", type=int)
        parser.add_argument("--scope", choices=ICS_SCOPES)
        parser.add_argument("--save")
        args = parser.parse_args(sys.argv[2:])
        if sys.argv[1] == "measure-xlsx":
            print(json.dumps(measure_xlsx(args.writer, args.year, args.save)))
        else:
            print(json.dumps(measure_ics(args.writer, args.scope, args.save)))
        return 0

    parser = argparse.ArgumentParser(description="XLSX and ICS writers side by side (see bench/README.md).")
    parser.add_argument("--year", type=int, default=datetime.date.today().year - 1, help="report year")
    parser.add_argument("--repeat", type=int, default=5, help="runs per writer (median and fastest reported)")
    parser.add_argument("--only", choices=["xlsx", "ics"])
    options = parser.parse_args()
    env = bench_env()
    OUT.mkdir(parents=True, exist_ok=True)
    results = {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "load_average_at_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "repeat": options.repeat,
        "year": options.year,
    }
    print(f"{results['date']}, commit {results['commit']}, load average {results['load_average_at_start']}")
    if options.only in (None, "xlsx"):
        run_xlsx(options, env, results)
    if options.only in (None, "ics"):
        run_ics(options, env, results)
    results["load_average_at_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    print(f"\nload average at the end {results['load_average_at_end']}")
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    (OUT / f"formats-{stamp}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
