"""Fault injection on the production stack: Redis and then the database go away under a running site.

Starts what `make serve` starts — migrate, collectstatic, gunicorn with gunicorn.conf.py, debug off — on a
PostgreSQL database of its own (created on the server DATABASE_URL names, else 127.0.0.1:5432, and dropped at the
end) with a throwaway `redis-server` on a free port, and speaks real HTTP to it:

1. everything up: public pages answer 200, the page cache answers (X-Page-Cache: hit), an admin logs in;
2. Redis stopped: the same pages answer 200 from the database, the admin logs in again, /healthz says 200
   "degraded" naming the cache, each process logs the outage once;
3. Redis started again: the page cache answers again by itself (a hit, and the page's key in Redis);
4. the database refusing connections (and every open one cut): pages answer the Russian 503 page, a login
   answers 503, /healthz answers 503 naming the database; nothing answers 500;
5. the database back: pages answer 200 again.

Exits non-zero on the first check that fails, printing the server's log; always stops what it started and removes
its files and its database.

    .venv/bin/python .ci/faults.py          # (.ci/run runs it as a stage of its own)
"""

from __future__ import annotations

import http.cookiejar
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
BIN = ROOT / ".venv" / "bin"
PYTHON = str(BIN / "python") if (BIN / "python").exists() else sys.executable
DEFAULT_SERVER = "postgres://postgres@127.0.0.1:5432/postgres"
WORKERS = 2
RETRY_AFTER = 5  # the cache's back-off (coopnet.settings.cache_from_url)
PASSWORD = "faults-" + secrets.token_urlsafe(12)
PUBLIC_PAGES = [
    "/",
    "/events/",
    "/telebridges/",
    "/partners/",
    "/agreements/",
    "/exhibitions/",
    "/contests/",
    "/events/?q=телемост",
    "/search/?q=сказки",
    "/sitemap.xml",
    "/robots.txt",
    "/events/feed/",
    "/events/calendar.ics",
]
UNAVAILABLE = "Сайт временно недоступен"
# Pages that read nothing from the database: they answer while it is gone.
WITHOUT_DATABASE = ["/robots.txt"]


class Failed(Exception):
    pass


def say(text: str) -> None:
    print(f"faults: {text}", flush=True)


def check(condition: bool, what: str) -> None:
    if not condition:
        raise Failed(what)
    say(f"ok  {what}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_port(port: int, seconds: float = 15) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.3).close()
            return
        except OSError:
            time.sleep(0.1)
    raise Failed(f"nothing answered on port {port} within {seconds} s")


# --- HTTP ------------------------------------------------------------------------------------------------------


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """Real HTTP with cookies, redirects not followed, any status returned rather than raised."""

    def __init__(self, base: str):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect)

    def request(self, path: str, data: dict | None = None, accept: str = "text/html,application/xhtml+xml"):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + _quoted(path), data=body, headers={"Accept": accept})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.headers, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.headers, error.read().decode("utf-8", "replace")

    def log_in(self, username: str, password: str) -> int:
        """The admin's login form as a browser sends it: its CSRF token first. The status of the POST."""
        status, _headers, page = self.request("/admin/login/?next=/admin/")
        if status != 200:
            return status
        return self.post_login(username, password, _csrf_token(page))

    def post_login(self, username: str, password: str, token: str) -> int:
        form = {"username": username, "password": password, "next": "/admin/", "csrfmiddlewaretoken": token}
        status, headers, _page = self.request("/admin/login/?next=/admin/", data=form)
        if status == 302 and headers.get("Location") != "/admin/":
            raise Failed(f"the login sent to {headers.get('Location')!r}, not /admin/")
        return status


def _quoted(path: str) -> str:
    return urllib.parse.quote(path, safe="/?=&%+")


def _csrf_token(page: str) -> str:
    found = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page)
    if not found:
        raise Failed("the login page has no CSRF token")
    return found.group(1)


def healthz(browser: Browser) -> tuple[int, dict]:
    status, _headers, body = browser.request("/healthz", accept="application/json")
    try:
        return status, json.loads(body)
    except ValueError as error:
        raise Failed(f"/healthz answered {status} with no JSON: {body[:200]!r}") from error


# --- the stack -------------------------------------------------------------------------------------------------


