"""Production settings: `manage.py check --deploy` is silent, sessions expire, secrets come from the environment."""
import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_SETTINGS_MODULE": "config.settings",
    "DJANGO_SECRET_KEY": secrets.token_urlsafe(64),
    "DJANGO_DEBUG": "0",
    "DJANGO_HSTS_SECONDS": "31536000",
    "DJANGO_SSL_REDIRECT": "1",
    "DJANGO_SECURE_COOKIES": "1",
    "DJANGO_BEHIND_PROXY": "1",
    "DJANGO_ALLOWED_HOSTS": "catalog.example.go.th",
    "DJANGO_CSRF_TRUSTED_ORIGINS": "https://catalog.example.go.th",
}


def manage(*args, env):
    base = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "DATABASE_URL"))}
    return subprocess.run([sys.executable, "manage.py", *args], cwd=ROOT, env={**base, **env},
                          capture_output=True, text=True, timeout=120)


def test_check_deploy_is_silent_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "DEBUG", env=PRODUCTION)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout, result.stdout + result.stderr
    assert "WARNING" not in result.stderr and "W0" not in result.stdout + result.stderr


def test_production_values():
    script = ("from django.conf import settings as s; print(s.DEBUG, s.SECURE_SSL_REDIRECT, s.SESSION_COOKIE_SECURE, "
              "s.CSRF_COOKIE_SECURE, s.SECURE_HSTS_SECONDS, s.SECURE_HSTS_INCLUDE_SUBDOMAINS, "
              "s.SECURE_PROXY_SSL_HEADER, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.AXES_FAILURE_LIMIT)")
    result = manage("shell", "--no-imports", "-c", script, env=PRODUCTION)
    assert result.stdout.split() == ["False", "True", "True", "True", "31536000", "True",
                                     "('HTTP_X_FORWARDED_PROTO',", "'https')", "True", "10"], result.stderr


def test_a_secret_key_is_required_without_debug():
    env = {key: value for key, value in PRODUCTION.items() if key != "DJANGO_SECRET_KEY"}
    result = manage("check", env=env)
    assert result.returncode != 0 and "DJANGO_SECRET_KEY" in result.stderr


def test_the_defaults_are_safe():
    """Without any DJANGO_ variable but the key: no debug, secure cookies, no proxy header trusted."""
    result = manage("shell", "--no-imports", "-c", "from django.conf import settings as s; print(s.DEBUG, s.SESSION_COOKIE_SECURE, "
                    "s.SECURE_PROXY_SSL_HEADER, s.SESSION_EXPIRE_AT_BROWSER_CLOSE, s.X_FRAME_OPTIONS)",
                    env={"DJANGO_SETTINGS_MODULE": "config.settings", "DJANGO_SECRET_KEY": secrets.token_urlsafe(64)})
    assert result.stdout.split() == ["False", "True", "None", "True", "DENY"], result.stderr


def test_env_example_documents_every_security_variable():
    text = (ROOT / ".env.example").read_text()
    for name in [*PRODUCTION, "DJANGO_SESSION_SECONDS", "DJANGO_SESSION_EXPIRE_AT_BROWSER_CLOSE", "DJANGO_HSTS_PRELOAD",
                 "DJANGO_LOGIN_FAILURE_LIMIT", "DJANGO_LOGIN_COOLOFF_MINUTES", "DJANGO_PROXY_COUNT"]:
        if name != "DJANGO_SETTINGS_MODULE":
            assert f"{name}=" in text, name


@pytest.fixture
def signed_in(client, db):
    from accounts.models import User
    from tests.factories import UserFactory

    client.post("/accounts/login/", {"username": UserFactory(username="alice", role=User.Role.VIEWER).username,
                                     "password": "pw-for-tests-2566"})
    return client


def test_the_session_cookie_ends_with_the_browser(signed_in):
    cookie = signed_in.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value and not cookie["expires"] and not cookie["max-age"]
    assert cookie["httponly"]


def test_the_session_expires_after_its_age(signed_in):
    import datetime as dt

    from django.contrib.sessions.models import Session
    from django.utils import timezone

    assert signed_in.get("/accounts/password_change/").status_code == 200
    assert settings.SESSION_COOKIE_AGE == 8 * 60 * 60
    session = Session.objects.get(session_key=signed_in.session.session_key)
    assert session.expire_date <= timezone.now() + dt.timedelta(hours=8, minutes=1)
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - dt.timedelta(seconds=1))
    response = signed_in.get("/accounts/password_change/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_production_database_connections_persist_and_postgresql_has_no_jit():
    script = ("from django.db import connection as c; d = c.settings_dict; "
              "print(d['CONN_MAX_AGE'], d['CONN_HEALTH_CHECKS'], d.get('OPTIONS', {}).get('options'))")
    env = {**PRODUCTION, "DATABASE_URL": "postgres://portal@db.example.go.th:5432/catalog"}
    result = manage("shell", "--no-imports", "-c", script, env=env)
    assert result.stdout.split() == ["60", "True", "-c", "jit=off", "-c", "lock_timeout=5000"], \
        result.stdout + result.stderr
    result = manage("shell", "--no-imports", "-c", script, env={**PRODUCTION, "DATABASE_URL": "sqlite:////tmp/portal.sqlite3"})
    assert result.stdout.split() == ["60", "True", "None"], result.stdout + result.stderr
