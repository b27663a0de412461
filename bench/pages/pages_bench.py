"""The public pages benchmark: the production stack under wrk, each page beside a minimal-Django baseline.

Run through bench/pages/run.sh (see bench/README.md, "Public pages"). For each data size it fills the database
with `generate_data`, counts each page's queries and CPU time (bench/pages/measure.py), then for each mode —
uncached (PAGE_CACHE=0) and cached (PAGE_CACHE=1 on Redis) — starts gunicorn with gunicorn.conf.py and loads,
page by page, first the baseline (/bench/fortunes/) and then the page, with the same wrk settings.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote, urlsplit

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
OUT = ROOT / "bench" / "out"
PYTHON = os.environ.get("PYTHON", str(ROOT / ".venv" / "bin" / "python"))
BASELINE = "/bench/fortunes/"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/15")
# The pages loaded with wrk, by measure.py's labels (the sitemap is measured for CPU and queries only).
LOADED = ["home", "events", "events filtered", "telebridges", "event", "partner", "calendar.ics", "search"]
SAFE = "/?=&%"  # what stays as it is when a path with Cyrillic is quoted for the wire
TARGET_CPU_MS = 10.0
TARGET_P95_MS = 100.0


def log(message: str) -> None:
    print(f"[{datetime.datetime.now():%H:%M:%S}] {message}", flush=True)


def run(command: list[str], env: dict, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run(command, env=env, cwd=ROOT, check=True, **kwargs)


def ensure_database(url: str) -> None:
    """Create the benchmark's database when it is missing (its own: generate_data --clear rewrites it)."""
    import psycopg2

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = psycopg2.connect(
        dbname="postgres",
        user=parts.username or "postgres",
        password=parts.password,
        host=parts.hostname or "127.0.0.1",
        port=parts.port or 5432,
    )
    admin.autocommit = True
    with admin.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name])
        if cursor.fetchone() is None:
            log(f"creating database {name}")
            cursor.execute(f'CREATE DATABASE "{name}"')
    admin.close()


def analyze(url: str) -> None:
    """VACUUM ANALYZE, what autovacuum does soon after a bulk insert on a production server: fresh statistics, and
    the visibility map that lets PostgreSQL count from an index alone (this server may run with autovacuum off)."""
    import psycopg2

    connection = psycopg2.connect(url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE")
    connection.close()


def base_env(static_root: str) -> dict:
    env = dict(os.environ)
    env.update(
        {
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": env.get("DJANGO_SECRET_KEY") or "bench-pages-not-a-secret",
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
            "DJANGO_SSL_REDIRECT": "0",
            "DJANGO_STATIC_MANIFEST": "1",
            "DJANGO_STATIC_ROOT": static_root,
            "RATE_LIMIT_SEARCH": "0",
            "RATE_LIMIT_FEEDS": "0",
            "PYTHONPATH": str(ROOT),
        }
    )
    return env


def measure_pages(env: dict, repeat: int, out: Path) -> dict:
    """Queries and CPU time of each page through Django's test Client (no server), uncached."""
    env = {**env, "PAGE_CACHE": "0", "REDIS_URL": ""}
    run([PYTHON, str(HERE / "measure.py"), "--repeat", str(repeat), "--json", str(out)], env)
    return json.loads(out.read_text(encoding="utf-8"))


class Server:
    """gunicorn with the production config, the baseline mounted, logs to a temporary file."""

    def __init__(self, env: dict, port: int, mode: str):
        self.url = f"http://127.0.0.1:{port}"
        self.env = {**env, "HOST": "127.0.0.1", "PORT": str(port), "COOPNET_BENCH_BASELINE": "1"}
        if mode == "cached":
            self.env.update({"PAGE_CACHE": "1", "REDIS_URL": REDIS_URL})
        else:
            self.env.update({"PAGE_CACHE": "0", "REDIS_URL": ""})
        self.log_file = tempfile.NamedTemporaryFile(prefix=f"gunicorn-{mode}-", suffix=".log", delete=False)  # noqa: SIM115 closed in __exit__
        self.process: subprocess.Popen | None = None

    def __enter__(self):
        gunicorn = str(Path(PYTHON).parent / "gunicorn")
        self.process = subprocess.Popen(
            [gunicorn, "-c", "gunicorn.conf.py"],
            cwd=ROOT,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=2) as response:
                    if response.status == 200:
                        return self
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            if self.process.poll() is not None:
                break
            time.sleep(0.3)
        self.__exit__()
        raise RuntimeError(f"gunicorn did not start; see {self.log_file.name}")

    def __exit__(self, *exc):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.log_file.close()
        if not exc or exc[0] is None:
            os.unlink(self.log_file.name)

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + quote(path, safe=SAFE), timeout=30) as response:
                response.read()
                return response.status, response.headers.get("X-Page-Cache", "")
        except urllib.error.HTTPError as error:
            return error.code, ""


