"""The benchmark's own database: PostgreSQL `bench` when DATABASE_URL is PostgreSQL, else bench/bench.sqlite3."""
import os
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

BENCH_DIR = Path(__file__).resolve().parent
BENCH_DB_NAME = os.environ.get("BENCH_DB_NAME", "bench")  # PostgreSQL; a shared server: set your own


def choose(database_url: str | None, *, sqlite_path: Path | None = None) -> tuple[str, str]:
    """(engine label, BENCH_DATABASE_URL). The server's other databases are never touched."""
    if database_url and database_url.split(":", 1)[0] in ("postgres", "postgresql", "pgsql"):
        parts = urlsplit(database_url)
        return "postgresql", urlunsplit(parts._replace(path=f"/{BENCH_DB_NAME}"))
    path = sqlite_path or BENCH_DIR / "bench.sqlite3"
    return "sqlite", f"sqlite:///{path}"


def _pg_connect(url: str):
    import psycopg2

    parts = urlsplit(url)
    connection = psycopg2.connect(host=parts.hostname or "127.0.0.1", port=parts.port or 5432,
                                  user=parts.username or "postgres", password=parts.password or None,
                                  dbname="postgres")
    connection.autocommit = True
    return connection


def _name(url: str) -> str:
    """The bench database's name: BENCH_DB_NAME, or BENCH_DB_NAME_<size> (bench.scale). Never any other."""
    name = urlsplit(url).path.lstrip("/")
    assert name == BENCH_DB_NAME or (name.startswith(f"{BENCH_DB_NAME}_") and name.rsplit("_", 1)[1].isdigit()), url
    return name


def create(engine: str, url: str) -> None:
    """A fresh, empty database (dropped first if a previous run left one)."""
    if engine == "sqlite":
        path = Path(urlsplit(url).path)
        for leftover in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal")):
            leftover.unlink(missing_ok=True)
        return
    drop(engine, url)
    connection = _pg_connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{_name(url)}"')
    finally:
        connection.close()


def drop(engine: str, url: str) -> None:
    if engine == "sqlite":
        return
    name = _name(url)
    connection = _pg_connect(url)
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                           "WHERE datname = %s AND pid <> pg_backend_pid()", [name])
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}"')
    finally:
        connection.close()


def setup_django(url: str) -> None:
    os.environ["BENCH_DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
