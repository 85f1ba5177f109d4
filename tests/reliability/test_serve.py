"""The production recipe, for real: `make serve` (migrate, collectstatic, gunicorn with 2 workers,
whitenoise, DEBUG off) on a fresh database of the backend this run uses, with the demo loaded.

The app is served from a temporary copy of the project (sharing its .venv), so collectstatic writes
that copy's STATIC_ROOT and never the checkout's; the settings are the real `config.settings`,
configured only through the environment as README.md's "Production" section says.
"""
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
STEP_TIMEOUT = 90  # seconds for one command (migrate, load_demo) or for the server to answer
NOT_COPIED = {".git", ".venv", ".hypothesis", ".pytest_cache", "__pycache__", "staticfiles", "media",
              "tests", "bench", "test-artifacts", "db.sqlite3"}


@pytest.fixture
def database_url(tmp_path):
    """A database of its own, on the backend of this test run: created here, dropped afterwards."""
    config = settings.DATABASES["default"]
    if config["ENGINE"] != "django.db.backends.postgresql":
        yield f"sqlite:///{tmp_path / 'serve.sqlite3'}"
        return
    import psycopg2

    name = f"serve_test_{os.getpid()}"
    params = {"user": config["USER"], "password": config["PASSWORD"] or None, "host": config["HOST"] or None,
              "port": config["PORT"] or None, "dbname": "postgres", "connect_timeout": 10}
    admin = psycopg2.connect(**{key: value for key, value in params.items() if value is not None})
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
            cursor.execute(f'CREATE DATABASE "{name}"')
        auth = config["USER"] + (f":{config['PASSWORD']}" if config["PASSWORD"] else "")
        yield f"postgres://{auth}@{config['HOST'] or '127.0.0.1'}:{config['PORT'] or 5432}/{name}"
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture
def app_dir(tmp_path):
    """A copy of the project to serve from, sharing the checkout's virtualenv."""
    app = tmp_path / "app"
    shutil.copytree(BASE_DIR, app, ignore=lambda folder, names: [n for n in names if n in NOT_COPIED])
    (app / ".venv").symlink_to(BASE_DIR / ".venv")
    return app


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def production_env(database_url: str, tmp_path: Path) -> dict:
    env = {key: value for key, value in os.environ.items()
           if not key.startswith(("DJANGO_", "DATABASE_URL", "WEB_CONCURRENCY", "PYTEST", "GDC_"))
           and key not in ("MAKEFLAGS", "MFLAGS", "MAKELEVEL", "MAKEOVERRIDES")}  # when run by `make test`
    env.update({
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": secrets.token_urlsafe(50),
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_MEDIA_ROOT": str(tmp_path / "media"),
        "DATABASE_URL": database_url,
        "WEB_CONCURRENCY": "2",
        "DEMO_PASSWORD": secrets.token_urlsafe(12),
    })
    return env


def fetch(url: str, host: str | None = None) -> tuple[int, dict, bytes]:
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    try:
        with urllib.request.urlopen(request, timeout=15) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def wait_until_up(base: str, server: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + STEP_TIMEOUT
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"make serve exited with {server.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            if fetch(f"{base}/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    pytest.fail(f"the server did not answer /healthz in {STEP_TIMEOUT} s:\n{log.read_text(errors='replace')[-4000:]}")


def stop(server: subprocess.Popen) -> None:
    """Terminate make, gunicorn's master and its workers (their own process group), then wait."""
    if server.poll() is None:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=10)
    deadline = time.monotonic() + 20  # gunicorn's master and workers outlive make for a moment
    while group_processes(server.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    if group_processes(server.pid):
        os.killpg(server.pid, signal.SIGKILL)


def group_processes(pgid: int) -> list[str]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
            if int(fields[2]) == pgid and fields[0] != "Z":  # a zombie runs nothing
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, IndexError, ValueError):
            continue
    return found


def test_make_serve_runs_the_portal_with_gunicorn_whitenoise_and_debug_off(database_url, app_dir, tmp_path):
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = production_env(database_url, tmp_path)
    log = tmp_path / "serve.log"
    with log.open("wb") as out:
        # -o: the shared .venv is already installed; everything else is the Makefile's own recipe.
        server = subprocess.Popen(["make", "-o", ".venv/.installed", "serve", f"PORT={port}"], cwd=app_dir,
                                  env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        wait_until_up(base, server, log)
        workers = [cmd for cmd in group_processes(server.pid) if "python" in cmd and "gunicorn" in cmd]
        assert len(workers) == 3, f"gunicorn master and 2 workers: {workers}"
        demo = subprocess.run([str(app_dir / ".venv/bin/python"), "manage.py", "load_demo"], cwd=app_dir, env=env,
                              capture_output=True, text=True, timeout=STEP_TIMEOUT)
        assert demo.returncode == 0, demo.stderr[-4000:]

        status, _, body = fetch(f"{base}/")
        home = body.decode()
        assert status == 200 and "ปัตตานี" in home
        status, _, body = fetch(f"{base}/issues/1/")
        assert status == 200 and "ทุเรียน" in body.decode()
        status, _, body = fetch(f"{base}/healthz")
        assert status == 200 and json.loads(body) == {"status": "ok", "database": "ok"}

        # Static files: collected with hashed names (manifest storage) and served by whitenoise.
        manifest = json.loads((app_dir / "staticfiles" / "staticfiles.json").read_text())["paths"]
        linked = [hashed for name, hashed in manifest.items()
                  if name.endswith(".css") and f"/static/{hashed}" in home]
        assert linked, "the home page links its stylesheets by their hashed names"
        status, headers, body = fetch(f"{base}/static/{linked[0]}")
        assert status == 200 and body and "immutable" in headers.get("Cache-Control", "")
        plotly = manifest["vendor/plotly/plotly-cartesian.min.js"]
        assert plotly != "vendor/plotly/plotly-cartesian.min.js"
        status, headers, body = fetch(f"{base}/static/{plotly}")
        assert status == 200 and len(body) > 1_000_000 and b"plotly" in body[:2000].lower()
        assert "javascript" in headers.get("Content-Type", "")

        # DEBUG is off: the site's own 404 page, and an unknown Host header is refused.
        status, _, body = fetch(f"{base}/no-such-page/")
        page = body.decode()
        assert status == 404 and "ระบบบัญชีข้อมูลจังหวัด" in page
        assert "URLconf" not in page and "DEBUG = True" not in page and "Traceback" not in page
        assert fetch(f"{base}/", host="evil.example")[0] == 400
    finally:
        stop(server)
    assert server.poll() is not None and not group_processes(server.pid), "nothing of the server is left running"