def wrk(url: str, duration: float, connections: int, threads: int) -> dict:
    command = [
        "wrk",
        f"-t{threads}",
        f"-c{connections}",
        f"-d{max(1, round(duration))}s",
        "--latency",
        "--timeout",
        "10s",
        "-s",
        str(HERE / "wrk_summary.lua"),
        url,
    ]
    output = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    line = next(line for line in output.splitlines() if line.startswith("WRKJSON "))
    data = json.loads(line[len("WRKJSON ") :])
    match = re.search(r"Requests/sec:\s+([\d.]+)", output)
    data["rps"] = float(match.group(1)) if match else data["requests"] / (data["duration_us"] / 1e6)
    return data


def load_pages(server: Server, paths: dict[str, str], args) -> dict:
    """wrk on the baseline, then on the page, for each page in turn: both see the same moment's load."""
    results = {}
    wrk(server.url + BASELINE, 1, args.connections, args.threads)  # warm every worker and connection
    for label in LOADED:
        path = paths[label]
        status, _ = server.get(path)
        status, cache_state = server.get(path)  # the second answer shows whether the cache serves it
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
        baseline = wrk(server.url + BASELINE, args.duration, args.connections, args.threads)
        page = wrk(server.url + quote(path, safe=SAFE), args.duration, args.connections, args.threads)
        results[label] = {"path": path, "cache": cache_state, "baseline": baseline, "page": page}
        log(
            f"  {label:16} {page['rps']:8.0f} req/s  p95 {page['p95_us'] / 1000:7.1f} ms   "
            f"baseline {baseline['rps']:7.0f} req/s  ratio {page['rps'] / baseline['rps']:.2f}"
        )
    return results


def machine() -> dict:
    model = ""
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            model = line.split(":", 1)[1].strip()
            break
    try:
        postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    except OSError:
        postgres = "?"
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "python": platform.python_version(),
        "postgres_client": postgres,
        "wrk": shutil.which("wrk") or "",
    }


def load_average() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def fmt_ms(microseconds: float) -> str:
    return f"{microseconds / 1000:.1f}"


def markdown(report: dict) -> str:
    m = report["machine"]
    lines = [
        "# Public pages benchmark",
        "",
        f"Run {report['started']} – {report['finished']}; machine: `nproc` {m['nproc']}, {m['cpu']}, "
        f"Python {m['python']}, {m['postgres_client']}; wrk {report['settings']['connections']} connections, "
        f"{report['settings']['threads']} threads, {report['settings']['duration']} s per run, on loopback "
        "(wrk shares the machine's cores with gunicorn and PostgreSQL).",
        "",
    ]
    for size in report["sizes"]:
        lines += [f"## {size['events']:,} events".replace(",", " "), ""]
        lines += [f"Load average before / after: {size['load_before']} / {size['load_after']}.", ""]
        lines += [
            "| page | queries | CPU ms (uncached, test client) | mode | req/s | p50 ms | p95 ms | p99 ms "
            "| baseline req/s | ratio | errors |",
            "|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|",
        ]
        for label in LOADED:
            measured = size["measured"][label]
            for mode, results in size["modes"].items():
                row = results[label]
                page, base = row["page"], row["baseline"]
                errors = page["errors"] + page["non2xx"]
                lines.append(
                    f"| {label} `{row['path']}` | {measured['queries']} | {measured['cpu_ms']:.1f} | {mode} "
                    f"| {page['rps']:.0f} | {fmt_ms(page['p50_us'])} | {fmt_ms(page['p95_us'])} "
                    f"| {fmt_ms(page['p99_us'])} | {base['rps']:.0f} | {page['rps'] / base['rps']:.2f} | {errors} |"
                )
        extra = {k: v for k, v in size["measured"].items() if k not in LOADED}
        for label, measured in extra.items():
            lines.append(f"| {label} `{measured['path']}` | {measured['queries']} | {measured['cpu_ms']:.1f} | — "
                         "| | | | | | | |")  # fmt: skip
        lines.append("")
    lines += ["## Targets", ""] + [f"- {check}" for check in report["checks"]] + [""]
    return "\n".join(lines)


