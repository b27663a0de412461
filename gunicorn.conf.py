"""gunicorn settings for `make serve` and the systemd unit: threads in a few processes, sized for the machine.

Every value can be set by the environment: WEB_WORKERS, WEB_THREADS, WEB_TIMEOUT, HOST/PORT (`bind`), WEB_RUN_DIR and
WEB_CONTROL_SOCKET (below)."""

import multiprocessing
import os
from pathlib import Path

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One process per core (at least two, so one slow request never holds the site) with threads in each: most of a
# request's time is spent waiting for the database.
workers = int(os.environ.get("WEB_WORKERS") or max(2, multiprocessing.cpu_count()))
worker_class = "gthread"
threads = int(os.environ.get("WEB_THREADS", "4"))
timeout = int(os.environ.get("WEB_TIMEOUT", "60"))
graceful_timeout = 30
max_requests = 5000  # a worker is replaced now and then, so a slow leak cannot grow for ever
max_requests_jitter = 500
wsgi_app = "coopnet.wsgi:application"
accesslog = "-"  # stdout, for journald or the container's log
errorlog = "-"
access_log_format = '%(h)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms'  # the path without its query string (search words)
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")

# gunicorn's control socket (`gunicornc`: workers' status, their number, a graceful reload) lives in the project's own
# run directory, one per port, readable by the site's user only; gunicorn's default is one path per user, which
# every instance that user starts would share. WEB_CONTROL_SOCKET=off starts none. (gunicorn before 25.1 has no
# control socket and ignores these settings.)
run_dir = Path(os.environ.get("WEB_RUN_DIR") or Path(__file__).resolve().parent / "run")
if os.environ.get("WEB_CONTROL_SOCKET", "").lower() in {"off", "0", "no", "false"}:
    control_socket_disable = True
else:
    run_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    control_socket = os.environ.get("WEB_CONTROL_SOCKET") or str(
        run_dir / f"gunicorn-{os.environ.get('PORT', '8000')}.ctl"
    )
    control_socket_mode = 0o600
