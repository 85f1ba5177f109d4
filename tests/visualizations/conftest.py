"""Fixtures for the visualizations tests: Pattani's items and small tables built as files."""
import csv
import io

import pytest

from catalog.models import Item


def csv_bytes(rows: list[list], headers=("period", "area", "value")) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(headers)
    writer.writerows(rows)
    return buffer.getvalue().encode("utf-8")


def district_rows(n: int, *, start_year: int = 2560) -> list[list]:
    """n rows spread over the 12 districts and consecutive B.E. years."""
    return [[str(start_year + i // 12), str(9401 + i % 12), str(100 + i)] for i in range(n)]


@pytest.fixture
def planted_item(pattani) -> Item:
    """I1-005, owned by PTN-AGRI (demo user `ptn-agri`)."""
    return Item.objects.select_related("issue__province", "agency").get(issue__number=1, code="I1-005")
