"""Settings for the benchmark only: the real settings, the bench's own database, and `bench.urls`.

`BENCH_DATABASE_URL` (set by `python -m bench`) names the benchmark's database; it is never the
portal's. Static files come from the finders (no collectstatic), as in the tests.
"""
import os

os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-secret-key-not-for-production")

from config.settings import *  # noqa: E402,F403
from config.settings import database  # noqa: E402

DEBUG = False
DATABASES = {"default": database("BENCH_DATABASE_URL")}
ROOT_URLCONF = "bench.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_USE_FINDERS = True
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_SSL_REDIRECT = False
MEDIA_ROOT = BASE_DIR / "bench" / "media"  # noqa: F405
LOGGING = {"version": 1, "disable_existing_loggers": False,
           "handlers": {"console": {"class": "logging.StreamHandler"}},
           "root": {"handlers": ["console"], "level": "ERROR"}}

import warnings  # noqa: E402

# No collectstatic for the bench: whitenoise's warning about the missing STATIC_ROOT is noise here.
warnings.filterwarnings("ignore", message="No directory at", category=UserWarning)
