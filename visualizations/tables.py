"""Validating a whole table, row by row (pure: no database). Every error is kept, with its row,
column, value and reason, so the uploader can fix them all at once."""
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from visualizations.parsing import (
    AREA_HEADERS, AREA_NAME_HEADERS, PERIOD_HEADERS, VALUE_HEADERS, AreaIndex, CellError, clean_text,
    parse_area, parse_number, parse_period,
)
from visualizations.spreadsheets import RawTable


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    code: str
    reason: str


@dataclass
class ParsedTable:
    period_kind: str = ""
    rows: list = field(default_factory=list)
    errors: list = field(default_factory=list)


def _find(headers: list[str], names: tuple) -> int | None:
    for index, header in enumerate(headers):
        if header.lower() in names:
            return index
    return None


def validate_table(raw: RawTable, *, areas: AreaIndex) -> ParsedTable:
    headers = [clean_text(h) for h in raw.headers]
    result = ParsedTable()
    columns = {}
    for role, names, label in (("period", PERIOD_HEADERS, "period"), ("area", AREA_HEADERS, "area"),
                               ("value", VALUE_HEADERS, "value")):
        columns[role] = _find(headers, names)
        if columns[role] is None:
            result.errors.append(RowError(1, label, "", "missing_column", str(
                _("the column is missing (accepted headers: %(names)s)") % {"names": ", ".join(names)})))
    if result.errors:
        return result
    name_column = _find(headers, AREA_NAME_HEADERS)
    used = set(columns.values()) | {name_column}
    extra = [(i, h) for i, h in enumerate(headers) if i not in used and h]
    seen = {}
    for line, cells in raw.rows:
        cells = cells + [None] * (len(headers) - len(cells))
        row, errors = {"line": line}, []
        for role, parser in (("period", parse_period), ("area", None), ("value", parse_number)):
            cell = cells[columns[role]]
            try:
                if role == "area":
                    name = cells[name_column] if name_column is not None else ""
                    row[role] = parse_area(cell, areas=areas, name=name)
                else:
                    row[role] = parser(cell)
            except CellError as exc:
                errors.append(RowError(line, headers[columns[role]], clean_text(cell), exc.code, str(exc.reason)))
        row["breakdown"] = {h: clean_text(cells[i]) for i, h in extra if clean_text(cells[i])}
        if "period" in row:
            result.period_kind = result.period_kind or row["period"].kind
            if row["period"].kind != result.period_kind:
                errors.append(RowError(line, headers[columns["period"]], clean_text(cells[columns["period"]]),
                                       "mixed_periods", str(_("all rows must use the same kind of period"))))
        if not errors:
            key = (row["period"].key, row["area"].code, tuple(sorted(row["breakdown"].items())))
            if key in seen:
                errors.append(RowError(line, headers[columns["area"]], clean_text(cells[columns["area"]]),
                                       "duplicate", str(_("same period, area and breakdown as row %(row)d")
                                                        % {"row": seen[key]})))
            seen.setdefault(key, line)
        result.errors.extend(errors)
        if not errors:
            result.rows.append(row)
    return result
