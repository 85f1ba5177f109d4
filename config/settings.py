"""Settings for the provincial data catalog portal.

Every setting that differs between a laptop and a production server is read from the
environment (see `.env.example`). Nothing here reads the database or other settings at
import time of an app module.
"""
from datetime import timedelta
from pathlib import Path

import environ
from celery.schedules import crontab
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="") or (
    "insecure-development-key-only-for-debug" if DEBUG else ""
)
if not SECRET_KEY:
    raise environ.ImproperlyConfigured("Set DJANGO_SECRET_KEY (or DJANGO_DEBUG=1 for development).")

ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
# National mode: each province is served at <slug>.<PORTAL_DOMAIN> (core/middleware.py ProvinceMiddleware);
# any other host (127.0.0.1, localhost, a single-province deployment's own name) serves
# PORTAL_DEFAULT_PROVINCE, or the first province loaded.
PORTAL_DOMAIN = env.str("PORTAL_DOMAIN", default="").strip(".").lower()
PORTAL_DEFAULT_PROVINCE = env.str("PORTAL_DEFAULT_PROVINCE", default="pattani")
if PORTAL_DOMAIN:
    ALLOWED_HOSTS = [*ALLOWED_HOSTS, PORTAL_DOMAIN, f".{PORTAL_DOMAIN}"]
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    # Project apps first: their translations take precedence over Django's own ("Change", "Remove").
    "core",
    "accounts",
    "catalog",
    "templates_app",
    "visualizations",
    "progress",
    "national",
    "opendata",
    "linkcheck",
    "jobs",
    "notifications",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "simple_history",
    "bootstrap",
    "accounts.apps.AxesConfig",  # django-axes, named in the admin
    "csp",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The request's province, from its host name: every query of the request keeps to it (core/tenancy.py).
    "core.middleware.ProvinceMiddleware",
    "catalog.middleware.ThaiFirstLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Before anything reads a request body (the CSRF check, views): refuses it on Content-Length.
    "core.middleware.RequestBodyLimitMiddleware",
    # A view that gave up waiting for a locked row: 409 "someone else is saving", not a server error.
    "core.middleware.RecordBusyMiddleware",
    # A NUL in a query parameter: 400 (PostgreSQL cannot compare text holding one).
    "core.middleware.NulInQueryMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.i18n",
                "catalog.context_processors.portal",
                "notifications.context_processors.unread",
            ],
        },
    },
]

WSGI_APPLICATION = "config.wsgi.application"

def database(url_variable: str, default: str | None = None) -> dict:
    """The database named by an environment variable, set up the way the portal runs."""
    config = env.db(url_variable, default=default)
    config["ATOMIC_REQUESTS"] = False
    # Keep each worker's connection open between requests (a new PostgreSQL connection costs more
    # than a whole cached page); health checks drop a connection the server closed.
    config["CONN_MAX_AGE"] = env.int("DJANGO_CONN_MAX_AGE", default=60)
    config["CONN_HEALTH_CHECKS"] = True
    if config["ENGINE"] == "django.db.backends.postgresql":
        # The dashboards' counting queries are estimated just above PostgreSQL's JIT threshold at a
        # few thousand items, and compiling them takes longer than running them. No statement waits
        # longer than DJANGO_DB_LOCK_TIMEOUT seconds for a row another request holds (core/locks.py).
        lock_ms = int(env.float("DJANGO_DB_LOCK_TIMEOUT", default=5) * 1000)
        config.setdefault("OPTIONS", {})["options"] = f"-c jit=off -c lock_timeout={lock_ms}"
    return config


