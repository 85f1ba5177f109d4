"""Cell parsers: numbers, B.E. periods and areas (no database)."""
import datetime as dt
from decimal import Decimal

import pytest

from visualizations.parsing import AreaIndex, CellError, parse_area, parse_number, parse_period

AREAS = AreaIndex.build(province=("94", "ปัตตานี", "Pattani"),
                        districts=[("9401", "เมืองปัตตานี", "Mueang Pattani"), ("9402", "โคกโพธิ์", "Khok Pho")])


@pytest.mark.parametrize("cell, expected", [
    ("1,234", Decimal("1234")), ("๑,๒๓๔.๕", Decimal("1234.5")), (" 3 000 ", Decimal("3000")),
    ("-12.25", Decimal("-12.25")), (42, Decimal("42")), (2.5, Decimal("2.5")),
])
def test_parse_number_accepts_thai_digits_and_separators(cell, expected):
    assert parse_number(cell) == expected


@pytest.mark.parametrize("cell, code", [("abc", "not_a_number"), ("", "required"), (None, "required"),
                                        ("1e30", "too_large"), ("NaN", "not_a_number"), (True, "not_a_number")])
def test_parse_number_refuses(cell, code):
    with pytest.raises(CellError) as exc:
        parse_number(cell)
    assert exc.value.code == code


@pytest.mark.parametrize("cell, kind, key", [
    ("2566", "year", "2566"), (2566, "year", "2566"), (2566.0, "year", "2566"), ("๒๕๖๖", "year", "2566"),
    ("ปีงบประมาณ 2566", "fiscal_year", "FY2566"), ("FY2566", "fiscal_year", "FY2566"),
    ("2566-Q1", "quarter", "2566-Q1"), ("ไตรมาส 2/2566", "quarter", "2566-Q2"),
    ("2566-03", "month", "2566-03"), ("3/2566", "month", "2566-03"), ("มี.ค. 2566", "month", "2566-03"),
    ("มีนาคม 2566", "month", "2566-03"), (dt.date(2023, 3, 1), "month", "2566-03"),
])
def test_parse_period(cell, kind, key):
    period = parse_period(cell)
    assert (period.kind, period.key) == (kind, key)


@pytest.mark.parametrize("cell, code", [("2023", "not_buddhist_era"), ("2566-13", "bad_period"),
                                        ("last year", "bad_period"), ("", "bad_period"), ("2566-Q5", "bad_period")])
def test_parse_period_refuses(cell, code):
    with pytest.raises(CellError) as exc:
        parse_period(cell)
    assert exc.value.code == code


@pytest.mark.parametrize("cell, level, code", [
    ("94", "province", "94"), ("ปัตตานี", "province", "94"), ("9402", "district", "9402"),
    ("โคกโพธิ์", "district", "9402"), ("อำเภอโคกโพธิ์", "district", "9402"), ("Khok Pho", "district", "9402"),
    ("940205", "subdistrict", "940205"), ("ต.ทรายขาว อ.โคกโพธิ์", "subdistrict", "9402:ทรายขาว"),
])
def test_parse_area(cell, level, code):
    area = parse_area(cell, areas=AREAS)
    assert (area.level, area.code) == (level, code)


@pytest.mark.parametrize("cell", ["9499", "หาดใหญ่", "950101", "ต.ทรายขาว อ.หาดใหญ่"])
def test_parse_area_refuses_unknown(cell):
    with pytest.raises(CellError) as exc:
        parse_area(cell, areas=AREAS)
    assert exc.value.code == "unknown_area"
