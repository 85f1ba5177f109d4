"""The link check in a real Celery worker, through the real Redis at 127.0.0.1:6379 (db 10)."""
import gc
import threading
import time

import pytest
import redis
from celery.contrib.testing.worker import start_worker
from django.db.backends.base.base import BaseDatabaseWrapper

from config.celery import app
from linkcheck import tasks
from linkcheck.models import LinkCheckRun, LinkCheckURL
from templates_app.models import Resource
from tests.linkcheck.conftest import allow_private, http_server  # noqa: F401  (fixtures)
from tests.linkcheck.test_runs import resources  # noqa: F401  (fixture)

BROKER = "redis://127.0.0.1:6379/10"


@pytest.fixture
def worker(settings, transactional_db):
    """A worker thread pool consuming from Redis; tasks are queued, not run inline."""
    redis.Redis.from_url(BROKER).flushdb()
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.LINKCHECK_LEASE_SECONDS = 4
    settings.LINKCHECK_TASKS = 3
    saved = {key: app.conf[key] for key in ("broker_url", "task_always_eager")}
    app.conf.update(broker_url=BROKER, task_always_eager=False)
    try:
        with start_worker(app, pool="threads", concurrency=3, perform_ping_check=False, loglevel="WARNING",
                          shutdown_timeout=10):
            yield
    finally:
        app.conf.update(saved)
        close_thread_connections()


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


@pytest.mark.django_db(transaction=True)
def test_a_run_queued_to_the_worker_checks_every_url_once(resources, worker, http_server):  # noqa: F811
    tasks.start_run.delay()
    assert wait_for(lambda: LinkCheckRun.objects.filter(state=LinkCheckRun.State.DONE).exists())
    run = LinkCheckRun.objects.get()
    assert set(LinkCheckURL.objects.filter(run=run).values_list("checks", flat=True)) == {1}
    assert len(http_server.log.requests) == 7
    assert not Resource.objects.filter(url_status="unchecked").exists()
