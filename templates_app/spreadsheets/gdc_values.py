"""One cell of the GD Catalog workbook ⇄ one stored value, in both directions.

Export (`cell_text`): B.E. `YYYY-MM-DD` dates, yes/no as ใช่ / ไม่ใช่, choice values verbatim,
a multi-select joined with ",", and "อื่นๆ" written as its "โปรดระบุ" text (the GD importer turns a
value outside the list into อื่นๆ + that text). Import (`parse_cell`) reads what people actually
type: B.E. `YYYY-MM-DD` or `DD/MM/YYYY`, Excel date cells, Thai digits, thousands separators,
surrounding spaces, ใช่/ไม่ใช่, and returns what `clean_values` takes.
"""
import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from catalog.thaidates import BE_OFFSET, THAI_DIGITS, format_be_iso
from templates_app.gdschema import OTHER, Kind

from .gdc_layout import NO, YES, Column

TRUE_WORDS = {YES, "yes", "y", "true", "ใช่ / yes"}
FALSE_WORDS = {NO, "no", "n", "false", "ไม่ใช่ / no"}
NUMERIC_KINDS = {Kind.INTERVAL, Kind.YEAR, Kind.LONGITUDE, Kind.LATITUDE}
INVISIBLE = re.compile("[\u200b\u200c\u200d\ufeff]")


def cell_text(column: Column, values: dict) -> str:
    """The text of a stored value in the workbook (the slug, data type and organisation are the caller's)."""
    value = values.get(column.name)
    if value in (None, "", []):
        return ""
    kind = column.kind
    other = values.get(f"{column.name}_other", "") if column.entry is not None and column.entry.field.has_other \
        else ""
    if kind == Kind.MULTI:
        items = [other if item == OTHER and other else item for item in value]
        return ",".join(items)
    if column.is_yes_no:
        yes, no = column.yes_no
        return yes if value == "True" else no if value == "False" else str(value)
    if kind == Kind.CHOICE and value == OTHER and other:
        return other
    if kind == Kind.DATE:
        try:
            return format_be_iso(dt.date.fromisoformat(value))
        except ValueError:
            return str(value)
    return clean_for_excel(str(value))


def clean_for_excel(text: str) -> str:
    """Drop the control characters openpyxl refuses (they cannot be in an .xlsx cell)."""
    return ILLEGAL_CHARACTERS_RE.sub("", text)


def normalize(raw) -> str | dt.date:
    """A cell's value as text (dates stay dates), spaces and invisible characters trimmed."""
    if raw is None:
        return ""
    if isinstance(raw, dt.datetime):
        return raw.date()
    if isinstance(raw, dt.date):
        return raw
    if isinstance(raw, bool):
        return YES if raw else NO
    if isinstance(raw, float) and raw.is_integer():
        return str(int(raw))
    return INVISIBLE.sub("", str(raw)).replace("\u00a0", " ").strip()


def parse_cell(column: Column, raw, into: dict) -> None:
    """Put the cell's value (and any "โปรดระบุ" text) into `into`, ready for `clean_values`.

    Raises ValidationError (with a code) for what `clean_values` cannot judge: a yes/no cell
    that is neither, a date cell in a text field.
    """
    value = normalize(raw)
    kind = column.kind
    if isinstance(value, dt.date):
        if kind != Kind.DATE:
            raise ValidationError(_("This cell holds a date; type the value as text."), code="unexpected_date")
        into[column.name] = _from_excel_date(value)
        return
    if not value:
        return
    if kind in NUMERIC_KINDS:
        value = value.translate(THAI_DIGITS).replace(",", "").replace(" ", "")
    if column.is_yes_no:
        into[column.name] = _yes_no(value)
    elif kind == Kind.MULTI:
        _multi(column, value, into)
    elif kind == Kind.CHOICE:
        _single(column, value, into)
    else:
        into[column.name] = value


def _from_excel_date(day: dt.date) -> dt.date:
    """An Excel date cell: a year typed in B.E. (≥ 2400) is shifted back; otherwise it is a real date."""
    if day.year >= 2400:
        try:
            return day.replace(year=day.year - BE_OFFSET)
        except ValueError:  # 29 February of a B.E. year that is not a CE leap year
            raise ValidationError(_("Enter a B.E. date such as 31/03/2567 or 2567-03-31."),
                                  code="invalid_date") from None
    return day


def _yes_no(value: str) -> str:
    word = value.lower()
    if word in {w.lower() for w in TRUE_WORDS}:
        return "True"
    if word in {w.lower() for w in FALSE_WORDS}:
        return "False"
    raise ValidationError(_("Write ใช่ (yes) or ไม่ใช่ (no)."), code="invalid_yes_no")


def _single(column: Column, value: str, into: dict) -> None:
    allowed = column.entry.choice_values
    if value in allowed or not column.entry.field.has_other:
        into[column.name] = value
    else:
        into[column.name] = OTHER
        into[f"{column.name}_other"] = value


def _multi(column: Column, value: str, into: dict) -> None:
    allowed = column.entry.choice_values
    if value in allowed:
        into[column.name] = [value]
        return
    tokens = [token.strip() for token in value.split(",") if token.strip()]
    if column.entry.single and column.entry.field.has_other and not all(token in allowed for token in tokens):
        into[column.name], into[f"{column.name}_other"] = [OTHER], value  # one cell, one value: as GD's importer
        return
    chosen = [token for token in tokens if token in allowed]
    rest = [token for token in tokens if token not in allowed]
    if rest and column.entry.field.has_other:
        chosen.append(OTHER)
        into[f"{column.name}_other"] = ",".join(rest)
    elif rest:
        chosen += rest  # clean_values reports them as not among the standard's choices
    into[column.name] = chosen
