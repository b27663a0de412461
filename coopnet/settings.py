"""Settings for coopnet, configured only by environment variables (see .env.example)."""

import os
from datetime import timedelta
from email.utils import getaddresses
from pathlib import Path
from urllib.parse import parse_qs, unquote, urlparse

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict:
    """Turn DATABASE_URL into a Django DATABASES entry (sqlite:/// or postgres://)."""
    if not url:
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}
    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative.db or sqlite:////absolute/path.db
        path = unquote(parsed.path)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": path[1:] or BASE_DIR / "db.sqlite3"}
    if parsed.scheme in {"postgres", "postgresql", "pgsql"}:
        options = {key: values[-1] for key, values in parse_qs(parsed.query).items()}
        # A server that is gone or unreachable fails a request in seconds (a 503 page), not at the worker's timeout.
        options.setdefault("connect_timeout", "5")
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "OPTIONS": options,
            # Connections are kept for a while and checked before reuse (a restarted server is noticed).
            "CONN_MAX_AGE": int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(f"DATABASE_URL: unsupported scheme {parsed.scheme!r}")


DEBUG = env_bool("DJANGO_DEBUG", False)

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off (set DJANGO_DEBUG=1 for local development)."
        )
    SECRET_KEY = "insecure-development-key-only-for-debug-mode"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]" if DEBUG else "")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    "adminkit.apps.CoopnetAdminConfig",  # django.contrib.admin with coopnet's site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django_filters",
    "adminkit.apps.AxesConfig",  # django-axes: locks an account out after repeated wrong passwords
    "simple_history",
    "core",  # the shared base: abstract models, vocabulary, dates, the {% load coopnet %} template helpers
    "ops",  # page cache, health, logs, rate limits, backups (backup, restore commands)
    "tabular",  # importing registries from files: which checked files were imported
    "agreements",
    "events",
    "exhibitions",
    "contests",
    "reports",
    "imports",
    "reminders",
    "portal",
    "history",  # after the domain apps: it tracks their models
    "staff",  # the admin home's dashboard
    "demo",  # the demo data (load_demo, generate_data commands)
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",  # static files with debug off, before anything else runs
    "ops.badrequest.ControlCharactersMiddleware",  # a control character in the address: 400, before any view
    "ops.health.DatabaseUnavailableMiddleware",  # a Russian 503 page when the database is down
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",  # the Content-Security-Policy header below
    "simple_history.middleware.HistoryRequestMiddleware",  # each version records who made it
    "axes.middleware.AxesMiddleware",  # turns a lockout into the Russian page
    "ops.pagecache.PageCacheMiddleware",  # last: a cached page still passes every header-setting one above
]

ROOT_URLCONF = "coopnet.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "pages.context_processors.site",
            ],
        },
    },
]

WSGI_APPLICATION = "coopnet.wsgi.application"

DATABASES = {"default": database_from_url(os.environ.get("DATABASE_URL", ""))}

# Readers' pages kept in the cache and revalidated by ETag (ops/pagecache.py); PAGE_CACHE=0 switches it off.
PAGE_CACHE = env_bool("PAGE_CACHE", True)

# One cache shared by every process when REDIS_URL is set (redis://127.0.0.1:6379/0); otherwise each process keeps
# its own in memory, which is right for one process and needs nothing installed.
REDIS_URL = os.environ.get("REDIS_URL", "")


def cache_from_url(url: str) -> dict:
    """The default cache: Redis that degrades while it cannot be reached (ops/cache.py), or local memory."""
    if not url:
        return {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "coopnet"}
    return {
        "BACKEND": "ops.cache.ResilientRedisCache",
        "LOCATION": url,
        "KEY_PREFIX": "coopnet",
        # A dead or unreachable server costs a request at most a second, and is then left alone for a few.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1, "RETRY_AFTER": 5},
    }


