"""Test settings: the real settings with a fast password hasher and plain static files.

The database is whatever DATABASE_URL says (SQLite by default, PostgreSQL in CI's second run).
"""
import os

os.environ.setdefault("DJANGO_SECRET_KEY", "test-secret-key-not-for-production")
# A lock wait gives up after 2 s instead of 5 (tests/reliability/test_lock_timeout.py waits for it).
os.environ.setdefault("DJANGO_DB_LOCK_TIMEOUT", "2")

from config.settings import *  # noqa: E402,F403

DEBUG = False
# A connection per request, as before persistent connections: threads of the live server and of the
# concurrency tests must not keep one open, or the test database cannot be dropped at the end.
DATABASES["default"]["CONN_MAX_AGE"] = 0  # noqa: F405
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
LANGUAGE_CODE = "th"
# The link checker's internet probe never leaves this machine in tests: tests that need it point it
# at their own local servers (tests/linkcheck/test_offline.py).
URLCHECK_PROBE_TARGETS = []
# Most tests count items as the memo does (GD Catalog importer 2.1.0: 23/27/28 items); tests of 2.2.4 (the
# production default) name it.
GDC_IMPORTER_VERSION = "2.1.0"
