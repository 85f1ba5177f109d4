"""kpi_status and snapshot_progress, through call_command."""
import io
import json

import pytest
from django.core.management import CommandError, call_command

from progress.models import ProgressSnapshot

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_kpi_status_json_shape(demo):
    data = json.loads(_run("kpi_status", "--json"))
    assert set(data) == {"province_tier", "issues"} and data["province_tier"] == 50
    assert [issue["issue"] for issue in data["issues"]] == [1, 3]
    issue = data["issues"][0]
    assert set(issue) == {"issue", "title", "tier", "next_tier", "missing_for_next", "counts", "criteria"}
    assert issue["tier"] == 50 and issue["next_tier"] == 75
    assert set(issue["missing_for_next"]) <= {"template2_complete", "template3_public_ok"}
    assert set(issue["counts"]) == {"items", "template2", "approved", "public", "template3", "url", "gdc"}
    assert issue["counts"]["items"] == 42 and issue["counts"]["gdc"] == 3
    assert [c["key"] for c in issue["criteria"]] == ["requirements_approved", "template2_complete",
                                                     "template3_public_ok", "gdc_registered",
                                                     "visualization_approved"]
    requirements, template2 = issue["criteria"][:2]
    assert requirements == {"key": "requirements_approved", "tier": 50, "met": True, "done": None, "of": None,
                            "evidence": {"meeting": "การประชุมคณะกรรมการสถิติจังหวัดปัตตานี ครั้งที่ 1/2566",
                                         "date": "2023-03-15", "body": "provincial_committee",
                                         "decision": "approved"}}
    assert template2["of"] == 42 and template2["met"] is False


def test_kpi_status_one_issue_as_text(demo):
    text = _run("kpi_status", "--issue", "3")
    assert "Province tier: 50" in text and "Issue 3: tier 50" in text and "Issue 1" not in text
    assert "requirements_approved    met" in text and "gdc_registered           NOT met (3/" in text


def test_kpi_status_unknown_issue(demo):
    with pytest.raises(CommandError):
        _run("kpi_status", "--issue", "9")


def test_snapshot_progress_is_idempotent_per_day(demo):
    before = ProgressSnapshot.objects.count()  # the demo took today's snapshot already
    assert "2 snapshot(s) stored." in _run("snapshot_progress")
    assert ProgressSnapshot.objects.count() == before == 2