def checks(report: dict) -> list[str]:
    found = []
    sizes = report["sizes"]
    for size in sizes:
        n = size["events"]
        for label, measured in size["measured"].items():
            ok = measured["cpu_ms"] < TARGET_CPU_MS
            found.append(f"{'PASS' if ok else 'FAIL'} CPU < {TARGET_CPU_MS:g} ms at {n} events: {label} "
                         f"{measured['cpu_ms']:.1f} ms")  # fmt: skip
        cached = size["modes"].get("cached", {})
        for label, row in cached.items():
            ratio = row["page"]["rps"] / row["baseline"]["rps"]
            found.append(
                f"{'PASS' if ratio >= 1 else 'FAIL'} cached ≥ 1.0× baseline at {n} events: {label} {ratio:.2f}"
            )
        uncached = size["modes"].get("uncached", {})
        if n >= 100_000 and "events" in uncached:
            p95 = uncached["events"]["page"]["p95_us"] / 1000
            found.append(f"{'PASS' if p95 < TARGET_P95_MS else 'FAIL'} /events/ p95 < 100 ms uncached: {p95:.1f} ms")
    if len(sizes) > 1:
        first, last = sizes[0], sizes[-1]
        for label in first["measured"]:
            a, b = first["measured"][label]["queries"], last["measured"][label]["queries"]
            found.append(f"{'PASS' if a == b else 'FAIL'} same queries at {first['events']} and {last['events']} "
                         f"events: {label} {a} / {b}")  # fmt: skip
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,100000", help="events to generate, comma-separated")
    parser.add_argument("--duration", type=float, default=10, help="seconds of each wrk run")
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--threads", type=int, default=2, help="wrk threads")
    parser.add_argument("--modes", default="uncached,cached")
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--repeat", type=int, default=20, help="test-client renders per page for the CPU figure")
    parser.add_argument("--skip-generate", action="store_true", help="measure the data already in the database")
    args = parser.parse_args()
    if not shutil.which("wrk"):
        print("wrk is not installed: apt-get install -y wrk", file=sys.stderr)
        return 2
    database_url = os.environ["DATABASE_URL"]
    if not database_url.startswith("postgres"):
        print("DATABASE_URL must name a PostgreSQL database of the benchmark's own", file=sys.stderr)
        return 2
    OUT.mkdir(parents=True, exist_ok=True)
    static_root = tempfile.mkdtemp(prefix="coopnet-bench-static-")
    env = base_env(static_root)
    report = {
        "started": f"{datetime.datetime.now(datetime.UTC):%Y-%m-%d %H:%M} UTC",
        "machine": machine(),
        "settings": vars(args),
        "sizes": [],
    }
    try:
        ensure_database(database_url)
        log("migrate, collectstatic")
        run([PYTHON, "manage.py", "migrate", "--noinput", "-v0"], env)
        run([PYTHON, "manage.py", "collectstatic", "--noinput", "-v0"], env)
        for events in [int(size) for size in args.sizes.split(",")]:
            if not args.skip_generate:
                log(f"generate_data --events {events}")
                command = ["generate_data", "--clear", "--partners", "100", "--events", str(events), "--seed", "42"]
                run([PYTHON, "manage.py", *command], env, stdout=subprocess.DEVNULL)
                analyze(database_url)
            size = {"events": events, "load_before": load_average(), "modes": {}}
            log(f"{events} events: queries and CPU per page")
            size["measured"] = measure_pages(env, args.repeat, OUT / f"pages-measure-{events}.json")
            paths = {label: row["path"] for label, row in size["measured"].items()}
            for mode in args.modes.split(","):
                if mode == "cached":
                    subprocess.run(["redis-cli", "-u", REDIS_URL, "FLUSHDB"], check=True, capture_output=True)
                log(f"{events} events, {mode}")
                with Server(env, args.port, mode) as server:
                    size["modes"][mode] = load_pages(server, paths, args)
            size["load_after"] = load_average()
            report["sizes"].append(size)
    finally:
        shutil.rmtree(static_root, ignore_errors=True)
    report["finished"] = f"{datetime.datetime.now(datetime.UTC):%H:%M} UTC"
    report["checks"] = checks(report)
    stamp = f"{datetime.datetime.now():%Y%m%d-%H%M%S}"
    (OUT / f"pages-results-{stamp}.json").write_text(json.dumps(report, indent=2, ensure_ascii=False), "utf-8")
    (OUT / "pages-results.md").write_text(markdown(report), encoding="utf-8")
    log(f"written {OUT / 'pages-results.md'}")
    print("\n".join(report["checks"]))
    return 0 if all(check.startswith("PASS") for check in report["checks"]) else 1


if __name__ == "__main__":
    sys.exit(main())
