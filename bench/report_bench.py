"""Annual report benchmark on PostgreSQL: time, memory and SQL queries per format at two data sizes.

Run it through bench/run.sh (see bench/README.md). Without arguments it:

1. creates the benchmark database if it is missing and migrates it;
2. for each data size (1,000 and 100,000 events, 100 partners) regenerates the data with
   `manage.py generate_data --clear` and runs ANALYZE;
3. for each format (the report alone, XLSX, CSV, DOCX) measures build_report(year) + the export
   in fresh subprocesses, so one measurement's peak never leaks into the next:
   - "time" runs (repeated, median taken): wall time, SQL queries (CaptureQueriesContext) and the
     process's peak RSS (resource.getrusage ru_maxrss);
   - one "memory" run with tracemalloc on (it slows Python down, so its time is not reported):
     peak of Python allocations;
4. prints a table, writes bench/out/results-<timestamp>.json and bench/out/results.md, and exits
   non-zero when the query count differs between sizes or a target is missed.

`report_bench.py measure …` is the worker each subprocess runs; `--profile` adds a cProfile run per
format at the largest size (bench/out/profile-*.txt).
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
from urllib.parse import unquote, urlparse

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out"
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/coopnet_bench"
FORMATS = ["report", "xlsx", "csv", "docx"]
TARGET_XLSX_SECONDS = 5.0

# The generator leaves every activity "planned"; mark them as the status migration marked real data (what is
# over was held), with a few cancelled events and a few left unconfirmed, so the report sees every status.
MARK_STATUSES = [
    "UPDATE events_event SET status = 'held' WHERE status = 'planned' AND ends_at < now() AND id % 50 <> 0",
    "UPDATE events_event SET status = 'cancelled' WHERE status = 'held' AND id % 40 = 1",
    "UPDATE exhibitions_exhibitionstop SET status = 'held' WHERE status = 'planned' AND ends_on < current_date",
    "UPDATE exhibitions_exhibition e SET status = 'held' WHERE status = 'planned' AND NOT EXISTS "
    "(SELECT 1 FROM exhibitions_exhibitionstop s WHERE s.exhibition_id = e.id AND s.ends_on >= current_date)",
    "UPDATE contests_contest SET status = 'held' WHERE status = 'planned' "
    "AND COALESCE(results_on, submissions_until) < current_date",
    "UPDATE events_episode SET status = 'held' WHERE status = 'planned' AND published_on < current_date",
]
TARGET_PEAK_MB = 300.0


def bench_env() -> dict:
    env = dict(os.environ)
    env.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    env.setdefault("DJANGO_SETTINGS_MODULE", "coopnet.settings")
    # Production-like: DEBUG off (so Django keeps no query log of its own), a throw-away key.
    env.setdefault("DJANGO_DEBUG", "0")
    env.setdefault("DJANGO_SECRET_KEY", "benchmark-only-secret-key-not-for-production")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


# -- worker: one measurement in this (fresh) process ------------------------------------------------------------


def measure(fmt: str, year: int, mode: str, save: str | None, profile_out: str | None) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from reports import exports
    from reports.report import build_report

    export = {"report": None, "xlsx": exports.to_xlsx, "csv": exports.to_csv, "docx": exports.to_docx}[fmt]
    connection.ensure_connection()  # connecting is not part of building a report
    baseline_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    profiler = None
    if mode == "memory":
        import tracemalloc

        tracemalloc.start()
    elif mode == "profile":
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()

    with CaptureQueriesContext(connection) as queries:
        cpu_started = time.process_time()
        started = time.perf_counter()
        report = build_report(year)
        built = time.perf_counter()
        data = export(report) if export else b""
        finished = time.perf_counter()
        cpu = time.process_time() - cpu_started

    result = {
        "format": fmt,
        "mode": mode,
        "year": year,
        "build_seconds": built - started,
        "export_seconds": finished - built,
        "seconds": finished - started,
        "cpu_seconds": cpu,  # this process only: the database server's work is in sql_seconds
        "queries": len(queries.captured_queries),
        "sql_seconds": sum(float(q["time"]) for q in queries.captured_queries),
        "bytes": len(data),
        "baseline_rss_mb": baseline_kb / 1024,
        "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "events_in_year": sum(d.count for d in report.directions if d.key in ("events", "telebridges")),
    }
    if mode == "memory":
        import tracemalloc

        _current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        result["tracemalloc_peak_mb"] = peak / (1024 * 1024)
    if profiler is not None:
        import io
        import pstats

        profiler.disable()
        profiler.dump_stats(profile_out + ".prof")
        text = io.StringIO()
        stats = pstats.Stats(profiler, stream=text)
        stats.sort_stats("cumulative").print_stats(40)
        stats.sort_stats("tottime").print_stats(30)
        slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:10]
        text.write("\nSlowest queries:\n")
        for query in slowest:
            text.write(f"{float(query['time']):8.3f} s  {query['sql'][:600]}\n")
        Path(profile_out + ".txt").write_text(text.getvalue())
    if save and data:
        Path(save).write_bytes(data)
    return result


# -- orchestrator ---------------------------------------------------------------------------------------------------


def run(command: list[str], env: dict, capture: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=capture, text=True)
    if result.returncode != 0:
        sys.stderr.write(result.stdout or "")
        sys.stderr.write(result.stderr or "")
        raise SystemExit(f"failed: {' '.join(command)}")
    return result


def ensure_database(url: str) -> None:
    """Create the benchmark database when it does not exist yet (connecting to the `postgres` one)."""
    import psycopg2
    from psycopg2 import sql

    parsed = urlparse(url)
    if parsed.scheme not in {"postgres", "postgresql", "pgsql"}:
        raise SystemExit("The benchmark runs on PostgreSQL: set DATABASE_URL=postgres://…")
    name = unquote(parsed.path.lstrip("/"))
    params = {
        "host": parsed.hostname or "",
        "port": parsed.port or 5432,
        "user": unquote(parsed.username or ""),
        "password": unquote(parsed.password or ""),
        "dbname": "postgres",
    }
    connection = psycopg2.connect(**params)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            print(f"creating database {name}")
            cursor.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    connection.close()


def database_fact(url: str, query: str) -> str:
    import psycopg2

    parsed = urlparse(url)
    connection = psycopg2.connect(
        host=parsed.hostname or "",
        port=parsed.port or 5432,
        user=unquote(parsed.username or ""),
        password=unquote(parsed.password or ""),
        dbname=unquote(parsed.path.lstrip("/")),
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(query)
        value = cursor.fetchone()[0] if cursor.description else ""
    connection.close()
    return str(value)


def machine(url: str) -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    free = subprocess.run(["free", "-h"], capture_output=True, text=True).stdout.strip()
    return {
        "date": datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "memory": free,
        "postgresql": database_fact(url, "SELECT version()"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "commit": subprocess.run(
            ["git", "describe", "--always", "--dirty"], cwd=ROOT, capture_output=True, text=True
        ).stdout.strip(),
        "load_average_at_start": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }


def worker(args_: list[str], env: dict) -> dict:
    result = run([sys.executable, str(Path(__file__).resolve()), "measure", *args_], env)
    return json.loads(result.stdout.strip().splitlines()[-1])


def generate(options, events: int, env: dict, url: str) -> dict:
    """Fill the database with `events` synthetic events, then compact it; returns the timings for the results."""
    started = time.perf_counter()
    command = [sys.executable, "manage.py", "generate_data", "--clear", "--partners", str(options.partners)]
    command += ["--events", str(events), "--seed", str(options.seed), "--end-year", str(options.end_year)]
    generated = run(command, env)
    entry = {
        "generate_seconds": time.perf_counter() - started,
        "generate_summary": generated.stdout.strip().splitlines()[-1],
    }
    print(f"\n{events} events: generated in {entry['generate_seconds']:.1f} s")
    print(f"  {entry['generate_summary']}")
    for statement in MARK_STATUSES:
        database_fact(url, statement)
    print("  statuses: past activities held, every 40th event cancelled, every 50th left awaiting confirmation")
    # Compact the tables: earlier --clear runs leave dead rows behind, which would make every
    # sequential scan read several times the pages a real database of this size has.
    started = time.perf_counter()
    database_fact(url, "VACUUM (FULL, ANALYZE)")
    print(f"  VACUUM (FULL, ANALYZE) in {time.perf_counter() - started:.1f} s")
    return entry


def measure_format(options, fmt: str, events: int, env: dict) -> dict:
    """Time one format `options.repeat` times and measure its memory once; the row of the results."""
    year = options.year
    save = str(OUT / f"coopnet-report-{year}-{events}.{fmt if fmt != 'report' else 'none'}")
    timings = [
        worker(["--format", fmt, "--year", str(year), "--mode", "time", "--save", save], env)
        for _run in range(options.repeat)
    ]
    memory = worker(["--format", fmt, "--year", str(year), "--mode", "memory"], env)
    best = sorted(timings, key=lambda r: r["seconds"])[len(timings) // 2]  # the median run
    row = {
        "seconds_median": statistics.median(r["seconds"] for r in timings),
        "seconds_min": min(r["seconds"] for r in timings),
        "cpu_seconds_median": statistics.median(r["cpu_seconds"] for r in timings),
        "build_seconds": best["build_seconds"],
        "export_seconds": best["export_seconds"],
        "sql_seconds": best["sql_seconds"],
        "queries": sorted({r["queries"] for r in timings}),
        "peak_rss_mb": max(r["peak_rss_mb"] for r in timings),
        "baseline_rss_mb": min(r["baseline_rss_mb"] for r in timings),
        "tracemalloc_peak_mb": memory["tracemalloc_peak_mb"],
        "bytes": best["bytes"],
        "events_in_year": best["events_in_year"],
        "runs": timings,
    }
    print(
        f"  {fmt:6} {row['seconds_median']:7.2f} s (CPU {row['cpu_seconds_median']:.2f} s)  "
        f"queries {row['queries']}  RSS {row['peak_rss_mb']:.0f} MB  "
        f"tracemalloc {row['tracemalloc_peak_mb']:.0f} MB"
    )
    return row


def profile_format(options, fmt: str, events: int, env: dict) -> None:
    out = str(OUT / f"profile-{fmt}-{events}")
    worker(["--format", fmt, "--year", str(options.year), "--mode", "profile", "--profile-out", out], env)


def orchestrate(options) -> int:
    env = bench_env()
    url = env["DATABASE_URL"]
    OUT.mkdir(parents=True, exist_ok=True)
    ensure_database(url)
    info = machine(url)
    print(f"{info['date']} · {info['cpu']} · {info['nproc']} CPUs · Python {info['python']}")
    print(info["postgresql"])
    run([sys.executable, "manage.py", "migrate", "--noinput", "-v", "0"], env)

    sizes = [int(size) for size in options.sizes.split(",")]
    results: dict = {
        "machine": info,
        "year": options.year,
        "partners": options.partners,
        "seed": options.seed,
        "sizes": {},
        "checks": [],
    }
    for events in sizes:
        entry: dict = {"formats": {}}
        if not options.skip_generate:
            entry.update(generate(options, events, env, url))
        for fmt in FORMATS:
            entry["formats"][fmt] = measure_format(options, fmt, events, env)
            if options.profile and events == max(sizes):
                profile_format(options, fmt, events, env)
        results["sizes"][str(events)] = entry

    results["machine"]["load_average_at_end"] = " ".join(f"{x:.2f}" for x in os.getloadavg())
    ok = check(results, sizes)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%d-%H%M%S")
    (OUT / f"results-{stamp}.json").write_text(json.dumps(results, indent=2, ensure_ascii=False))
    table = markdown(results, sizes)
    (OUT / "results.md").write_text(table)
    print("\n" + table)
    print(f"results: {OUT / f'results-{stamp}.json'} and {OUT / 'results.md'}")
    return 0 if ok else 1


def check(results: dict, sizes: list[int]) -> bool:
    ok = True
    large = str(max(sizes))
    for fmt in FORMATS:
        counts = {size: results["sizes"][str(size)]["formats"][fmt]["queries"] for size in sizes}
        same = len({tuple(c) for c in counts.values()}) == 1 and all(len(c) == 1 for c in counts.values())
        results["checks"].append({"check": f"{fmt}: same number of queries at every size", "ok": same, "value": counts})
        ok &= same
    big = results["sizes"][large]["formats"]
    xlsx = big["xlsx"]["seconds_median"]
    results["checks"].append(
        {
            "check": f"xlsx at {large} events under {TARGET_XLSX_SECONDS:.0f} s",
            "ok": xlsx < TARGET_XLSX_SECONDS,
            "value": round(xlsx, 2),
        }
    )
    ok &= xlsx < TARGET_XLSX_SECONDS
    for fmt in FORMATS:
        rss = big[fmt]["peak_rss_mb"]
        traced = big[fmt]["tracemalloc_peak_mb"]
        passed = rss < TARGET_PEAK_MB and traced < TARGET_PEAK_MB
        results["checks"].append(
            {
                "check": f"{fmt} at {large} events: peak memory under {TARGET_PEAK_MB:.0f} MB",
                "ok": passed,
                "value": {"rss_mb": round(rss), "tracemalloc_mb": round(traced)},
            }
        )
        ok &= passed
    return ok


def _n(number: int) -> str:
    return f"{number:,}".replace(",", "\u202f")


def markdown(results: dict, sizes: list[int]) -> str:
    info = results["machine"]
    lines = [
        f"Year {results['year']}, {results['partners']} partners, seed {results['seed']}; "
        f"{info['date']}; commit {info.get('commit', '?')}; "
        f"load average {info['load_average_at_start']} → {info.get('load_average_at_end', '?')}.",
        "",
        "| events (total) | events in year | format | wall time, s (median; min) | build / export, s | SQL time, s "
        "| Python CPU, s | queries | peak RSS, MB | tracemalloc peak, MB | output |",
        "|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for size in sizes:
        entry = results["sizes"][str(size)]
        for fmt in FORMATS:
            row = entry["formats"][fmt]
            output = f"{row['bytes'] / 1024:.0f} KB" if row["bytes"] else "—"
            lines.append(
                f"| {_n(size)} | {_n(row['events_in_year'])} | {fmt} | {row['seconds_median']:.2f}; "
                f"{row['seconds_min']:.2f} | {row['build_seconds']:.2f} / {row['export_seconds']:.2f} | "
                f"{row['sql_seconds']:.2f} | {row['cpu_seconds_median']:.2f} | "
                f"{', '.join(map(str, row['queries']))} | {row['peak_rss_mb']:.0f} | "
                f"{row['tracemalloc_peak_mb']:.0f} | {output} |"
            )
    lines.append("")
    for size in sizes:
        entry = results["sizes"][str(size)]
        if "generate_seconds" in entry:
            lines.append(f"- generate_data at {_n(size)} events: {entry['generate_seconds']:.1f} s")
    lines.append("")
    for item in results["checks"]:
        lines.append(f"- {'PASS' if item['ok'] else 'FAIL'}: {item['check']} ({item['value']})")
    lines += [
        "",
        "Machine:",
        "",
        f"- CPU: {info['cpu']} × {info['nproc']}",
        f"- {info['postgresql']}",
        f"- Python {info['python']} on {info['platform']}",
        "",
        "```",
        info["memory"],
        "```",
        "",
    ]
    return "\n".join(lines)


def main() -> int:
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        parser = argparse.ArgumentParser(prog="report_bench.py measure")
        parser.add_argument("--format", choices=FORMATS, required=True)
        parser.add_argument("--year", type=int, required=True)
        parser.add_argument("--mode", choices=["time", "memory", "profile"], default="time")
        parser.add_argument("--save")
        parser.add_argument("--profile-out")
        args = parser.parse_args(sys.argv[2:])
        print(json.dumps(measure(args.format, args.year, args.mode, args.save, args.profile_out)))
        return 0

    this_year = datetime.date.today().year
    parser = argparse.ArgumentParser(description="Annual report benchmark on PostgreSQL (see bench/README.md).")
    parser.add_argument("--sizes", default="1000,100000", help="numbers of events to generate, comma-separated")
    parser.add_argument("--partners", type=int, default=100)
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--end-year", type=int, default=this_year - 1, help="last year of generated data")
    parser.add_argument("--year", type=int, default=None, help="report year (default: --end-year)")
    parser.add_argument("--repeat", type=int, default=3, help="timed runs per format (median reported)")
    parser.add_argument("--skip-generate", action="store_true", help="measure the data already in the database")
    parser.add_argument("--profile", action="store_true", help="also profile each format at the largest size")
    options = parser.parse_args()
    if options.year is None:
        options.year = options.end_year
    if options.repeat < 1 or options.partners < 1 or any(int(s) < 1 for s in options.sizes.split(",")):
        parser.error("--repeat, --partners and --sizes must be positive")
    if options.skip_generate and len(options.sizes.split(",")) != 1:
        parser.error("--skip-generate measures the data in the database: give a single --sizes value")
    return orchestrate(options)


if __name__ == "__main__":
    sys.exit(main())
