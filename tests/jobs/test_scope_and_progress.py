"""A job runs in the province it was started for (a national user's export: every province), and a workbook
import job reports its progress as its rows are checked."""
import io
import re

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from accounts.models import User
from catalog.models import DataType
from core.tenancy import province_scope
from jobs.models import Job
from templates_app.models import MetadataRecord
from templates_app.spreadsheets import gdc_import
from tests.factories import UserFactory
from tests.jobs.test_jobs import media  # noqa: F401  (fixture)
from tests.national.test_board import province_with_work
from tests.templates_app.conftest import make_item  # noqa: F401  (fixture)
from tests.templates_app.spreadsheets.conftest import edit, filled, find_row, workbook_bytes  # noqa: F401
from tests.templates_app.spreadsheets.test_views import upload

pytestmark = pytest.mark.django_db


def exported_slugs(client, user, host, capture, max_queries) -> set[str]:
    client.force_login(user)
    with capture(execute=True):
        response = client.post(reverse("jobs:gdcatalog-start"), {}, HTTP_HOST=host)
    job = Job._base_manager.get(owner=user)
    assert response["Location"] == job.get_absolute_url()
    assert client.get(job.get_absolute_url(), HTTP_HOST=host).status_code == 200  # its page, for its owner
    with max_queries(6):
        assert job.get_absolute_url() in client.get(reverse("jobs:list"), HTTP_HOST=host).content.decode()
    assert job.state == Job.State.DONE, job.error
    book = openpyxl.load_workbook(io.BytesIO(job.result_file.read()), read_only=True)
    return {cell for sheet in book.worksheets for row in sheet.iter_rows(values_only=True) for cell in row
            if isinstance(cell, str)}


def test_a_national_export_has_every_provinces_data_sets_a_province_its_own(
        client, settings, media, django_capture_on_commit_callbacks, django_assert_max_num_queries):  # noqa: F811
    settings.PORTAL_DOMAIN, settings.ALLOWED_HOSTS = "catalog.test", [".catalog.test"]
    pattani, yala = province_with_work("94", "Pattani", approved=1), province_with_work("95", "Yala", approved=2)
    slugs = {}
    for province in (pattani, yala):
        with province_scope(province):
            slugs[province] = set(MetadataRecord.objects.values_list("item__agency__name_th", flat=True))  # agencies
    assert slugs[pattani] and slugs[yala] and not slugs[pattani] & slugs[yala]
    host = f"{yala.slug}.catalog.test"
    nation = UserFactory(username="nation", role=User.Role.NATIONAL_VIEWER)
    cells = exported_slugs(client, nation, host, django_capture_on_commit_callbacks, django_assert_max_num_queries)
    assert slugs[pattani] | slugs[yala] <= cells
    office = UserFactory(username="yala-office", role=User.Role.STATISTICS_OFFICE, province=yala)
    cells = exported_slugs(client, office, host, django_capture_on_commit_callbacks, django_assert_max_num_queries)
    assert slugs[yala] <= cells and not slugs[pattani] & cells


def test_a_province_viewer_may_not_start_an_export(client):
    client.force_login(UserFactory(username="viewer", role=User.Role.VIEWER))
    assert client.post(reverse("jobs:gdcatalog-start"), {}).status_code == 403


def test_a_workbook_import_job_reports_progress_as_rows_are_checked(
        client, filled, agency_user, monkeypatch, django_capture_on_commit_callbacks):  # noqa: F811
    monkeypatch.setattr(gdc_import, "PROGRESS_ROWS", 1)  # a small workbook, a report per row
    client.force_login(agency_user)
    data = workbook_bytes(agency_user.agency)
    record = filled[DataType.RECORD]
    data = edit(data, {("Temp2_Meta_Record", f"C{find_row(data, 'Temp2_Meta_Record', record.dataset_name)}"): "ใหม่"})
    html = upload(client, data).content.decode()
    fields = {name: re.search(rf'name="{name}" value="([^"]+)"', html).group(1) for name in ("token", "digest")}
    with CaptureQueriesContext(connection) as queries, django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("jobs:import-apply"), fields)
    job = Job.objects.get()
    assert job.state == Job.State.DONE, job.error
    progress = [int(match) for query in queries.captured_queries if query["sql"].startswith('UPDATE "jobs_job"')
                for match in re.findall(r'"progress" = (\d+)', query["sql"])]
    rows = len(filled) - 1  # one row per saved record (the item not started has one too)
    assert len(progress) >= rows and progress == sorted(progress) and len(set(progress)) > 3, progress
    assert progress[0] < 50 < progress[-2] and progress[-1] == 100
