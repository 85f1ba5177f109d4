"""Real link checks against a local threaded HTTP server: "check now" and `manage.py check_urls`."""
import datetime as dt
import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from catalog.models import AgencyDomain
from linkcheck.check import CheckConfig, Status
from templates_app.models import Resource
from templates_app.services import resource_check_many, resource_check_now, resource_create
from tests.linkcheck.conftest import allow_private, ca, http_server, tls_server  # noqa: F401  (fixtures)
from tests.factories import AgencyFactory, ItemFactory, UserFactory
from tests.templates_app.factories import public_record, resource_values

pytestmark = pytest.mark.django_db


@pytest.fixture
def local_agency(agency_user, allow_private):  # noqa: F811
    AgencyDomain.objects.create(agency=agency_user.agency, domain="127.0.0.1")
    return agency_user.agency


@pytest.fixture
def add_resource(local_agency, agency_user, own_item, http_server):  # noqa: F811
    record = public_record(own_item, agency_user)

    def add(path, by=agency_user, target=record):
        return resource_create(record=target, values=resource_values(resource_url=http_server.url(path)), by=by)
    return add


def test_check_now_stores_the_state_and_keeps_the_failure_run(add_resource, agency_user):
    resource = add_resource("/missing")
    resource_check_now(resource=resource, by=agency_user)
    resource.refresh_from_db()
    assert (resource.url_status, resource.url_reason, resource.http_status) == (Status.BROKEN, "http_error", 404)
    assert resource.failure_count == 1 and resource.first_failure_at == resource.checked_at
    first_failure = resource.first_failure_at
    resource_check_now(resource=resource, by=agency_user)
    resource.refresh_from_db()
    assert resource.failure_count == 2 and resource.first_failure_at == first_failure
    assert resource.history.count() == 1  # checks are not edits


def test_check_now_ok_follows_redirects_and_records_the_final_url(add_resource, agency_user, http_server):  # noqa: F811
    resource = resource_check_now(resource=add_resource("/chain/2"), by=agency_user)
    resource.refresh_from_db()
    assert resource.url_status == Status.OK and resource.http_status == 200
    assert resource.final_url == http_server.url("/ok") and resource.content_type.startswith("text/html")
    assert resource.failure_count == 0 and resource.last_ok_at == resource.checked_at


def test_check_now_view_for_the_owner_and_the_office(client, add_resource, agency_user, office_user, own_item):
    resource = add_resource("/data.csv")
    for user in (agency_user, office_user):
        client.force_login(user)
        response = client.post(f"/items/{own_item.pk}/resources/{resource.pk}/check/", follow=True)
        assert response.status_code == 200
        assert "ใช้งานได้" in response.content.decode()  # "Working" in Thai, in the message and the badge
    resource.refresh_from_db()
    assert resource.url_status == Status.OK and resource.content_type.startswith("text/csv")


def test_check_now_uses_short_timeouts(add_resource, agency_user, http_server):  # noqa: F811
    from templates_app.services import resources

    assert (resources.CHECK_NOW_CONNECT_TIMEOUT, resources.CHECK_NOW_TOTAL_TIMEOUT) == (3.0, 8.0)
    resource = add_resource("/slow")
    started = timezone.now()
    resource_check_now(resource=resource, by=agency_user, config=CheckConfig(connect_timeout=0.5, total_timeout=1.0))
    assert (timezone.now() - started).total_seconds() < 4
    resource.refresh_from_db()
    assert resource.url_status == Status.UNSURE and resource.url_reason == "timeout"


def test_check_many_writes_states_in_bulk(add_resource, http_server):  # noqa: F811
    ok, missing, busy = add_resource("/ok"), add_resource("/missing"), add_resource("/busy")
    seen = []
    checked = resource_check_many(resources=Resource.objects.all(), on_result=lambda r, done, total: seen.append(
        (done, total)))
    assert {c.resource.pk: c.resource.url_status for c in checked} == {
        ok.pk: Status.OK, missing.pk: Status.BROKEN, busy.pk: Status.UNSURE}
    assert seen[-1] == (3, 3)
    assert dict(Resource.objects.values_list("pk", "url_status")) == {
        ok.pk: "ok", missing.pk: "broken", busy.pk: "unsure"}


