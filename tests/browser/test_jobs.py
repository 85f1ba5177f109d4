"""A job's page in a real browser: the static script follows the progress, then the page shows the outcome."""
import pytest
from playwright.sync_api import expect

from jobs.models import Job
from tests.factories import UserFactory

pytestmark = pytest.mark.browser


def test_the_job_page_follows_progress_then_shows_why_it_failed(page, sign_in, db):
    office = UserFactory(username="office-b", role="statistics_office")
    job = Job.objects.create(kind=Job.Kind.GDCATALOG_EXPORT, owner=office, state=Job.State.RUNNING, progress=5)
    sign_in("office-b")
    page.goto(f"/jobs/{job.pk}/")
    assert page.locator("#job-bar").inner_text() == "5%"
    Job.objects.filter(pk=job.pk).update(progress=60, message="half way")
    expect(page.locator("#job-bar")).to_have_text("60%")
    expect(page.locator("#job-message")).to_have_text("half way")
    Job.objects.filter(pk=job.pk).update(state=Job.State.FAILED, error="DoesNotExist: no such agency")
    page.wait_for_selector(".alert-danger")  # the page reloaded with the outcome
    assert "no such agency" in page.locator(".alert-danger").inner_text()
    page.reload()
    assert "no such agency" in page.locator(".alert-danger").inner_text()
    assert page.console_errors == []
