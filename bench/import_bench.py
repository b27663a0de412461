"""Import benchmark: an events file of 5,000 rows checked and imported through the admin, beside a baseline.

    .venv/bin/python bench/import_bench.py                 # 500 and 5,000 rows, 3 runs of each, SQLite file
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coopnet_import_bench .venv/bin/python bench/import_bench.py
    .venv/bin/python bench/import_bench.py --sizes 5000 --repeat 1 --profile      # plus a pyinstrument profile

What it does (see bench/README.md, «Import benchmark»):

1. makes the database when it is missing and migrates it: by default an SQLite file of its own,
   bench/out/import-bench.sqlite3; a PostgreSQL database when DATABASE_URL names one (created if missing);
2. writes an events file of N rows (XLSX, the template's columns: title, kind, format, organiser, one to three
   sites, start and end, audience, description…; bench/out/import-<N>.xlsx);
3. measures, each in a fresh process, after emptying the events of the run before (a database of its own):
   - **check**: «Проверить файл», the admin's POST of the upload, as a methodologist sends it;
   - **import**: «Импортировать», the POST of the checked file (checked first, untimed);
   - **baseline**: the same rows written by the plainest code that can write them: the file read, each row made
     an Event and its Participation rows, `bulk_create` of both, nothing checked, no versions. Measured in the same
     run, on the same machine under the same load: the import's time against it is what checking every row,
     the organiser's row, the versions and the admin's log cost;
4. prints a table, writes bench/out/import-<time>.json, and exits non-zero when checking or importing 5,000 rows
   takes 30 s or more (the median), or checking makes more queries for more rows.

`import_bench.py measure …` is the worker each subprocess runs.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"


def source() -> Path:
    """The code measured: this checkout, or another commit's tree (`--source`)."""
    return Path(os.environ.get("IMPORT_BENCH_SOURCE", ROOT)).resolve()


def sqlite_file() -> Path:
    """The SQLite database of the code measured: one per tree, as their migrations differ."""
    return OUT / ("import-bench.sqlite3" if source() == ROOT else f"import-bench-{source().name}.sqlite3")


STEPS = ["baseline", "check", "import"]
TARGET_SECONDS = 30.0
TARGET_ROWS = 5000
PARTNERS = 30
TITLE = "Бенчмарк импорта"


def bench_env() -> dict:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", f"sqlite:///{sqlite_file()}")
    env.setdefault("DJANGO_SETTINGS_MODULE", "coopnet.settings")
    env.setdefault("DJANGO_DEBUG", "0")
    env.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-not-for-production")
    env.setdefault("DJANGO_ALLOWED_HOSTS", "testserver")
    env.setdefault("DJANGO_SSL_REDIRECT", "0")  # the admin is asked over plain HTTP by Django's test client
    env.setdefault("DJANGO_SECURE_COOKIES", "0")
    env.setdefault("DJANGO_STATIC_MANIFEST", "0")  # the admin's pages name the static files; none are collected
    env.setdefault("DJANGO_LOG_LEVEL", "ERROR")
    env["PYTHONPATH"] = str(source()) + os.pathsep + env.get("PYTHONPATH", "")
    env["IMPORT_BENCH_SOURCE"] = str(source())
    return env


# -- the file -----------------------------------------------------------------------------------------------------


def partner_names() -> list[str]:
    return [f"Библиотека-партнёр {n:02d}" for n in range(1, PARTNERS + 1)]


