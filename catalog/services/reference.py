"""Load a province's reference lists (CSV) into the catalog: the same code for every province.

Idempotent: running it twice leaves the same state. Rows that already exist are updated
(agencies, issues, dimensions) or left alone (items and their recorded changes), so edits
made in the portal afterwards are never overwritten.
"""
import csv
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import transaction

from catalog.models import Agency, AgencyDomain, DataType, DevelopmentIssue, Dimension, District, Item, Meeting, Province
from catalog.services.items import item_create, item_remove, item_update
from core.tenancy import province_scope

ORIGINAL_LIST_REASON = "รายการตั้งต้นของบัญชีรายการข้อมูล (แบบ 1) ตามประเด็นการพัฒนาที่ได้รับความเห็นชอบ"


@dataclass
class ReferenceFiles:
    province: Path
    agencies: Path
    issues: Path
    dimensions: Path
    items: Path
    districts: Path | None = None
    meetings: Path | None = None


@dataclass
class LoadReport:
    counts: dict = field(default_factory=dict)

    def add(self, what: str, n: int = 1) -> None:
        self.counts[what] = self.counts.get(what, 0) + n


class ReferenceError(ValueError):
    """A row of a reference file is wrong; the message names the file, row and column."""


def read_rows(path: Path) -> list[tuple[int, dict]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        return [(number, row) for number, row in enumerate(csv.DictReader(handle), start=2)]


def reference_load(*, files: ReferenceFiles, province: Province | None = None) -> LoadReport:
    """Load every file in one transaction: all rows or none. Everything belongs to the province of the
    province file (or `province`, whose file is then not read): another province's agencies, issues and
    items (the same codes and numbers) are neither read nor changed."""
    report = LoadReport()
    with transaction.atomic():
        province = province or _load_province(files.province)
        with province_scope(province):
            _load_province_lists(files, province, report)
    return report


def _load_province_lists(files: ReferenceFiles, province: Province, report: LoadReport) -> None:
    if files.districts:
        _load_districts(files.districts, province, report)
    agencies = _load_agencies(files.agencies, report)
    issues = _load_issues(files.issues, province, report)
    dimensions = _load_dimensions(files.dimensions, issues, report)
    meeting = _load_meetings(files.meetings, report) if files.meetings else None
    _load_items(files.items, issues, agencies, dimensions, meeting, report)


def _fail(path: Path, row: int, column: str, message: str) -> None:
    raise ReferenceError(f"{Path(path).name}, row {row}, column “{column}”: {message}")


def _load_province(path: Path) -> Province:
    (row_no, row), *_ = read_rows(path)
    defaults = {"name_th": row["name_th"].strip(), "name_en": row["name_en"].strip()}
    if row.get("slug", "").strip():
        defaults["slug"] = row["slug"].strip()
    province, _ = Province.all_objects.update_or_create(code=row["code"].strip(), defaults=defaults)
    return province


def _load_districts(path: Path, province: Province, report: LoadReport) -> None:
    for _row_no, row in read_rows(path):
        District.objects.update_or_create(
            code=row["dopa_code"].strip(),
            defaults={"province": province, "name_th": row["name_th"].strip(), "name_en": row["name_en"].strip()},
        )
        report.add("districts")


def _load_agencies(path: Path, report: LoadReport) -> dict[str, Agency]:
    agencies = {}
    for row_no, row in read_rows(path):
        code = row["code"].strip()
        if row["level"].strip() not in ("central", "regional"):
            _fail(path, row_no, "level", f"“{row['level']}” is neither central nor regional")
        agency, _ = Agency.objects.update_or_create(code=code, defaults={
            "name_th": row["name_th"].strip(), "name_en": row.get("name_en", "").strip(),
            "level": row["level"].strip(), "website": row.get("website", "").strip(),
            "parent_department_th": _dash_to_blank(row.get("parent_department_th", "")),
            "parent_ministry_th": _dash_to_blank(row.get("parent_ministry_th", "")),
        })
        for domain in website_domains(row.get("website", "")):
            AgencyDomain.objects.get_or_create(agency=agency, domain=domain)
        agencies[code] = agency
        report.add("agencies")
    return agencies


def website_domains(website: str) -> list[str]:
    """`a.go.th; www.b.go.th/path` → ['a.go.th', 'www.b.go.th'] (the host part of each entry)."""
    hosts = []
    for entry in website.split(";"):
        host = entry.strip().lower().removeprefix("https://").removeprefix("http://").split("/")[0]
        if host and host not in hosts:
            hosts.append(host)
    return hosts


def _dash_to_blank(value: str) -> str:
    value = value.strip()
    return "" if value == "-" else value


def _load_issues(path: Path, province: Province, report: LoadReport) -> dict[int, DevelopmentIssue]:
    issues = {}
    for row_no, row in read_rows(path):
        try:
            listed_on = dt.date.fromisoformat(row["listed_on"].strip())
        except ValueError:
            _fail(path, row_no, "listed_on", "not an ISO date (YYYY-MM-DD)")
        issue, _ = DevelopmentIssue.objects.update_or_create(
            fiscal_year=int(row["fiscal_year"]), number=int(row["number"]),
            defaults={"province": province, "title_th": row["title_th"].strip(), "title_en": row["title_en"].strip(),
                      "strategy_th": row.get("strategy_th", "").strip(), "listed_on": listed_on,
                      "dimension_label_th": row.get("dimension_label_th", "").strip() or "มิติ",
                      "dimension_label_en": row.get("dimension_label_en", "").strip() or "Dimension"},
        )
        issues[issue.number] = issue
        report.add("issues")
    return issues


def _load_dimensions(path, issues, report) -> dict[tuple[int, str], Dimension]:
    dimensions = {}
    for order, (row_no, row) in enumerate(read_rows(path)):
        issue = _lookup(issues, int(row["issue_no"]), path, row_no, "issue_no")
        dimension, _ = Dimension.objects.update_or_create(
            issue=issue, code=row["dimension"].strip(),
            defaults={"name_th": row["name_th"].strip(), "name_en": row["name_en"].strip(), "order": order},
        )
        dimensions[(issue.number, dimension.code)] = dimension
        report.add("dimensions")
    return dimensions


def _load_meetings(path: Path, report: LoadReport) -> Meeting | None:
    meeting = None
    for row_no, row in read_rows(path):
        meeting, _ = Meeting.objects.update_or_create(
            body=row["body"].strip(), date=dt.date.fromisoformat(row["date"].strip()), title=row["title"].strip(),
            defaults={"number": row.get("number", "").strip(), "place": row.get("place", "").strip()},
        )
        report.add("meetings")
    return meeting  # changes recorded in the items file were decided at the last meeting listed


def _lookup(mapping, key, path, row_no, column):
    if key not in mapping:
        _fail(path, row_no, column, f"unknown value “{key}”")
    return mapping[key]


def _load_items(path, issues, agencies, dimensions, meeting, report) -> None:
    for row_no, row in read_rows(path):
        issue = _lookup(issues, int(row["issue_no"]), path, row_no, "issue_no")
        if Item.objects.filter(issue=issue, code=row["item_code"].strip()).exists():
            continue
        change = row.get("change", "none").strip() or "none"
        if change != "none" and meeting is None:
            _fail(path, row_no, "change", "a change needs a meetings file naming the meeting that decided it")
        try:
            _load_item(row, issue, agencies, dimensions, meeting, change, path, row_no)
        except ValidationError as exc:
            column, messages = next(iter(exc.message_dict.items()))
            _fail(path, row_no, column, "; ".join(messages))
        report.add("items")


def _load_item(row, issue, agencies, dimensions, meeting, change, path, row_no) -> None:
    try:
        data_type = DataType.from_key(row["data_type"].strip())
    except ValueError:
        _fail(path, row_no, "data_type", f"unknown data type “{row['data_type']}”")
    note = row.get("change_note", "").strip() or ORIGINAL_LIST_REASON
    added = change == "added"
    item = item_create(
        issue=issue, code=row["item_code"], name_th=row["name_th"], name_en=row.get("name_en", ""),
        agency=_lookup(agencies, row["agency_code"].strip(), path, row_no, "agency_code"),
        dimension=_lookup(dimensions, (issue.number, row["dimension"].strip()), path, row_no, "dimension"),
        data_type=data_type, unit=row.get("unit", ""),
        reason=note if added else ORIGINAL_LIST_REASON,
        meeting=meeting if added else None, decided_on=None if added else issue.listed_on,
    )
    if change == "renamed":
        item_update(item=item, reason=note, meeting=meeting, name_th=row["new_name_th"],
                    name_en=row.get("new_name_en", "") or item.name_en)
    elif change == "moved":
        target = _lookup(dimensions, (issue.number, row["new_dimension"].strip()), path, row_no, "new_dimension")
        item_update(item=item, reason=note, meeting=meeting, dimension=target)
    elif change == "removed":
        item_remove(item=item, reason=note, meeting=meeting)
    elif change not in ("none", "added"):
        _fail(path, row_no, "change", f"unknown change “{change}”")
