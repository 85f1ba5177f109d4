"""The synthetic demo tables: full dashboards, clearly labelled, and idempotent."""
import io

from django.urls import reverse

from visualizations.charts import SYNTHETIC_LABEL
from visualizations.demo import load_demo
from visualizations.models import TableRow, TableVersion


def _state():
    return (list(TableVersion.objects.values_list("item__code", "number", "checksum", "is_synthetic").order_by(
        "item__code", "number")), TableRow.objects.count())


def test_demo_is_synthetic_labelled_and_idempotent(client, pattani):
    load_demo(stdout=io.StringIO())
    first = _state()
    assert first[0] and all(synthetic for *_rest, synthetic in first[0])
    load_demo(stdout=io.StringIO())
    assert _state() == first
    html = client.get(reverse("visualizations:issue-dashboard", args=[1])).content.decode()
    assert "viz-missing" not in html and SYNTHETIC_LABEL in html
    html = client.get(reverse("visualizations:issue-dashboard", args=[3])).content.decode()
    assert "viz-missing" not in html


def test_demo_leaves_uploaded_tables_alone(pattani, planted_item):
    from visualizations.services import table_version_upload

    from .conftest import csv_bytes

    table_version_upload(item=planted_item, content=csv_bytes([["2566", "9401", "5"]]), filename="real.csv")
    load_demo(stdout=io.StringIO())
    assert list(planted_item.table_versions.values_list("is_synthetic", flat=True)) == [False]