DATABASES = {"default": database("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Rendered fragments of public pages, keyed by a fingerprint of the data they show (read from the
# database on every request), so each app server may keep its own in-memory cache.
CACHES = {"default": env.cache("DJANGO_CACHE_URL", default="locmemcache://portal")}

AUTH_USER_MODEL = "accounts.User"
# django-axes first: it refuses a locked-out username+IP before the password is even checked.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "accounts:landing"
LOGOUT_REDIRECT_URL = "catalog:home"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Thai first; English switchable through /i18n/setlang/.
LANGUAGE_CODE = "th"
LANGUAGES = [("th", "ไทย"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Bangkok"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# plotly.js is vendored in static/vendor/plotly (a partial bundle from npm): never from a CDN.
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str(
            "DJANGO_STATICFILES_STORAGE",
            default="django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage",
        )
    },
}
# whitenoise serves static files from the source folders (no collectstatic) when debugging and in `make run`.
WHITENOISE_USE_FINDERS = env.bool("DJANGO_STATIC_FROM_SOURCE", default=DEBUG)
MEDIA_ROOT = Path(env.str("DJANGO_MEDIA_ROOT", default=str(BASE_DIR / "media")))
# A request body over this many bytes is refused (413) from its Content-Length, before it is read: the
# largest upload is a 10 MB file (workbooks, data tables, minutes), plus room for the form around it.
# The reverse proxy refuses earlier still (README: nginx client_max_body_size).
REQUEST_MAX_BYTES = env.int("DJANGO_REQUEST_MAX_BYTES", default=11 * 1024 * 1024)
DATA_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 12 * 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

SESSION_ENGINE = "django.contrib.sessions.backends.db"
# A session lasts at most DJANGO_SESSION_SECONDS (8 hours, a working day) and ends when the
# browser closes: shared office computers are common in provincial offices.
SESSION_COOKIE_AGE = env.int("DJANGO_SESSION_SECONDS", default=8 * 60 * 60)
SESSION_EXPIRE_AT_BROWSER_CLOSE = env.bool("DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", default=True)
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Behind a TLS-terminating proxy (nginx, a load balancer) that sets X-Forwarded-Proto and
# X-Forwarded-For: trust them only then (DJANGO_BEHIND_PROXY=1), never when exposed directly.
BEHIND_PROXY = env.bool("DJANGO_BEHIND_PROXY", default=False)
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if BEHIND_PROXY else None
SECURE_SSL_REDIRECT = env.bool("DJANGO_SSL_REDIRECT", default=False)
# Secure cookies unless debugging: production serves only HTTPS.
SESSION_COOKIE_SECURE = env.bool("DJANGO_SECURE_COOKIES", default=not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
# HSTS: 0 (off) until the site is known to work over HTTPS; production sets 31536000 (a year).
# A year of HSTS covering subdomains is what the browsers' preload list asks, so `preload` is
# sent with it unless DJANGO_HSTS_PRELOAD=0.
SECURE_HSTS_SECONDS = env.int("DJANGO_HSTS_SECONDS", default=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = SECURE_HSTS_SECONDS > 0
SECURE_HSTS_PRELOAD = env.bool("DJANGO_HSTS_PRELOAD", default=SECURE_HSTS_SECONDS >= 365 * 24 * 60 * 60)

# Content-Security-Policy (django-csp): scripts only from our own static files (no inline script,
# no eval, no CDN); styles from our files plus inline, because plotly.js injects <style> elements
# and style attributes as it draws (and our templates use a few style attributes). Images may be
# data: URIs (Bootstrap's icons, plotly's SVG export). No framing, no plugins, forms post only here.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

# Sign-in throttling (django-axes, accounts/throttle.py): 10 wrong passwords for a username from one
# IP address lock that combination out for DJANGO_LOGIN_COOLOFF_MINUTES (30); 15 wrong passwords from
# one address over any usernames (password spraying) lock that address for every username. A success
# forgives that username's failures from that address. Other addresses are unaffected, so nobody can
# lock a colleague out from elsewhere. Attempts are stored (admin: Axes → access attempts) and logged
# on the "axes" logger.
AXES_ENABLED = env.bool("DJANGO_LOGIN_THROTTLE", default=True)
AXES_HANDLER = "accounts.throttle.PortalAxesHandler"
AXES_FAILURE_LIMIT = env.int("DJANGO_LOGIN_FAILURE_LIMIT", default=10)
LOGIN_ADDRESS_FAILURE_LIMIT = env.int("DJANGO_LOGIN_ADDRESS_FAILURE_LIMIT", default=15)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("DJANGO_LOGIN_COOLOFF_MINUTES", default=30))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"], "ip_address"]  # in this order (accounts/throttle.py)
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "registration/lockout.html"
AXES_SENSITIVE_PARAMETERS = ["password"]
# The client's address: behind the proxy, the one it appended to X-Forwarded-For.
AXES_IPWARE_PROXY_COUNT = env.int("DJANGO_PROXY_COUNT", default=1) if BEHIND_PROXY else None
AXES_IPWARE_META_PRECEDENCE_ORDER = ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"] if BEHIND_PROXY else ["REMOTE_ADDR"]

# The portal's own identity. The province's name and code come from the database
# (loaded by `load_reference`), so the same code serves any of the 76 provinces.
PORTAL_NAME_TH = env.str("PORTAL_NAME_TH", default="ระบบบัญชีข้อมูลจังหวัด")
PORTAL_NAME_EN = env.str("PORTAL_NAME_EN", default="Provincial Data Catalog")

# The link checker (linkcheck/check): its name in the User-Agent, and the "host:port" targets it tries
# when links fail before any server answers: if none answers either, the checker could not reach the
# internet and those links are "offline" (not broken). An empty list never decides offline.
URLCHECK_PORTAL_NAME = env.str("URLCHECK_PORTAL_NAME", default="PattaniDataCatalog")
URLCHECK_PROBE_TARGETS = env.list("URLCHECK_PROBE_TARGETS", default=["data.go.th:443", "www.google.com:443"])

# The job engine (config/celery.py). No broker: tasks run inline, in the process that queues them.
CELERY_BROKER_URL = env.str("CELERY_BROKER_URL", default="")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_BROKER_URL = CELERY_BROKER_URL or "memory://"  # never used inline; no attempt at a default AMQP broker
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_IGNORE_RESULT = True  # a job's outcome is stored on its Job row, not in a result backend
CELERY_TASK_ACKS_LATE = True  # a task whose worker dies is handed to another worker
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TIMEZONE = "Asia/Bangkok"
# The nightly schedule (was two cron lines): progress snapshots at 01:15, the link check at 02:15,
# notification digests at 07:00 (Bangkok time). Celery beat runs it: `make worker` (one host only).
CELERY_BEAT_SCHEDULE = {
    "snapshot-progress": {"task": "jobs.snapshot_progress", "schedule": crontab(hour=1, minute=15)},
    "check-urls": {"task": "linkcheck.start_run", "schedule": crontab(hour=2, minute=15),
                   "kwargs": {"stale_hours": 20}},
    "link-check-watch": {"task": "linkcheck.watch_open_runs", "schedule": 60.0},
    "daily-digests": {"task": "notifications.send_daily_digests", "schedule": crontab(hour=7, minute=0)},
}
# The distributed link check: at most this many requests at once to one host, a pause (seconds) between
# two requests of one slot, URLs per batch (what a killed worker can lose), and the lease (seconds) after
# which a host whose worker went silent is handed to another worker.
LINKCHECK_PER_HOST = env.int("LINKCHECK_PER_HOST", default=4)
LINKCHECK_HOST_PAUSE = env.float("LINKCHECK_HOST_PAUSE", default=0.5)
LINKCHECK_BATCH_SIZE = env.int("LINKCHECK_BATCH_SIZE", default=20)
LINKCHECK_LEASE_SECONDS = env.int("LINKCHECK_LEASE_SECONDS", default=120)
LINKCHECK_RETRY_AFTER_MAX = env.int("LINKCHECK_RETRY_AFTER_MAX", default=300)
# How many work tasks a run queues (each checks one host at a time): at least the workers' total concurrency.
LINKCHECK_TASKS = env.int("LINKCHECK_TASKS", default=32)

# E-mail (notifications): Django's SMTP backend, settings from the environment. The portal's address for links.
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.smtp.EmailBackend")
EMAIL_HOST = env.str("EMAIL_HOST", default="localhost")
EMAIL_PORT = env.int("EMAIL_PORT", default=25)
EMAIL_HOST_USER = env.str("EMAIL_HOST_USER", default="")
EMAIL_HOST_PASSWORD = env.str("EMAIL_HOST_PASSWORD", default="")
EMAIL_USE_TLS = env.bool("EMAIL_USE_TLS", default=False)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="catalog@localhost")
PORTAL_BASE_URL = env.str("PORTAL_BASE_URL", default="http://127.0.0.1:8000")
# Optional LINE group messages (LINE Messaging API push): off unless both are set.
LINE_CHANNEL_TOKEN = env.str("LINE_CHANNEL_TOKEN", default="")
LINE_GROUP_ID = env.str("LINE_GROUP_ID", default="")
LINE_API_URL = env.str("LINE_API_URL", default="")

# The GD Catalog Excel importer (ckanext-thai_gdc) the province's GD Catalog site runs: "2.2.4" (the newest
# public one: 24/28/29 items, data_classification, new licence and data-category lists) or "2.1.0" (23/27/28
# items, the memo's counts). The forms follow its schema and the workbook is made for it (the office can
# export for the other). GDC_SCHEMA_VERSION is read when GDC_IMPORTER_VERSION is not set (older deployments).
GDC_IMPORTER_VERSION = env.str("GDC_IMPORTER_VERSION", default=env.str("GDC_SCHEMA_VERSION", default="2.2.4"))
# How data reaches GD Catalog: "workbook" (the office uploads the GD Catalog workbook: a multi-choice item takes
# one value, as the importer takes one per cell) or "harvest" (GD Catalog harvests the public catalog's API,
# which carries lists).
GDC_DELIVERY = env.str("GDC_DELIVERY", default="workbook")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    # One readable line per event: time, level, where from, what.
    "formatters": {"line": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s",
                            "datefmt": "%Y-%m-%d %H:%M:%S"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "line"}},
    "root": {"handlers": ["console"], "level": env.str("DJANGO_LOG_LEVEL", default="WARNING")},
    # Sign-in failures and lockouts (django-axes) and the audit log are always logged.
    "loggers": {
        "axes": {"handlers": ["console"], "level": "WARNING", "propagate": False},
        "portal.audit": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
