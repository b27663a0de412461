"""gunicorn settings for `make serve` and the systemd unit: threads in a few processes, sized for the machine.

Every value can be set by the environment: WEB_WORKERS, WEB_THREADS, WEB_TIMEOUT, HOST/PORT (`bind`)."""

import multiprocessing
import os

bind = f"{os.environ.get('HOST', '127.0.0.1')}:{os.environ.get('PORT', '8000')}"
# One process per core (at least two, so one slow request never holds the site) with threads in each: most of a
# request's time is spent waiting for the database.
workers = int(os.environ.get("WEB_WORKERS", max(2, multiprocessing.cpu_count())))
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
