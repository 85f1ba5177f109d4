"""Committee resolutions with their minutes: PDF only, size-limited, served only to signed-in users."""
import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from catalog.models import Meeting, Resolution
from catalog.services import resolution_record
from tests.factories import IssueFactory, MeetingFactory

PDF = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def committee(db):
    return MeetingFactory(body=Meeting.Body.PROVINCIAL_COMMITTEE, title="คณะกรรมการสถิติระดับจังหวัด ครั้งที่ 1/2566")


def record(meeting, **kwargs):
    return resolution_record(meeting=meeting, issue=kwargs.pop("issue", None) or IssueFactory(),
                             subject=kwargs.pop("subject", Resolution.Subject.REQUIREMENTS_DOCUMENT),
                             decision=kwargs.pop("decision", Resolution.Decision.APPROVED), **kwargs)


def test_committee_approval_counts_for_the_tier(committee):
    assert record(committee).approves_for_tier


def test_working_group_approval_does_not_count(db):
    assert not record(MeetingFactory(body=Meeting.Body.WORKING_GROUP)).approves_for_tier


def test_returned_needs_notes(committee):
    with pytest.raises(ValidationError) as exc_info:
        record(committee, decision=Resolution.Decision.RETURNED, notes="  ")
    assert set(exc_info.value.message_dict) == {"notes"}
    assert Resolution.objects.count() == 0


@pytest.mark.parametrize("content, code", [
    (b"not a pdf at all", "not_pdf"),
    (b"PK\x03\x04 a zip renamed to pdf", "not_pdf"),
    (b"%PDF-" + b"0" * (10 * 1024 * 1024), "too_large"),
])
def test_minutes_must_be_a_small_pdf(committee, content, code):
    upload = SimpleUploadedFile("minutes.pdf", content, content_type="application/pdf")
    with pytest.raises(ValidationError) as exc_info:
        record(committee, minutes=upload)
    assert exc_info.value.error_dict["minutes"][0].code == code
    assert Resolution.objects.count() == 0


def test_recording_again_updates_the_same_resolution(committee):
    issue = IssueFactory()
    record(committee, issue=issue, decision=Resolution.Decision.RETURNED, notes="แก้ไขเอกสาร")
    record(committee, issue=issue)
    assert Resolution.objects.get().decision == "approved"


@pytest.mark.parametrize("who, status", [(None, 302), ("agency_user", 200), ("office_user", 200)])
def test_minutes_only_for_signed_in_users(client, request, committee, who, status):
    resolution = record(committee, minutes=SimpleUploadedFile("m.pdf", PDF, content_type="application/pdf"))
    if who:
        client.force_login(request.getfixturevalue(who))
    response = client.get(resolution.get_minutes_url())
    assert response.status_code == status
    if status == 200:
        assert b"".join(response.streaming_content) == PDF
        assert response["Content-Type"] == "application/pdf"


def test_demo_links_the_meeting_of_7_feb_to_its_template1_changes(pattani):
    from catalog.demo import demo_resolutions

    demo_resolutions()
    demo_resolutions()
    resolutions = Resolution.objects.filter(subject="template1_changes")
    assert sorted(r.issue.number for r in resolutions) == [1, 3]
    assert all(r.meeting.item_revisions.exists() for r in resolutions)
