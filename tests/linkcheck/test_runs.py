"""Link-check runs against a real local server: inline, resumed after a crash, never a URL twice."""
import datetime as dt

import pytest
from django.utils import timezone

from catalog.models import AgencyDomain
from catalog.models import DataType
from linkcheck.check import Status
from linkcheck.models import LinkCheckHost, LinkCheckRun, LinkCheckURL
from linkcheck.services import linkcheck_run_dispatch, linkcheck_run_inline, linkcheck_run_progress, \
    linkcheck_run_start
from linkcheck.services.runs import Politeness, _lease_a_host
from templates_app.models import Resource
from templates_app.services import resource_create
from tests.factories import ItemFactory
from tests.linkcheck.conftest import allow_private, http_server  # noqa: F401  (fixtures)
from tests.templates_app.factories import public_record, resource_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def resources(agency_user, allow_private, http_server, settings):  # noqa: F811
    settings.LINKCHECK_HOST_PAUSE = 0
    AgencyDomain.objects.create(agency=agency_user.agency, domain="127.0.0.1")
    record = public_record(ItemFactory(agency=agency_user.agency, data_type=DataType.STATISTICAL), agency_user)
    paths = [f"/count/{i}" for i in range(6)] + ["/missing"]
    return [resource_create(record=record, values=resource_values(resource_url=http_server.url(p)), by=agency_user)
            for p in paths]


def test_inline_run_checks_each_url_once_and_stores_states(resources, http_server):  # noqa: F811
    run = linkcheck_run_start()
    assert run.total == 7 and linkcheck_run_progress(run=run).done == 0
    checked = linkcheck_run_inline(run=run)
    assert len(checked) == 7
    assert linkcheck_run_progress(run=run) == linkcheck_run_progress(run=run)
    progress = linkcheck_run_progress(run=run)
    assert (progress.done, progress.finished, progress.percent) == (7, True, 100)
    states = dict(Resource.objects.values_list("url", "url_status"))
    assert states.pop(http_server.url("/missing")) == Status.BROKEN and set(states.values()) == {Status.OK}
    assert Resource.objects.get(url=http_server.url("/missing")).failure_count == 1
    assert len(http_server.log.requests) == 7
    linkcheck_run_inline(run=run)  # again: nothing left to check
    assert len(http_server.log.requests) == 7
    assert set(LinkCheckURL.objects.filter(run=run).values_list("checks", flat=True)) == {1}


def test_a_dead_workers_batch_is_checked_again_and_nothing_else(resources, http_server, settings):  # noqa: F811
    settings.LINKCHECK_BATCH_SIZE = 3
    run = linkcheck_run_start()
    host, token = _lease_a_host(run.pk, Politeness.from_settings())  # a worker takes the host and a batch ...
    batch = list(LinkCheckURL.objects.filter(host=host).order_by("pk").values_list("pk", flat=True)[:3])
    LinkCheckURL.objects.filter(pk__in=batch).update(state=LinkCheckURL.State.CLAIMED, token=token)
    stored = list(LinkCheckURL.objects.filter(run=run).exclude(pk__in=batch).order_by("pk")[:2])
    LinkCheckURL.objects.filter(pk__in=[u.pk for u in stored]).update(
        state=LinkCheckURL.State.DONE, checks=1)  # ... after it had stored two others
    # ... and dies: its lease runs out. The run is resumed; only the unchecked URLs are asked.
    LinkCheckHost.objects.filter(pk=host.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
    assert linkcheck_run_dispatch(run=run, tasks=0) is False
    assert LinkCheckURL.objects.filter(run=run, state=LinkCheckURL.State.CLAIMED).count() == 0
    linkcheck_run_inline(run=run)
    assert len(http_server.log.requests) == 7 - 2  # the lost batch again, and the two never claimed
    assert not {u.url.removeprefix(http_server.base) for u in stored} & set(http_server.log.paths())
    assert set(LinkCheckURL.objects.filter(run=run).values_list("checks", flat=True)) == {1}
    assert LinkCheckRun.objects.get(pk=run.pk).state == LinkCheckRun.State.DONE


def test_a_worker_that_lost_its_lease_stores_nothing(resources, http_server):  # noqa: F811
    from linkcheck.check import check_url
    from linkcheck.services.store import linkcheck_store

    run = linkcheck_run_start()
    url = LinkCheckURL.objects.filter(run=run).first()
    LinkCheckURL.objects.filter(pk=url.pk).update(state=LinkCheckURL.State.CLAIMED, token="old")
    LinkCheckURL.objects.filter(pk=url.pk).update(state=LinkCheckURL.State.PENDING, token="")  # taken over
    assert linkcheck_store(run_id=run.pk, token="old", results=[check_url(url.url)]) == 0
    assert Resource.objects.get(url=url.url).url_status == Status.UNCHECKED


def test_agency_and_staleness_choose_the_urls(resources):
    assert linkcheck_run_start(agency="NOPE").total == 0
    assert linkcheck_run_start(agency="NOPE").state == LinkCheckRun.State.DONE
    assert linkcheck_run_start(stale_hours=1).total == 7
