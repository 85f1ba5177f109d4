"""Buddhist-era (พ.ศ.) dates and the Thai fiscal year.

Dates are stored as ISO (Common Era) dates and shown to people in B.E. The fiscal year
runs 1 October – 30 September and is named by the B.E. year in which it ends
(FY 2566 = 1 Oct 2022 – 30 Sep 2023).
"""
import datetime as dt
import re

from django.utils.translation import get_language

BE_OFFSET = 543
THAI_DIGITS = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
MONTHS_TH_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค."]
MONTHS_TH_LONG = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม",
                  "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_EN_SHORT = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

_ISO_RE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DMY_RE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")


def to_be_year(year: int) -> int:
    return year + BE_OFFSET


def fiscal_year_be(day: dt.date) -> int:
    """The B.E. fiscal year a date falls in."""
    return to_be_year(day.year + 1 if day.month >= 10 else day.year)


def fiscal_year_bounds(fiscal_year_be_: int) -> tuple[dt.date, dt.date]:
    """First and last day (CE dates) of a B.E.-named fiscal year."""
    end_year = fiscal_year_be_ - BE_OFFSET
    return dt.date(end_year - 1, 10, 1), dt.date(end_year, 9, 30)


def format_be_date(day: dt.date | dt.datetime | None, style: str = "short") -> str:
    """`7 ก.พ. 2566` (Thai UI) or `7 Feb B.E. 2566` (English UI); `long` spells the Thai month."""
    if day is None:
        return ""
    if isinstance(day, dt.datetime):
        day = day.date()
    year = to_be_year(day.year)
    if (get_language() or "th").startswith("en"):
        return f"{day.day} {MONTHS_EN_SHORT[day.month - 1]} B.E. {year}"
    months = MONTHS_TH_LONG if style == "long" else MONTHS_TH_SHORT
    return f"{day.day} {months[day.month - 1]} {year}"


def format_be_iso(day: dt.date | None) -> str:
    """`2567-03-31`: the B.E. `YYYY-MM-DD` form the GD Catalog workbook expects."""
    if day is None:
        return ""
    return f"{to_be_year(day.year):04d}-{day.month:02d}-{day.day:02d}"


def parse_be_date(text: str) -> dt.date:
    """Parse a B.E. date typed as `2567-03-31` or `31/03/2567` (Thai digits allowed).

    Raises ValueError with a short English reason when the text is not such a date.
    """
    value = str(text).strip().translate(THAI_DIGITS)
    if match := _ISO_RE.match(value):
        year, month, day = (int(g) for g in match.groups())
    elif match := _DMY_RE.match(value):
        day, month, year = (int(g) for g in match.groups())
    else:
        raise ValueError("format")
    if year < 2400:
        raise ValueError("not_buddhist_era")
    return dt.date(year - BE_OFFSET, month, day)