class Stack:
    def __init__(self) -> None:
        self.work = Path(tempfile.mkdtemp(prefix="coopnet-faults-"))
        self.server_url = self._server_url()
        self.database = f"coopnet_faults_{secrets.token_hex(6)}"
        self.redis_port = free_port()
        self.port = free_port()
        self.redis: subprocess.Popen | None = None
        self.gunicorn: subprocess.Popen | None = None
        self.database_created = False
        self.log = self.work / "server.log"

    @staticmethod
    def _server_url() -> str:
        url = os.environ.get("DATABASE_URL", "")
        return url if urlparse(url).scheme in {"postgres", "postgresql", "pgsql"} else DEFAULT_SERVER

    def database_url(self, name: str) -> str:
        return urlunparse(urlparse(self.server_url)._replace(path=f"/{name}", query="connect_timeout=3"))

    def env(self) -> dict[str, str]:
        inherited = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("DJANGO_", "DATABASE_", "REDIS_", "RATE_LIMIT", "PAGE_CACHE", "WEB_", "PG"))
        }
        return {
            **inherited,
            "DATABASE_URL": self.database_url(self.database),
            "REDIS_URL": f"redis://127.0.0.1:{self.redis_port}/0",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DJANGO_SSL_REDIRECT": "0",
            "DJANGO_HSTS_SECONDS": "0",
            "DJANGO_SECURE_COOKIES": "0",
            "DJANGO_MEDIA_ROOT": str(self.work / "media"),
            "DJANGO_PRIVATE_MEDIA_ROOT": str(self.work / "private-media"),
            "DJANGO_STATIC_ROOT": str(self.work / "static"),
            "DJANGO_LOG_FORMAT": "plain",
            "DJANGO_SUPERUSER_PASSWORD": PASSWORD,
            "HOST": "127.0.0.1",
            "PORT": str(self.port),
            "WEB_WORKERS": str(WORKERS),
            "WEB_THREADS": "2",
            "WEB_RUN_DIR": str(self.work / "run"),
            "PYTHONUNBUFFERED": "1",  # every log line in the file at once: the checks read it
        }

    def admin(self, sql: str, *params) -> None:
        import psycopg2

        connection = psycopg2.connect(self.database_url("postgres"))
        connection.autocommit = True
        try:
            with connection.cursor() as cursor:
                cursor.execute(sql, params)
        finally:
            connection.close()

    def manage(self, *args: str) -> None:
        result = subprocess.run(
            [PYTHON, "manage.py", *args], cwd=ROOT, env=self.env(), capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            raise Failed(f"manage.py {' '.join(args)} failed:\n{result.stdout}\n{result.stderr}")

    def start_redis(self) -> None:
        self.redis = subprocess.Popen(
            ["redis-server", "--port", str(self.redis_port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            cwd=self.work,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        wait_for_port(self.redis_port)

    def stop_redis(self) -> None:
        if self.redis is not None:
            self.redis.terminate()
            self.redis.wait(timeout=15)
            self.redis = None

    def prepare(self) -> None:
        if not shutil.which("redis-server"):
            raise Failed("redis-server is not installed (apt-get install redis-server)")
        self.admin(f'CREATE DATABASE "{self.database}"')
        self.database_created = True
        say(f"database {self.database}, Redis on port {self.redis_port}, the site on port {self.port}")
        self.manage("migrate", "--noinput", "-v0")
        self.manage("collectstatic", "--noinput", "-v0")
        self.manage("load_demo")
        self.manage("createsuperuser", "--noinput", "--username", "admin", "--email", "admin@example.org")

    def start_site(self) -> None:
        with self.log.open("w") as log:
            self.gunicorn = subprocess.Popen(
                [str(BIN / "gunicorn"), "--config", "gunicorn.conf.py"],
                cwd=ROOT,
                env=self.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        wait_for_port(self.port, seconds=60)

    def cut_database(self) -> None:
        """New connections refused, every open one cut, as when the server goes away."""
        self.admin(f'ALTER DATABASE "{self.database}" ALLOW_CONNECTIONS false')
        self.admin(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid()",
            self.database,
        )

    def restore_database(self) -> None:
        self.admin(f'ALTER DATABASE "{self.database}" ALLOW_CONNECTIONS true')

    def page_keys_in_redis(self) -> int:
        import redis

        client = redis.Redis(host="127.0.0.1", port=self.redis_port, socket_timeout=2)
        try:
            return sum(1 for _key in client.scan_iter(match="*pagecache:page:*"))
        finally:
            client.close()

    def stop(self) -> None:
        if self.gunicorn is not None and self.gunicorn.poll() is None:
            self.gunicorn.terminate()  # the master stops its workers
            try:
                self.gunicorn.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.gunicorn.pid, signal.SIGKILL)
                self.gunicorn.wait(timeout=10)
        self.gunicorn = None
        try:
            self.stop_redis()
        except subprocess.TimeoutExpired:
            os.killpg(self.redis.pid, signal.SIGKILL)
        if self.database_created:
            try:
                self.admin(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            except Exception as error:  # noqa: BLE001 — report, and go on cleaning
                say(f"could not drop the database {self.database}: {error}")
        shutil.rmtree(self.work, ignore_errors=True)


# --- the checks ------------------------------------------------------------------------------------------------


def event_page(browser: Browser) -> str:
    _status, _headers, page = browser.request("/events/")
    found = re.search(r'href="(/events/(?!feed/)[\w-]+/)"', page)
    if not found:
        raise Failed("no event is linked from /events/")
    return found.group(1)


def pages_answer(browser: Browser, pages: list[str], when: str) -> None:
    for path in pages:
        status, headers, _body = browser.request(path)
        check(status == 200, f"{when}: {path} answers 200 (got {status}, page cache {headers.get('X-Page-Cache')})")
    status, _headers, _body = browser.request("/no-such-page/")
    check(status == 404, f"{when}: a missing page answers 404 (got {status})")


def page_cache_answers(browser: Browser, path: str, seconds: float) -> None:
    """A hit within `seconds`: each gunicorn process tries Redis again once its back-off is over."""
    deadline = time.monotonic() + seconds
    seen = None
    while time.monotonic() < deadline:
        status, headers, _body = browser.request(path)
        seen = (status, headers.get("X-Page-Cache"))
        if seen == (200, "hit"):
            break
        time.sleep(0.5)
    check(seen == (200, "hit"), f"the page cache answers {path} (last: {seen})")


def run(stack: Stack) -> None:
    stack.start_redis()
    stack.prepare()
    stack.start_site()
    site = Browser(f"http://127.0.0.1:{stack.port}")
    status, health = healthz(site)
    check(status == 200 and health.get("status") == "ok", f"everything up: /healthz says ok ({status} {health})")
    pages = [*PUBLIC_PAGES, event_page(site)]

    pages_answer(site, pages, "everything up")
    page_cache_answers(site, "/", seconds=10)
    check(site.log_in("admin", PASSWORD) == 302, "everything up: the admin logs in")
    check(site.request("/admin/")[0] == 200, "everything up: the admin's home opens")

    say("stopping Redis")
    stack.stop_redis()
    reader = Browser(site.base)
    pages_answer(reader, pages, "Redis down")
    status, headers, _body = reader.request("/")
    check(status == 200 and headers.get("X-Page-Cache") != "hit", "Redis down: the home page comes from the database")
    admin = Browser(site.base)
    check(admin.log_in("admin", PASSWORD) == 302, "Redis down: the admin logs in")
    check(admin.request("/admin/")[0] == 200, "Redis down: the admin's home opens")
    status, health = healthz(reader)
    check(
        status == 200 and health.get("status") == "degraded" and health.get("cache") == "unavailable",
        f"Redis down: /healthz answers 200 naming the cache ({status} {health})",
    )
    outage_lines = stack.log.read_text(errors="replace").count("the shared cache (Redis) is unavailable")
    check(1 <= outage_lines <= WORKERS, f"Redis down: the outage is logged once per process ({outage_lines} lines)")

    say("starting Redis again")
    stack.start_redis()
    time.sleep(RETRY_AFTER + 0.5)
    page_cache_answers(reader, "/events/", seconds=20)
    check(stack.page_keys_in_redis() > 0, "Redis back: pages are kept in Redis again")
    status, health = healthz(reader)
    check(status == 200 and health.get("status") == "ok", f"Redis back: /healthz says ok ({status} {health})")

    say("cutting the database off")
    token_page = Browser(site.base)
    token = _csrf_token(token_page.request("/admin/login/?next=/admin/")[2])
    stack.cut_database()
    try:
        for path in pages:
            if path in WITHOUT_DATABASE:
                continue
            # Pages asked with a query of their own: none of them is in the page cache, each needs the database.
            fresh = path + ("&" if "?" in path else "?") + f"fault={secrets.token_hex(4)}"
            status, _headers, body = reader.request(fresh)
            check(
                status == 503 and UNAVAILABLE in body, f"database gone: {path} answers the Russian 503 page ({status})"
            )
        for path in WITHOUT_DATABASE:
            status = reader.request(path + f"?fault={secrets.token_hex(4)}")[0]
            check(status == 200, f"database gone: {path}, which needs no database, still answers 200 ({status})")
        check(token_page.post_login("admin", PASSWORD, token) == 503, "database gone: a login answers 503, not 500")
        for path in ("/admin/", f"/events/?fault={secrets.token_hex(4)}"):
            status, _headers, body = admin.request(path)  # with a session, read before any view runs
            check(status == 503 and UNAVAILABLE in body, f"database gone: {path} for the admin answers 503 ({status})")
        status, health = healthz(reader)
        check(
            status == 503 and health.get("database") == "unavailable",
            f"database gone: /healthz answers 503 naming the database ({status} {health})",
        )
    finally:
        stack.restore_database()
    say("the database is back")
    pages_answer(reader, ["/", "/events/"], "database back")
    status, health = healthz(reader)
    check(status == 200 and health.get("status") == "ok", f"database back: /healthz says ok ({status} {health})")
    log = stack.log.read_text(errors="replace")
    check('" 500 ' not in log and "Internal Server Error" not in log, "no request answered 500 in the server's log")


def main() -> int:
    stack = Stack()
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        run(stack)
    except (Exception, KeyboardInterrupt, SystemExit) as error:  # noqa: BLE001 — every failure is reported alike
        say(f"FAILED: {type(error).__name__}: {error}")
        if stack.log.exists():
            print("--- the server's log (last 80 lines) ---")
            print("\n".join(stack.log.read_text(errors="replace").splitlines()[-80:]))
        return 1
    finally:
        stack.stop()
    say("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
