"""Writes: accepting an uploaded data table as a new version, and the issue's key findings."""
import hashlib
import json

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy as _

from catalog.models import DevelopmentIssue, Item
from core.bulk import bulk_insert
from visualizations.models import IssueFindings, TableRow, TableVersion
from visualizations.selectors import area_index
from visualizations.spreadsheets import FileRefused, RawTable, read_table
from visualizations.tables import ParsedTable, RowError, validate_table

FINDINGS_MAX_CHARS = 20_000
ROW_FIELDS = ("version_id", "line", "period", "period_sort", "area_level", "area_code", "area_name", "value",
              "breakdown")


def _refuse(errors: list[RowError]) -> ValidationError:
    return ValidationError({"file": [
        ValidationError(e.reason, code=e.code, params={"row": e.row, "column": e.column, "value": e.value})
        for e in errors]})


def table_checksum(parsed: ParsedTable) -> str:
    plain = [[r["period"].key, r["area"].code, r["area"].name, str(r["value"]), sorted(r["breakdown"].items())]
             for r in parsed.rows]
    return hashlib.sha256(json.dumps(plain, ensure_ascii=False).encode()).hexdigest()


def table_parse(*, item: Item, content: bytes, filename: str) -> ParsedTable:
    """Read and validate a file for `item`; raise ValidationError listing every problem."""
    try:
        raw = read_table(content=content, filename=filename)
    except FileRefused as exc:
        raise _refuse([RowError(0, "", filename, exc.code, str(exc.reason))]) from None
    return table_validate(item=item, raw=raw)


def table_validate(*, item: Item, raw: RawTable) -> ParsedTable:
    parsed = validate_table(raw, areas=area_index(province=item.issue.province))
    if parsed.errors:
        raise _refuse(parsed.errors)
    return parsed


@transaction.atomic
def table_version_create(*, item: Item, parsed: ParsedTable, user=None, source_name: str = "", note: str = "",
                         is_synthetic: bool = False) -> TableVersion:
    """Store a validated table whole as the item's next version; earlier versions stay."""
    Item.objects.select_for_update(of=("self",)).filter(pk=item.pk).first()
    last = TableVersion.objects.filter(item=item).aggregate(n=Max("number"))["n"] or 0
    version = TableVersion(item=item, number=last + 1, period_kind=parsed.period_kind, row_count=len(parsed.rows),
                           source_name=source_name[:255], note=note[:500], checksum=table_checksum(parsed),
                           is_synthetic=is_synthetic, uploaded_by=user)
    version.full_clean()
    version.save()
    bulk_insert(TableRow, ROW_FIELDS, ((version.pk, r["line"], r["period"].key, r["period"].sort, r["area"].level,
                                        r["area"].code, r["area"].name, r["value"], r["breakdown"])
                                       for r in parsed.rows))
    return version


def table_version_upload(*, item: Item, content: bytes, filename: str, user=None, note: str = "") -> TableVersion:
    """Validate an uploaded CSV/XLSX and accept it whole as a new version, or refuse it whole."""
    parsed = table_parse(item=item, content=content, filename=filename)
    return table_version_create(item=item, parsed=parsed, user=user, source_name=filename, note=note)


@transaction.atomic
def findings_update(*, issue: DevelopmentIssue, text: str, user=None, clear: bool = False) -> IssueFindings:
    """Replace the issue's key findings. Emptying them is an explicit act (`clear`), never an empty text alone."""
    text = text.replace("\r\n", "\n").strip()
    if not text and not clear and IssueFindings.objects.filter(issue=issue).exclude(text="").exists():
        raise ValidationError({"text": ValidationError(
            _("Write the key findings. To remove them, tick “Remove the key findings”."), code="findings_cleared")})
    if len(text) > FINDINGS_MAX_CHARS:
        raise ValidationError({"text": ValidationError(
            _("Too long: at most %(limit)d characters."), code="max_length", params={"limit": FINDINGS_MAX_CHARS})})
    findings, _created = IssueFindings.objects.get_or_create(issue=issue)
    findings.text, findings.updated_by = text, user
    findings.full_clean()
    findings.save(update_fields=["text", "updated_by", "updated_at"])
    return findings


def sample_csv(*, item: Item) -> bytes:
    """A UTF-8 (with BOM, for Excel) CSV with the accepted headers and one empty row per district."""
    lines = ["period,area,value"] + [f"{item.issue.fiscal_year},{code}," for code in
                                     item.issue.province.districts.values_list("code", flat=True)]
    return ("\ufeff" + "\r\n".join(lines) + "\r\n").encode("utf-8")