CACHES = {"default": cache_from_url(REDIS_URL)}

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # first: refuses a locked-out account before its password is checked
    "django.contrib.auth.backends.ModelBackend",
]
# Brute force: after AXES_FAILURE_LIMIT wrong passwords for one account from one address, that pair is locked out
# for AXES_COOLOFF_MINUTES (a superuser unlocks at once in the admin, «Попытки входа», or with
# `manage.py axes_reset_username <name>`). The attempts are kept in the database, shared by every process.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "30")))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Who the client is: the same answer as the rate limits' (TRUSTED_PROXIES below), so a header a client writes
# itself neither escapes a lockout nor locks another client out.
AXES_CLIENT_IP_CALLABLE = "ops.ratelimit.client_address"
AXES_VERBOSE = False

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "ru"
# Russian only until English translations exist: a browser asking for English still gets Russian.
LANGUAGES = [("ru", _("Русский"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Date formats where Django's Russian ones are wrong: a day takes its month in the genitive («7 декабря»).
FORMAT_MODULE_PATH = ["coopnet.formats"]
TIME_ZONE = "Asia/Novokuznetsk"  # Kemerovo, UTC+7: the host library's zone
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(os.environ.get("DJANGO_STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]

# Collected, hashed and compressed (`make serve` runs collectstatic); without it WhiteNoise serves the sources.
STATIC_MANIFEST = env_bool("DJANGO_STATIC_MANIFEST", not DEBUG)
WHITENOISE_USE_FINDERS = not STATIC_MANIFEST

MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("DJANGO_MEDIA_ROOT", BASE_DIR / "media"))

# Agreement scans can be up to 20 MB; let uploads that size through to the form's own check.
DATA_UPLOAD_MAX_MEMORY_SIZE = 25 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Fields in one form: the largest admin page at its inline bounds (adminkit.formsets: a contest with 100 entries,
# 100 curators and 30 nominations) sends about 2,300; more is a crafted request, refused with the 400 page.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 3000

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LOGIN_URL = "admin:login"
# Where a login lands when its `next` is missing or unsafe (another host, a scheme): the admin's home, not Django's
# /accounts/profile/, which the site does not have. The portal's login lands on the portal's home on its own.
LOGIN_REDIRECT_URL = "admin:index"

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# HTTPS in production: HTTP is redirected, and browsers are told to use HTTPS only (HSTS) for a year. Behind a
# proxy that terminates TLS, the proxy says so in X-Forwarded-Proto. `make serve` (a plain-HTTP trial) turns both off.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SSL_REDIRECT", not DEBUG)
# The health check answers over plain HTTP too: a probe aimed at gunicorn itself must not get a redirect.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SECURE_HSTS_SECONDS = int(os.environ.get("DJANGO_HSTS_SECONDS", "0" if DEBUG else "31536000"))
# Off unless asked: a library's other sites under the same domain may not speak HTTPS yet, and HSTS on them (or the
# browsers' preload list) cannot be taken back quickly. `check --deploy` is told so instead of warning every time.
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", False)
SILENCED_SYSTEM_CHECKS = [
    check
    for check, chosen in (("security.W005", SECURE_HSTS_INCLUDE_SUBDOMAINS), ("security.W021", SECURE_HSTS_PRELOAD))
    if not chosen
]
# Behind proxies (nginx, perhaps a load balancer before it): how many of them append to X-Forwarded-For, the
# nearest one last. The client is the entry that many places from the right (ops/ratelimit.py); what a client
# sends in the header itself stays to the left of it and is never taken. 0 (the default): the header is ignored
# and the client is the address that connected. DJANGO_BEHIND_PROXY=1 alone means one proxy.
_trusted_proxies = os.environ.get("DJANGO_TRUSTED_PROXIES", "") or ("1" if env_bool("DJANGO_BEHIND_PROXY") else "0")
if not (_trusted_proxies.strip().isdigit() and int(_trusted_proxies) <= 10):
    raise ImproperlyConfigured("DJANGO_TRUSTED_PROXIES: how many proxies stand before the site, 0 to 10, e.g. 1")
TRUSTED_PROXIES = int(_trusted_proxies)
if TRUSTED_PROXIES:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# Requests per client for the costly or abusable views (ops/ratelimit.py), per minute unless said otherwise; 0
# switches a limit off.
RATE_LIMITS = {
    # Text search: /search/ and every list filtered by words (`q` on /events/, /telebridges/), counted together.
    "search": int(os.environ.get("RATE_LIMIT_SEARCH", "60")),
    "feeds": int(os.environ.get("RATE_LIMIT_FEEDS", "30")),
    # The partner portal's «Забыли пароль?»: each request may send an email.
    "password_reset": int(os.environ.get("RATE_LIMIT_PASSWORD_RESET", "10")),
    # Partners' proposals sent through the portal, per hour: each one becomes a draft in the admin.
    "proposals": int(os.environ.get("RATE_LIMIT_PROPOSALS", "20")),
}

# Only the site's own scripts, styles, images and fonts; no inline code anywhere (the browser tests check every
# page under this policy). Everything ships with the project, so nothing else is ever needed.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
    }
}

# Logs: one JSON object per line on stdout (ops/logs.py: time, level, logger, message, a request's path and
# status), email addresses and query strings masked; DJANGO_LOG_FORMAT=plain prints text for a developer. With
# DJANGO_ADMINS ("Name <email>, …") set, errors are also emailed to those people, without form values or users.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "json")
LOG_LEVEL = os.environ.get("DJANGO_LOG_LEVEL", "WARNING")
if LOG_FORMAT not in {"json", "plain"}:
    raise ImproperlyConfigured("DJANGO_LOG_FORMAT: json (the default) or plain")
ADMINS = [(name, address) for name, address in getaddresses([os.environ.get("DJANGO_ADMINS", "")]) if address]
if any("@" not in address for _name, address in ADMINS):
    raise ImproperlyConfigured("DJANGO_ADMINS: comma-separated addresses, e.g. Иван Петров <it@library.ru>, …")
_log_handlers = ["console", "mail_admins"] if ADMINS else ["console"]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {"personal_data": {"()": "ops.logs.PersonalDataFilter"}},
    "formatters": {
        "json": {"()": "ops.logs.JsonFormatter"},
        "plain": {"format": "{asctime} {levelname} {name}: {message}", "style": "{"},
    },
    "handlers": {
        "console": {"class": "ops.logs.StdoutHandler", "formatter": LOG_FORMAT, "filters": ["personal_data"]},
        **(
            {
                "mail_admins": {
                    "class": "django.utils.log.AdminEmailHandler",
                    "level": "ERROR",
                    "filters": ["personal_data"],
                    "reporter_class": "ops.logs.PrivateExceptionReporter",
                }
            }
            if ADMINS
            else {}
        ),
    },
    # Django's own loggers are named to take its default handlers (plain text on stderr) away: they pass their
    # records up to the root's. runserver's request lines (django.server) stay on in development.
    "loggers": {
        "django": {"handlers": [], "level": LOG_LEVEL, "propagate": True},
        "django.server": {"handlers": [], "level": "INFO", "propagate": True},
    },
    "root": {"handlers": _log_handlers, "level": LOG_LEVEL},
}

# Signed agreement scans: kept outside MEDIA_ROOT and served only by a staff view.
PRIVATE_MEDIA_ROOT = Path(os.environ.get("DJANGO_PRIVATE_MEDIA_ROOT", BASE_DIR / "private-media"))
STORAGES = {
    # A failed write leaves nothing half-written and answers with a Russian page (ops/storage.py).
    "default": {"BACKEND": "ops.storage.SafeFileSystemStorage"},
    # Hashed, compressed copies made by collectstatic (`make serve`), served for a year by WhiteNoise. Debug mode and
    # the tests use the files as they are (DJANGO_STATIC_MANIFEST=0), so nothing needs collecting first.
    "staticfiles": {
        "BACKEND": (
            "whitenoise.storage.CompressedManifestStaticFilesStorage"
            if STATIC_MANIFEST
            else "django.contrib.staticfiles.storage.StaticFilesStorage"
        )
    },
    "scans": {
        "BACKEND": "ops.storage.SafeFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT, "base_url": "/staff/scans/"},
    },
}

# Email: printed to the console unless EMAIL_HOST names an SMTP server (reminders to the methodologists).
EMAIL_HOST = os.environ.get("EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)  # port 465
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", not EMAIL_USE_SSL)  # STARTTLS, port 587
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "coopnet <noreply@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Where the emails link to the admin.
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Days a partner's invitation link to the portal stays valid (portal/invitations.py); after that the methodologist
# sends a new one.
PORTAL_INVITATION_DAYS = int(os.environ.get("PORTAL_INVITATION_DAYS", "5"))
if not 1 <= PORTAL_INVITATION_DAYS <= 60:
    raise ImproperlyConfigured("PORTAL_INVITATION_DAYS: a whole number of days from 1 to 60, e.g. 5")

# Days before an agreement's term ends (or its prolongation-notice deadline) on which a reminder goes out.
_lead_days = env_list("REMINDER_LEAD_DAYS", "90,30,7")
if not _lead_days or not all(days.isdigit() and 0 < int(days) <= 366 for days in _lead_days):
    raise ImproperlyConfigured("REMINDER_LEAD_DAYS: whole numbers of days from 1 to 366, comma-separated, e.g. 90,30,7")
REMINDER_LEAD_DAYS = tuple(sorted({int(days) for days in _lead_days}, reverse=True))
