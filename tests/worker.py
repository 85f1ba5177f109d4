"""A real Celery worker (a thread pool in the test process) consuming from the real Redis at 127.0.0.1:6379."""
import gc
import threading
import time

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.db.backends.base.base import BaseDatabaseWrapper
from kombu import pools

from config.celery import app

BROKER = "redis://127.0.0.1:6379/10"


@pytest.fixture
def worker(settings, transactional_db):  # noqa: ARG001
    """A worker thread pool consuming from Redis; tasks are queued, not run inline."""
    redis.Redis.from_url(BROKER).flushdb()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.LINKCHECK_LEASE_SECONDS = 4
    settings.LINKCHECK_TASKS = 3
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=BROKER, task_always_eager=False)
    forget_connections()
    try:
        with start_worker(app, pool="threads", concurrency=3, perform_ping_check=False, loglevel="WARNING",
                          shutdown_timeout=10):
            yield
    finally:
        app.conf.update(saved)
        forget_connections()
        close_thread_connections()


def forget_connections():
    """The app's broker connections are made once, for the broker configured then: make them again."""
    pools.reset()
    app._pool = app.amqp._producer_pool = None


def close_thread_connections():
    """Close the database connections the worker's threads left open (they ended; their connections did not).
    SQLite's in-memory test database stays open on close: the session's end closes it again, from here."""
    for wrapper in [obj for obj in gc.get_objects() if issubclass(type(obj), BaseDatabaseWrapper)]:
        if wrapper.connection is not None and wrapper._thread_ident != threading.get_ident():
            wrapper.inc_thread_sharing()
            wrapper.close()


def wait_for(condition, seconds=30):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(0.2)
    return False
