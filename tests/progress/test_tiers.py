"""The indicator's tiers wired to real records: each criterion, flipped on its own, moves the issue's tier."""
import pytest

from catalog.models import Meeting, Resolution
from progress.models import GdcState
from progress.selectors import issue_progress_list, province_tier
from catalog.services import resolution_record
from tests.factories import DimensionFactory, ItemFactory, MeetingFactory
from tests.progress.factories import GdcRegistrationFactory, ResourceFactory, committee_approves, record_for

pytestmark = pytest.mark.django_db


def _everything_met(*, skip: str = ""):
    """One issue with a public item and an internal one, every criterion met except `skip`."""
    dimension = DimensionFactory()
    issue = dimension.issue
    public, internal = ItemFactory(dimension=dimension), ItemFactory(dimension=dimension)
    record = record_for(public)
    record_for(internal, public=False, state="draft" if skip == "template2_complete" else "approved",
               drop=["license_id"] if skip == "template2_complete" else ())
    ResourceFactory(record=record, url_status="broken" if skip == "template3_public_ok" else "ok")
    GdcRegistrationFactory(record=record, **({"state": GdcState.WAIT, "url": "", "registered_on": None}
                                             if skip == "gdc_registered" else {}))
    if skip == "requirements_approved":
        committee_approves(issue, body=Meeting.Body.WORKING_GROUP)  # not the committee: does not count
    else:
        committee_approves(issue)
    if skip != "visualization_approved":
        committee_approves(issue, subject=Resolution.Subject.VISUALIZATION_SUMMARY)
    return issue


def test_every_criterion_met_is_tier_100():
    progress = issue_progress_list(issues=[_everything_met()])[0]
    assert progress.tier == 100 and progress.missing == [] and all(progress.met.values())


@pytest.mark.parametrize(("criterion", "tier"), [
    ("requirements_approved", 0),
    ("template2_complete", 50),
    ("template3_public_ok", 50),
    ("gdc_registered", 75),
    ("visualization_approved", 75),
])
def test_one_unmet_criterion_sets_the_tier(criterion, tier):
    progress = issue_progress_list(issues=[_everything_met(skip=criterion)])[0]
    assert [key for key, met in progress.met.items() if not met] == [criterion]
    assert progress.tier == tier
    assert [c.key for c in progress.missing] == [criterion]


def test_returned_requirements_document_does_not_count():
    dimension = DimensionFactory()
    issue = dimension.issue
    ItemFactory(dimension=dimension)
    meeting = MeetingFactory(body=Meeting.Body.PROVINCIAL_COMMITTEE)
    resolution_record(meeting=meeting, issue=issue, subject=Resolution.Subject.REQUIREMENTS_DOCUMENT,
                      decision=Resolution.Decision.RETURNED, notes="แก้ไขขอบเขตการวิเคราะห์")
    progress = issue_progress_list(issues=[issue])[0]
    assert progress.tier == 0
    assert progress.criteria["requirements_approved"].evidence.decision == "returned"


def test_province_tier_is_the_lowest_issue():
    high, low = _everything_met(), _everything_met(skip="gdc_registered")
    progress = issue_progress_list(issues=[high, low])
    assert [p.tier for p in progress] == [100, 75]
    assert province_tier(progress) == 75


def test_an_issue_without_public_items_meets_the_public_criteria_vacuously():
    dimension = DimensionFactory()
    record_for(ItemFactory(dimension=dimension), public=False)
    criteria = issue_progress_list(issues=[dimension.issue])[0].criteria
    assert criteria["template2_complete"].met
    assert criteria["template3_public_ok"].met and criteria["template3_public_ok"].of == 0
    assert criteria["gdc_registered"].met
