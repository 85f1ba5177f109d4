"""The summary tables are derived from the records and equal the memo's figures."""
import csv
import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings

from catalog import selectors
from catalog.models import DevelopmentIssue

BEFORE = dt.date(2023, 2, 6)  # the day before the working group's meeting of 7 Feb 2566
AFTER = dt.date(2023, 2, 7)


def counts(number, as_of):
    issue = DevelopmentIssue.objects.get(number=number)
    return selectors.issue_counts(issues=[issue], as_of=as_of)[issue.pk]


@pytest.mark.parametrize(
    "number, as_of, total, central, regional",
    [(1, BEFORE, 43, 4, 39), (1, AFTER, 42, 4, 38), (1, None, 42, 4, 38),
     (3, BEFORE, 66, 30, 36), (3, AFTER, 66, 30, 36), (3, None, 66, 30, 36)],
)
def test_totals_match_the_memo(pattani, number, as_of, total, central, regional):
    result = counts(number, as_of)
    assert (result.total, result.central, result.regional) == (total, central, regional)


def test_issue1_regional_agencies_before_and_after(pattani):
    before, after = counts(1, BEFORE).by_agency, counts(1, AFTER).by_agency
    assert before["PTN-IND"] == 1 and "PTN-IND" not in after
    assert {k: after[k] for k in ("PTN-AGRI", "PTN-AGRI-KKP", "PTN-COMM", "PTN-CDD", "PTN-RID")} == {
        "PTN-AGRI": 12, "PTN-AGRI-KKP": 16, "PTN-COMM": 6, "PTN-CDD": 2, "PTN-RID": 2}


def test_issue3_dimensions_before_and_after(pattani):
    assert counts(3, BEFORE).by_dimension == {"health": 10, "living_conditions": 12, "education": 16,
                                              "income": 15, "public_services_access": 13}
    assert counts(3, AFTER).by_dimension == {"health": 10, "living_conditions": 11, "education": 16,
                                             "income": 16, "public_services_access": 13}


def _check_rows():
    path = Path(settings.BASE_DIR) / "fixtures" / "counts_check.csv"
    with open(path, encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


@pytest.mark.parametrize("row", _check_rows(), ids=lambda r: f"{r['issue_no']}-{r['row_type']}-{r['level']}"
                         f"-{r['agency_code'] or r['dimension']}")
def test_every_row_of_counts_check(pattani, row):
    """Every count of the shared count check, before and after the meeting."""
    for as_of, column in ((BEFORE, "count_before"), (AFTER, "count_after")):
        result = counts(int(row["issue_no"]), as_of)
        actual = {
            "issue_total": lambda: result.total,
            "level_total": lambda: result.by_level[row["level"]],
            "agency": lambda: result.by_agency.get(row["agency_code"], 0),
            "dimension": lambda: result.by_dimension.get(row["dimension"], 0),
        }[row["row_type"]]()
        assert actual == int(row[column]), column
        if row["expected_before" if column == "count_before" else "expected_after"]:
            assert actual == int(row["expected_before" if column == "count_before" else "expected_after"])