def file_rows(rows: int) -> tuple[list[str], list[list]]:
    """The events template's header and `rows` rows of plausible events, every one different."""
    from events.models import Event
    from tabular import spec_for

    spec = spec_for(Event)
    names = partner_names()
    labels = {name: [str(label) for _value, label in Event._meta.get_field(name).choices] for name in ("kind",)}
    first = datetime.datetime(2027, 1, 11, 9, 0)
    by_header = []
    for n in range(rows):
        start = first + datetime.timedelta(days=n // 6, hours=(n % 6) * 2)
        sites = [names[(n + k) % PARTNERS] for k in range(1, 2 + n % 3)]
        values = {
            "title": f"{TITLE}: {labels['kind'][n % len(labels['kind'])]} № {n + 1}",
            "kind": labels["kind"][n % len(labels["kind"])],
            "format": "онлайн",
            "scope": "межрегиональный",
            "organiser": names[n % PARTNERS],
            "libraries": "; ".join(sites),
            "starts_at": start,
            "ends_at": start + datetime.timedelta(hours=1, minutes=30),
            "status": "запланировано",
            "audience": "дети",
            "age_rating": "6+",
            "online_url": f"https://example.org/webinar/{n + 1}",
            "description": "Совместное мероприятие библиотек-партнёров: чтение вслух, обсуждение, вопросы. " * 2,
            "is_published": "да",
        }
        by_header.append([values.get(column.name, "") for column in spec.columns])
    return spec.headers, by_header


def write_file(rows: int) -> Path:
    from tabular.files import write_xlsx

    path = OUT / f"import-{rows}.xlsx"
    header, data = file_rows(rows)
    path.write_bytes(write_xlsx(header, data, title="Мероприятия"))
    return path


# -- worker: one measurement in this (fresh) process --------------------------------------------------------------


def setup_world() -> None:
    """The libraries the file names and a methodologist; no event of an earlier run."""
    from django.contrib.admin.models import LogEntry
    from django.contrib.auth import get_user_model
    from django.db import connection, transaction

    from agreements.models import Library
    from events.models import Event, Participation

    tables = []
    for model in (Participation, Event):
        history = getattr(model, "history", None)
        if history is not None:
            version = history.model
            tables += [getattr(version, f.name).model._meta.db_table for f in version._history_m2m_fields]
            tables.append(version._meta.db_table)
        tables += [f.remote_field.through._meta.db_table for f in model._meta.many_to_many]
        tables.append(model._meta.db_table)
    try:
        from tabular.models import ImportedFile

        tables.append(ImportedFile._meta.db_table)
    except ImportError:  # code from before the import kept its marks in the cache
        pass
    tables.append(LogEntry._meta.db_table)
    with transaction.atomic(), connection.cursor() as cursor:
        for table in dict.fromkeys(tables):  # dependants first: a database of the benchmark's own
            cursor.execute(f"DELETE FROM {connection.ops.quote_name(table)}")  # model table names, quoted
        if not Library.objects.filter(is_host=True).exists():
            Library.objects.create(
                name="Государственная библиотека Кузбасса для детей и молодёжи",
                short_name="ГБКДМ",
                slug="gbkdm",
                is_host=True,
                region="Кемеровская область — Кузбасс",
                city="Кемерово",
                timezone="Asia/Novokuznetsk",
            )
        for n, name in enumerate(partner_names(), start=1):
            Library.objects.get_or_create(
                short_name=name,
                defaults={"name": f"{name} (полное название)", "slug": f"bench-partner-{n:02d}", "region": "Регион",
                          "city": "Город", "timezone": "Asia/Novokuznetsk"},
            )  # fmt: skip
        user, _created = get_user_model().objects.get_or_create(
            username="bench-methodologist", defaults={"is_staff": True, "is_superuser": True}
        )


def _client():
    from django.contrib.auth import get_user_model
    from django.test import Client

    client = Client()
    client.force_login(get_user_model().objects.get(username="bench-methodologist"))
    return client


def _upload(path: Path):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(path.name, path.read_bytes())


def baseline(path: Path) -> int:
    """The rows written by the plainest code that can write them: no check, no versions, no log."""
    from agreements.models import Library
    from events.models import Event, Participation
    from tabular.files import read_table
    from tabular.slugs import transliterate

    table = read_table(_upload(path))
    libraries = {library.short_name: library for library in Library.objects.all()}
    kinds = {str(label): value for value, label in Event.Kind.choices}
    events, sites = [], []
    zone = datetime.timezone(datetime.timedelta(hours=7))
    for n, row in enumerate(table[1:]):
        title, kind, _format, _scope, organiser, names, starts, ends = row[:8]
        start = datetime.datetime.strptime(starts, "%d.%m.%Y %H:%M").replace(tzinfo=zone)
        end = datetime.datetime.strptime(ends, "%d.%m.%Y %H:%M").replace(tzinfo=zone)
        event = Event(
            title=title,
            slug=f"{transliterate(title)[:180]}-{n}",
            kind=kinds[kind],
            organiser=libraries[organiser],
            starts_at=start,
            ends_at=end,
            description=row[17] if len(row) > 17 else "",
        )
        events.append(event)
        sites.append([libraries[name.strip()] for name in names.split(";")])
    Event.objects.bulk_create(events, batch_size=500)
    rows = []
    for event, libraries_of_row in zip(events, sites, strict=True):
        rows.append(Participation(event=event, library=event.organiser, role=Participation.Role.ORGANISER))
        rows += [Participation(event=event, library=library) for library in libraries_of_row]
    Participation.objects.bulk_create(rows, batch_size=500)
    return len(events)


def measure(step: str, path: Path, profile_out: str | None) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from events.models import Event

    setup_world()
    url = reverse("admin:events_event_import")
    client = _client() if step != "baseline" else None
    payload = None
    if step == "import":  # checked first, untimed: the import is the second POST
        checked = client.post(url, {"file": _upload(path)})
        assert checked.status_code == 200, checked.content.decode()[-2000:]
        payload = _payload_from(checked.content.decode())
    connection.ensure_connection()

    profiler = None
    if profile_out:
        from pyinstrument import Profiler

        profiler = Profiler()
        profiler.start()
    with CaptureQueriesContext(connection) as queries:
        cpu_started = time.process_time()
        started = time.perf_counter()
        if step == "baseline":
            added = baseline(path)
            status = 200
        elif step == "check":
            response = client.post(url, {"file": _upload(path)})
            status, added = response.status_code, 0
        else:
            response = client.post(url, {"payload": payload})
            status, added = response.status_code, Event.objects.count()
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu_started
    if profiler is not None:
        profiler.stop()
        Path(profile_out).write_text(profiler.output_text(unicode=True, color=False))
    expected = {"baseline": 200, "check": 200, "import": 302}[step]
    if status != expected:
        raise SystemExit(f"{step}: status {status}, expected {expected}")
    return {
        "step": step,
        "seconds": seconds,
        "cpu_seconds": cpu,  # this process (on SQLite the database engine is in it too)
        "queries": len(queries.captured_queries),
        "added": added,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _payload_from(html: str) -> str:
    marker = 'name="payload" value="'
    return html.split(marker, 1)[1].split('"', 1)[0]


# -- orchestrator -------------------------------------------------------------------------------------------------


def run(command: list[str], env: dict) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=source(), env=env, capture_output=True, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout or "")
        sys.stderr.write(result.stderr or "")
        raise SystemExit(f"failed: {' '.join(command)}")
    return result


def prepare_database(env: dict) -> str:
    url = env["DATABASE_URL"]
    if url.startswith(("postgres://", "postgresql://")):
        sys.path.insert(0, str(ROOT / "bench"))
        from report_bench import ensure_database

        ensure_database(url)
        kind = "PostgreSQL"
    else:
        kind = "SQLite file"
    print(f"migrating {kind} ({url})")
    run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env)
    return kind


