"""The printable summary shows the committee's approval once it is recorded as a resolution."""
import datetime as dt

import pytest

from catalog.models import DevelopmentIssue, Meeting, Resolution
from catalog.services import resolution_record
from tests.factories import MeetingFactory


@pytest.mark.parametrize("body, approved_badge", [(Meeting.Body.PROVINCIAL_COMMITTEE, "text-bg-success"),
                                                  (Meeting.Body.WORKING_GROUP, "text-bg-warning")])
def test_summary_shows_the_recorded_approval(client, pattani, body, approved_badge):
    issue = DevelopmentIssue.objects.get(number=3)
    meeting = MeetingFactory(body=body, number="2/2566", date=dt.date(2023, 6, 20))
    resolution_record(meeting=meeting, issue=issue, subject=Resolution.Subject.VISUALIZATION_SUMMARY,
                      decision=Resolution.Decision.APPROVED)
    html = client.get("/viz/issues/3/summary/").content.decode()
    assert 'id="approval-status"' in html and approved_badge in html
    assert "20 มิถุนายน 2566" in html and "2/2566" in html


def test_summary_without_a_resolution_leaves_the_blank_line(client, pattani):
    html = client.get("/viz/issues/1/summary/").content.decode()
    assert 'id="approval-status"' not in html
