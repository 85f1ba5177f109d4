"""Pure parsing of uploaded cells: numbers, periods (B.E.) and areas. No database access.

Every parser raises `CellError(code, reason)`; the table validator turns it into a row error.
"""
import datetime as dt
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext_lazy as _

from catalog.thaidates import BE_OFFSET, MONTHS_TH_LONG, MONTHS_TH_SHORT, THAI_DIGITS

MAX_INTEGER_DIGITS = 16

PERIOD_HEADERS = ("period", "ช่วงเวลา", "ปี", "year", "ปี พ.ศ.")
AREA_HEADERS = ("area", "พื้นที่", "area_code", "รหัสพื้นที่")
VALUE_HEADERS = ("value", "ค่า", "จำนวน")
AREA_NAME_HEADERS = ("area_name", "ชื่อพื้นที่")


class CellError(Exception):
    def __init__(self, code: str, reason):
        super().__init__(code)
        self.code, self.reason = code, reason


def clean_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return " ".join(str(value).split())


def parse_number(value) -> Decimal:
    """`1,234.5`, `๑,๒๓๔`, `-12`, ` 3 000 ` → Decimal. Empty or text → CellError."""
    if isinstance(value, bool):
        raise CellError("not_a_number", _("not a number"))
    if isinstance(value, (int, float, Decimal)):
        number = Decimal(str(value))
    else:
        text = clean_text(value).translate(THAI_DIGITS).replace(",", "").replace(" ", "")
        if not text:
            raise CellError("required", _("a value is required"))
        try:
            number = Decimal(text)
        except InvalidOperation:
            raise CellError("not_a_number", _("not a number")) from None
    if not number.is_finite():
        raise CellError("not_a_number", _("not a number"))
    if number.adjusted() >= MAX_INTEGER_DIGITS:
        raise CellError("too_large", _("number too large"))
    return number.quantize(Decimal("0.0001"))


@dataclass(frozen=True)
class Period:
    kind: str
    key: str
    sort: int
    year: int


_MONTH_NAMES = {name: i + 1 for i, name in enumerate(MONTHS_TH_SHORT)}
_MONTH_NAMES.update({name: i + 1 for i, name in enumerate(MONTHS_TH_LONG)})
_MONTH_NAMES.update({name.replace(".", ""): i + 1 for i, name in enumerate(MONTHS_TH_SHORT)})
_YEAR = r"(\d{4})"
_PERIOD_PATTERNS = [
    ("year", re.compile(rf"^(?:พ\.?ศ\.?\s*)?{_YEAR}$")),
    ("fiscal_year", re.compile(rf"^(?:fy|ปีงบประมาณ|ปีงบ|งบประมาณ)\s*(?:พ\.?ศ\.?\s*)?{_YEAR}$", re.I)),
    ("quarter", re.compile(rf"^{_YEAR}\s*[-/ ]?\s*q([1-4])$", re.I)),
    ("quarter_r", re.compile(rf"^(?:q|ไตรมาส(?:ที่)?)\s*([1-4])\s*[/ -]\s*{_YEAR}$", re.I)),
    ("month", re.compile(rf"^{_YEAR}-(\d{{1,2}})$")),
    ("month_r", re.compile(rf"^(\d{{1,2}})/{_YEAR}$")),
    ("month_name", re.compile(rf"^(\S+)\s+{_YEAR}$")),
]


def _check_year(year: int) -> int:
    if year < 2400:
        raise CellError("not_buddhist_era", _("the year must be in B.E. (e.g. 2566)"))
    if year > 2700:
        raise CellError("bad_period", _("not a valid period"))
    return year


def parse_period(value) -> Period:
    """B.E. year `2566`, fiscal year `ปีงบประมาณ 2566`/`FY2566`, quarter `2566-Q1`/`ไตรมาส 1/2566`,
    month `2566-03`/`03/2566`/`มี.ค. 2566`; a spreadsheet date cell counts as its month."""
    if isinstance(value, (dt.date, dt.datetime)):
        year, month = value.year + BE_OFFSET, value.month
        return Period("month", f"{year}-{month:02d}", year * 100 + month, year)
    text = clean_text(value).translate(THAI_DIGITS)
    for name, pattern in _PERIOD_PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        if name == "year":
            year = _check_year(int(match[1]))
            return Period("year", str(year), year * 100, year)
        if name == "fiscal_year":
            year = _check_year(int(match[1]))
            return Period("fiscal_year", f"FY{year}", year * 100, year)
        if name in ("quarter", "quarter_r"):
            year, quarter = (int(match[1]), int(match[2])) if name == "quarter" else (int(match[2]), int(match[1]))
            year = _check_year(year)
            return Period("quarter", f"{year}-Q{quarter}", year * 100 + quarter * 3, year)
        if name == "month_name":
            month = _MONTH_NAMES.get(match[1])
            year = int(match[2])
        else:
            year, month = (int(match[1]), int(match[2])) if name == "month" else (int(match[2]), int(match[1]))
        if not month or not 1 <= month <= 12:
            raise CellError("bad_period", _("not a valid period"))
        year = _check_year(year)
        return Period("month", f"{year}-{month:02d}", year * 100 + month, year)
    raise CellError("bad_period", _("not a valid period (use 2566, ปีงบประมาณ 2566, 2566-Q1 or 2566-03)"))


@dataclass(frozen=True)
class Area:
    level: str
    code: str
    name: str


@dataclass
class AreaIndex:
    """The province and its districts, looked up by code, Thai name or English name."""

    province: Area
    districts: dict = field(default_factory=dict)  # code → Area
    by_name: dict = field(default_factory=dict)

    @classmethod
    def build(cls, *, province: tuple, districts: list[tuple]) -> "AreaIndex":
        """`province` and each district as (code, name_th, name_en)."""
        index = cls(province=Area("province", province[0], province[1]))
        for key in (province[0], province[1], f"จังหวัด{province[1]}", f"จ.{province[1]}", province[2].lower()):
            index.by_name[key] = index.province
        for code, name_th, name_en in districts:
            area = Area("district", code, name_th)
            index.districts[code] = area
            for key in (code, name_th, f"อำเภอ{name_th}", f"อ.{name_th}", name_en.lower()):
                index.by_name[key] = area
        return index


_SUBDISTRICT_RE = re.compile(r"^(?:ต\.|ตำบล)\s*(\S+)\s+(?:อ\.|อำเภอ)\s*(\S+)$")


def parse_area(value, *, areas: AreaIndex, name: str = "") -> Area:
    """A province or district by code or name; a subdistrict as a 6-digit code that starts with
    a district's code (name from the `area_name` column) or as `ต.ทรายขาว อ.โคกโพธิ์`."""
    text = clean_text(value).translate(THAI_DIGITS)
    if not text:
        raise CellError("required", _("an area is required"))
    if area := areas.by_name.get(text) or areas.by_name.get(text.lower()):
        return area
    if re.fullmatch(r"\d{6}", text) and text[:4] in areas.districts:
        return Area("subdistrict", text, clean_text(name) or text)
    if match := _SUBDISTRICT_RE.match(text.replace("ตำบล ", "ตำบล").replace("อำเภอ ", "อำเภอ")):
        district = areas.by_name.get(match[2])
        if district is not None and district.level == "district":
            return Area("subdistrict", f"{district.code}:{match[1]}", match[1])
    raise CellError("unknown_area", _("not a known area of this province"))
