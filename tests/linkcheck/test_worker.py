"""The link check in a real Celery worker, through the real Redis at 127.0.0.1:6379 (db 10)."""
import pytest

from linkcheck import tasks
from linkcheck.models import LinkCheckRun, LinkCheckURL
from templates_app.models import Resource
from tests.linkcheck.conftest import allow_private, http_server  # noqa: F401  (fixtures)
from tests.linkcheck.test_runs import resources  # noqa: F401  (fixture)
from tests.worker import wait_for, worker  # noqa: F401  (fixture)


@pytest.mark.django_db(transaction=True)
def test_a_run_queued_to_the_worker_checks_every_url_once(resources, worker, http_server, settings):  # noqa: F811
    settings.LINKCHECK_PER_HOST, settings.LINKCHECK_BATCH_SIZE = 2, 2  # three batches of one host, three threads
    tasks.start_run.delay()
    assert wait_for(lambda: LinkCheckRun.objects.filter(state=LinkCheckRun.State.DONE).exists())
    run = LinkCheckRun.objects.get()
    assert set(LinkCheckURL.objects.filter(run=run).values_list("checks", flat=True)) == {1}
    assert len(http_server.log.requests) == 7
    assert http_server.log.peak == 2  # three worker threads, one host: one at a time holds it
    assert not Resource.objects.filter(url_status="unchecked").exists()