def run_command(*args):
    out, err = StringIO(), StringIO()
    call_command("check_urls", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_check_urls_json_output_shape(add_resource, http_server):  # noqa: F811
    add_resource("/ok"), add_resource("/missing")
    out, err = run_command("--json")
    rows = json.loads(out)
    assert [set(row) for row in rows] == [{"dataset", "url", "status", "http_status", "final_url", "checked_at",
                                          "failure_count"}] * 2
    by_url = {row["url"]: row for row in rows}
    ok, missing = by_url[http_server.url("/ok")], by_url[http_server.url("/missing")]
    assert (ok["status"], ok["http_status"], ok["failure_count"]) == ("ok", 200, 0)
    assert (missing["status"], missing["http_status"], missing["failure_count"]) == ("broken", 404, 1)
    assert ok["dataset"] == Resource.objects.first().record.dataset_name
    assert dt.datetime.fromisoformat(ok["checked_at"]).tzinfo is not None
    assert all(row["status"] in {"ok", "broken", "unsure", "tls_error"} for row in rows)
    assert "2/2" in err  # the progress bar goes to stderr, never into the JSON


def test_check_urls_agency_filter(add_resource, http_server, allow_private):  # noqa: F811
    mine = add_resource("/ok")
    other = AgencyFactory(code="PTN-OTHER")
    AgencyDomain.objects.create(agency=other, domain="localhost")
    other_user = UserFactory(username="other-staff", role="agency_staff", agency=other)
    record = public_record(ItemFactory(agency=other), other_user)
    url = f"http://localhost:{http_server.port}/ok"
    theirs = resource_create(record=record, values=resource_values(resource_url=url), by=other_user)
    rows = json.loads(run_command("--json", "--agency", "ptn-other")[0])
    assert [row["url"] for row in rows] == [theirs.url]
    mine.refresh_from_db()
    assert mine.checked_at is None
    out, _err = run_command()
    assert "Checked 2 link(s)" in out and "ok 2" in out


def test_check_urls_stale_hours(add_resource):
    fresh, stale, never = add_resource("/ok"), add_resource("/missing"), add_resource("/data.csv")
    now = timezone.now()
    Resource.objects.filter(pk=fresh.pk).update(checked_at=now - dt.timedelta(hours=2), url_status="ok")
    Resource.objects.filter(pk=stale.pk).update(checked_at=now - dt.timedelta(hours=30), url_status="ok")
    rows = json.loads(run_command("--json", "--stale-hours", "20")[0])
    assert sorted(row["url"] for row in rows) == sorted([stale.url, never.url])
    fresh.refresh_from_db()
    assert fresh.checked_at == now - dt.timedelta(hours=2)
    assert json.loads(run_command("--json", "--stale-hours", "20")[0]) == []


def test_check_urls_refuses_a_negative_age(db):
    with pytest.raises(CommandError):
        run_command("--stale-hours", "-1")


def test_check_urls_takes_a_concurrency_and_refuses_zero(add_resource, http_server):  # noqa: F811
    add_resource("/ok"), add_resource("/missing")
    out, _err = run_command("--concurrency", "1")
    assert "Checked 2 link(s)" in out
    with pytest.raises(CommandError):
        run_command("--concurrency", "0")


def test_the_ssrf_guard_stays_on_without_the_test_switch(agency_user, own_item, http_server, monkeypatch):  # noqa: F811
    monkeypatch.delenv("URLCHECK_ALLOW_PRIVATE", raising=False)
    AgencyDomain.objects.create(agency=agency_user.agency, domain="127.0.0.1")
    record = public_record(own_item, agency_user)
    resource = resource_create(record=record, values=resource_values(resource_url=http_server.url("/ok")),
                               by=agency_user)
    resource_check_now(resource=resource, by=agency_user)
    resource.refresh_from_db()
    assert resource.url_reason == "blocked_address" and resource.url_status != Status.OK
    assert http_server.log.requests == []


def test_a_broken_link_shows_why_on_the_page(client, add_resource, agency_user, own_item):
    resource = add_resource("/missing")
    client.force_login(agency_user)
    page = client.post(f"/items/{own_item.pk}/resources/{resource.pk}/check/", follow=True).content.decode()
    assert 'data-url-status="broken"' in page and "HTTP 404" in page and 'class="small url-reason"' in page


def test_an_untrusted_certificate_is_a_tls_error(local_agency, agency_user, own_item, tls_server):  # noqa: F811
    record = public_record(own_item, agency_user)
    resource = resource_create(record=record, values=resource_values(resource_url=tls_server.url("/ok")),
                               by=agency_user)
    resource_check_now(resource=resource, by=agency_user)  # the portal trusts only the system's CAs
    resource.refresh_from_db()
    assert (resource.url_status, resource.url_reason) == (Status.TLS_ERROR, "tls_certificate")
    assert resource.failure_count == 1


def _closed_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_a_cut_off_checker_says_so_on_links_and_the_data_set_page(client, add_resource, local_agency, agency_user,
                                                                  office_user, own_item, settings, http_server):  # noqa: F811
    """No probe target answers (as on a closed intranet): the unanswered link is not condemned."""
    record = add_resource("/ok").record
    dead = resource_create(record=record, values=resource_values(
        resource_url=f"http://127.0.0.1:{_closed_port()}/data.csv"), by=agency_user)
    Resource.objects.filter(pk=dead.pk).update(url_status="broken", url_reason="http_error", failure_count=2)
    settings.URLCHECK_PROBE_TARGETS = [f"127.0.0.1:{_closed_port()}"]
    out, err = run_command()
    assert "offline 1" in out and "ok 1" in out and "could not reach the internet" in err
    dead.refresh_from_db()
    assert (dead.url_status, dead.url_reason, dead.failure_count) == ("offline", "offline", 2)
    client.force_login(office_user)
    links = client.get("/links/").content.decode()
    assert 'id="checker-offline"' in links and f'data-resource="{dead.pk}"' in links
    assert "ตัวตรวจสอบลิงก์เชื่อมต่ออินเทอร์เน็ตไม่ได้" in links
    client.force_login(agency_user)
    page = client.get(f"/items/{own_item.pk}/resources/").content.decode()
    assert 'data-url-status="offline"' in page and "ไม่นับว่าเป็นลิงก์เสีย" in page
    settings.URLCHECK_PROBE_TARGETS = [f"127.0.0.1:{http_server.port}"]  # the way out works again
    run_command()
    dead.refresh_from_db()
    assert (dead.url_status, dead.url_reason, dead.failure_count) == ("broken", "connection_refused", 3)
