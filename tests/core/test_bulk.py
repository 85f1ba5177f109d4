"""bulk_insert stores exactly what bulk_create would: COPY on PostgreSQL, bulk_create on SQLite."""
from decimal import Decimal

import pytest
from django.db import IntegrityError

from core.bulk import _field, bulk_insert
from tests.factories import ItemFactory
from visualizations.models import TableRow, TableVersion

pytestmark = pytest.mark.django_db

AWKWARD = ['', 'a "quoted", comma', "two\nlines", "\\N", "ปัตตานี", "NULL"]


def test_rows_round_trip_whatever_the_text():
    version = TableVersion.objects.create(item=ItemFactory(), number=1, period_kind="year", row_count=len(AWKWARD),
                                          checksum="x")
    rows = [(version.pk, line, "2566", 2566, "district", f"94{line:02d}", text, Decimal("1234.5678"),
             {"เพศ": text, "n": line}) for line, text in enumerate(AWKWARD, start=1)]
    assert bulk_insert(TableRow, ("version_id", "line", "period", "period_sort", "area_level", "area_code",
                                  "area_name", "value", "breakdown"), iter(rows)) == len(AWKWARD)
    stored = list(TableRow.objects.filter(version=version).order_by("line").values_list(
        "line", "area_name", "value", "breakdown"))
    assert stored == [(line, text, Decimal("1234.5678"), {"เพศ": text, "n": line})
                      for line, text in enumerate(AWKWARD, start=1)]


def test_the_database_still_checks_constraints():
    version = TableVersion.objects.create(item=ItemFactory(), number=1, period_kind="year", row_count=1, checksum="x")
    with pytest.raises(IntegrityError):
        bulk_insert(TableRow, ("version_id", "line", "period", "period_sort", "area_level", "area_code", "value"),
                    [(version.pk, 1, "2566", 2566, "planet", "94", Decimal(1))])


def test_a_null_is_unquoted_and_any_value_quoted():
    assert (_field(None, False), _field("", False), _field('say "hi"', False), _field({"a": 1}, True)) == (
        "", '""', '"say ""hi"""', '"{""a"": 1}"')