def load() -> str:
    return " ".join(f"{value:.1f}" for value in os.getloadavg())


def check(results: dict, sizes: list[int]) -> list[dict]:
    verdicts = []
    largest = max(sizes)
    if largest >= TARGET_ROWS:
        for step in ("check", "import"):
            median = results[str(largest)][step]["seconds_median"]
            verdicts.append(
                {"check": f"{step} of {largest} rows under {TARGET_SECONDS:.0f} s", "ok": median < TARGET_SECONDS}
            )
    for size in sizes:  # a query per few hundred rows (a chunk of lookups), never one per row
        queries = results[str(size)]["check"]["queries"][0]
        ok = queries < 10 + size / 100
        verdicts.append({"check": f"checking {size} rows: under one query per 100 rows", "ok": ok})
    return verdicts


def table(results: dict, sizes: list[int]) -> str:
    lines = [
        "| rows | step | wall time, s (median; min) | CPU, s (median) | queries | peak RSS, MB | to the baseline |",
        "|---:|---|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        base = results[str(size)]["baseline"]["seconds_median"]
        for step in STEPS:
            row = results[str(size)][step]
            ratio = "—" if step == "baseline" else f"{row['seconds_median'] / base:.1f} ×"
            rows = f"{size:,}".replace(",", " ")
            lines.append(
                f"| {rows} | {step} | {row['seconds_median']:.2f}; {row['seconds_min']:.2f} | "
                f"{row['cpu_median']:.2f} | {row['queries'][0]} | {row['peak_rss_mb']:.0f} | {ratio} |"
            )
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        parser = argparse.ArgumentParser(prog="import_bench.py measure")
        parser.add_argument("--step", required=True, choices=STEPS)
        parser.add_argument("--file", required=True)
        parser.add_argument("--profile")
        args = parser.parse_args(sys.argv[2:])
        print(json.dumps(measure(args.step, Path(args.file), args.profile)))
        return 0
    if len(sys.argv) > 1 and sys.argv[1] == "write":
        import django

        django.setup()
        print(write_file(int(sys.argv[2])))
        return 0

    parser = argparse.ArgumentParser(description="Checking and importing an events file (see bench/README.md).")
    parser.add_argument("--sizes", default="500,5000", help="rows per file, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each step (median and fastest reported)")
    parser.add_argument("--profile", action="store_true", help="a pyinstrument profile of each step (largest size)")
    parser.add_argument("--source", help="measure another tree's code (git archive <commit> | tar -x -C DIR)")
    args = parser.parse_args()
    if args.source:
        os.environ["IMPORT_BENCH_SOURCE"] = str(Path(args.source).resolve())
    sizes = [int(size) for size in args.sizes.split(",")]
    OUT.mkdir(parents=True, exist_ok=True)
    env = bench_env()
    kind = prepare_database(env)
    started = datetime.datetime.now(datetime.UTC)
    print(f"load average before: {load()}")
    results: dict = {}
    for size in sizes:
        path = Path(run([sys.executable, __file__, "write", str(size)], env).stdout.strip().splitlines()[-1])
        results[str(size)] = {}
        runs = {step: [] for step in STEPS}
        for _ in range(args.repeat):
            for step in STEPS:  # the steps alternate, so the machine's load falls on each alike
                command = [sys.executable, __file__, "measure", "--step", step, "--file", str(path)]
                runs[step].append(json.loads(run(command, env).stdout.strip().splitlines()[-1]))
                print(f"  {size} rows, {step}: {runs[step][-1]['seconds']:.2f} s (load {load()})")
        for step, measured in runs.items():
            seconds = [m["seconds"] for m in measured]
            results[str(size)][step] = {
                "seconds_median": statistics.median(seconds),
                "seconds_min": min(seconds),
                "cpu_median": statistics.median(m["cpu_seconds"] for m in measured),
                "queries": [m["queries"] for m in measured],
                "peak_rss_mb": max(m["peak_rss_mb"] for m in measured),
                "runs": measured,
            }
        if args.profile and size == max(sizes):
            for step in STEPS:
                out = OUT / f"import-profile-{step}-{size}.txt"
                command = [sys.executable, __file__, "measure", "--step", step, "--file", str(path)]
                run([*command, "--profile", str(out)], env)
                print(f"  profile: {out}")
    verdicts = check(results, sizes)
    report = {
        "started": started.isoformat(timespec="seconds"),
        "database": kind,
        "source": str(source()),
        "load_after": load(),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "results": results,
        "checks": verdicts,
    }
    stamp = started.strftime("%Y%m%d-%H%M%S")
    (OUT / f"import-{stamp}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print()
    print(f"{kind}, {source()}, {started:%Y-%m-%d %H:%M} UTC, load average after: {report['load_after']}")
    print(table(results, sizes))
    for verdict in verdicts:
        print(("ok    " if verdict["ok"] else "FAILED") + "  " + verdict["check"])
    return 0 if all(v["ok"] for v in verdicts) else 1


if __name__ == "__main__":
    raise SystemExit(main())
