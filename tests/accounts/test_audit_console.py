"""The audit log's console line: readable words, never a raw Python dictionary."""
import logging

from accounts.audit import audit_record, details_text
from tests.factories import UserFactory


def test_details_read_as_key_value_pairs():
    assert details_text({"username": "alice", "ip": "10.1.2.3"}) == "username=alice, ip=10.1.2.3"
    changes = {"role": ["viewer", "statistics_office"], "agency": [None, "AG-A"]}
    assert details_text({"user": "somchai", "changes": changes}) \
        == "user=somchai, changes.role=viewer → statistics_office, changes.agency=- → AG-A"
    assert details_text({"issues": [1, 3], "note": ""}) == "issues=[1, 3], note=-"


def test_the_logged_line_has_no_braces(db, caplog):
    user = UserFactory(username="alice")
    with caplog.at_level(logging.INFO, logger="portal.audit"):
        audit_record(kind="export", actor=user, summary="GD Catalog workbook", details={"issue": 1, "rows": 42})
    [line] = [record.getMessage() for record in caplog.records if record.name == "portal.audit"]
    assert line == "export by alice: GD Catalog workbook (issue=1, rows=42)"
    assert "{" not in line and "'" not in line
