"""Jobs: the GD Catalog export as a job (inline without a broker, and in a real worker), its page and outcome."""
import re

import pytest
from django.urls import reverse
from django.utils import translation

from catalog.models import DataType
from jobs.models import Job
from jobs.services import job_run, job_start
from templates_app.models import MetadataRecord
from tests.factories import AgencyFactory, UserFactory
from tests.templates_app.conftest import make_item  # noqa: F401  (fixture)
from tests.templates_app.spreadsheets.conftest import edit, filled, find_row, workbook_bytes  # noqa: F401
from tests.templates_app.spreadsheets.test_views import upload
from tests.worker import wait_for, worker  # noqa: F401  (fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def test_export_job_runs_and_its_file_downloads(client, office_user, media, django_capture_on_commit_callbacks):
    client.force_login(office_user)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:gdcatalog-start"), {"approved_only": "on"})
    job = Job.objects.get()
    assert response.status_code == 302 and response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.state, job.progress, job.owner, job.error) == (Job.State.DONE, 100, office_user, "")
    assert job.result_file.name.endswith("-approved-" + job.created_at.astimezone().date().isoformat() + ".xlsx") \
        or job.result_file.name.endswith(".xlsx")
    download = client.get(reverse("jobs:download", args=[job.pk]))
    assert download.status_code == 200 and b"".join(download.streaming_content)[:2] == b"PK"  # a zip: xlsx


def test_a_failed_job_says_why(client, office_user, media, django_assert_max_num_queries):
    job = Job.objects.create(kind=Job.Kind.GDCATALOG_EXPORT, owner=office_user, params={"agency": 999999})
    job_run(job_id=job.pk)
    job.refresh_from_db()
    assert job.state == Job.State.FAILED and "DoesNotExist" in job.error
    client.force_login(office_user)
    with django_assert_max_num_queries(6):
        page = client.get(job.get_absolute_url())
    assert "DoesNotExist" in page.content.decode()
    status = client.get(reverse("jobs:status", args=[job.pk])).json()
    assert status["finished"] is True and status["state"] == "failed" and "DoesNotExist" in status["error"]


def test_a_redelivered_job_runs_once(office_user, media):
    job = Job.objects.create(kind=Job.Kind.PROGRESS_SNAPSHOT, owner=office_user)
    job_run(job_id=job.pk)
    finished = Job.objects.get(pk=job.pk).finished_at
    job_run(job_id=job.pk)
    assert Job.objects.get(pk=job.pk).finished_at == finished


def test_the_page_of_a_running_job_polls_with_a_static_script_only(client, office_user):
    job = Job.objects.create(kind=Job.Kind.GDCATALOG_EXPORT, owner=office_user)
    client.force_login(office_user)
    html = client.get(job.get_absolute_url()).content.decode()
    assert 'data-finished="0"' in html and "jobs/progress.js" in html
    assert not re.search(r"<script(?![^>]*\bsrc=)[^>]*>", html)  # no inline script (strict CSP)


def test_the_office_sees_every_job_others_their_own(client, office_user, django_assert_max_num_queries):
    staff = UserFactory(username="s1", role="agency_staff", agency=AgencyFactory(code="AG-J"))
    mine = Job.objects.create(kind=Job.Kind.GDCATALOG_EXPORT, owner=office_user)
    theirs = Job.objects.create(kind=Job.Kind.PROGRESS_SNAPSHOT, owner=staff)
    client.force_login(office_user)
    with django_assert_max_num_queries(6):
        listing = client.get(reverse("jobs:list")).content.decode()
    assert mine.get_absolute_url() in listing and theirs.get_absolute_url() in listing
    assert f'href="{reverse("jobs:list")}"' in listing  # in the office's menu
    client.force_login(staff)
    assert client.get(mine.get_absolute_url()).status_code == 404
    assert mine.get_absolute_url() not in client.get(reverse("jobs:list")).content.decode()


@pytest.mark.django_db(transaction=True)
def test_a_job_runs_in_a_real_worker(office_user, media, worker):  # noqa: F811
    job = job_start(kind=Job.Kind.GDCATALOG_EXPORT, owner=office_user, params={})
    assert wait_for(lambda: Job.objects.get(pk=job.pk).state == Job.State.DONE), Job.objects.get(pk=job.pk).__dict__
    assert Job.objects.get(pk=job.pk).result_file


def test_the_export_job_form(client, office_user):
    client.force_login(office_user)
    assert client.get(reverse("jobs:gdcatalog-start")).status_code == 200
    assert client.post(reverse("jobs:gdcatalog-start"), {"agency": "nope"}).status_code == 400
    assert not Job.objects.exists()


def test_a_previewed_workbook_is_applied_as_a_job(client, filled, agency_user, django_capture_on_commit_callbacks):
    record = filled[DataType.RECORD]
    data = workbook_bytes(agency_user.agency)
    data = edit(data, {("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    client.force_login(agency_user)
    html = upload(client, data).content.decode()
    assert reverse("jobs:import-apply") in html
    fields = {name: re.search(rf'name="{name}" value="([^"]+)"', html).group(1) for name in ("token", "digest")}
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:import-apply"), fields)
    job = Job.objects.get()
    assert response["Location"] == job.get_absolute_url()
    job.refresh_from_db()
    assert (job.state, job.kind, job.message) == (Job.State.DONE, Job.Kind.WORKBOOK_IMPORT, "0 new, 1 changed")
    assert MetadataRecord.objects.get(pk=record.pk).values["title"] == "ใหม่"
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jobs:import-apply"), fields)  # the kept file is gone: the job says why
    again = Job.objects.exclude(pk=job.pk).get()
    expired = "The uploaded file has expired or is not yours. Upload it again."
    with translation.override("th"):
        assert again.state == Job.State.FAILED and again.error in (expired, translation.gettext(expired))


def test_the_office_checks_every_link_as_a_job(client, office_user, django_capture_on_commit_callbacks):
    from linkcheck.models import LinkCheckRun

    client.force_login(office_user)
    assert 'action="/jobs/linkcheck/"' in client.get(reverse("jobs:list")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:linkcheck-start"))
    job = Job.objects.get()
    job.refresh_from_db()
    assert response["Location"] == job.get_absolute_url()
    assert (job.state, job.message, job.result_url) == (Job.State.DONE, "0 link(s) checked", reverse(
        "templates_app:link-problems"))
    assert LinkCheckRun.objects.get().state == LinkCheckRun.State.DONE
