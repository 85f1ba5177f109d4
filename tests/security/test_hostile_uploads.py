"""Hostile workbooks on every upload path that opens one: a clear refusal, never a 500, nothing written.

The paths: the dashboard data-table upload (`/viz/data/items/<pk>/upload/`) and the agency workbook
upload (`/exchange/upload/`, which the `import_workbook` command shares through `workbook_import`).
The bomb is 0.93 MB unpacking to 900 MiB; the test process's peak memory (VmHWM, reset before the
request) may grow by less than 100 MB while it is refused.
"""
import re
from pathlib import Path

import pytest
from django.apps import apps
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from accounts.models import User
from catalog.models import DataType
from core.workbooks import MESSAGES
from templates_app.services import metadata_save_draft
from tests.core.hostile_files import BILLION_LAUGHS, XXE, with_doctype, workbook
from tests.factories import ItemFactory, UserFactory
from tests.templates_app.factories import valid_values

MB = 1024 * 1024
PEAK_GROWTH_LIMIT = 100 * MB


def _status_kib(field: str) -> int:
    return int(re.search(rf"^{field}:\s+(\d+) kB", Path("/proc/self/status").read_text(), re.M).group(1))


def peak_growth(action) -> tuple[int, object]:
    """Bytes by which this process's peak resident memory grows while `action()` runs, and its result."""
    before = _status_kib("VmRSS")
    Path("/proc/self/clear_refs").write_text("5")  # Linux: reset the peak (VmHWM) to the current RSS
    result = action()
    return (_status_kib("VmHWM") - before) * 1024, result


@pytest.fixture
def staff(db):
    item = ItemFactory(data_type=DataType.STATISTICAL)
    user = UserFactory(username="staff-a", role=User.Role.AGENCY_STAFF, agency=item.agency)
    metadata_save_draft(item=item, values=valid_values(item.data_type), version=None, by=user)
    return user, item


def row_counts() -> dict:
    return {model._meta.label: model._default_manager.count()
            for app in ("catalog", "templates_app", "visualizations") for model in apps.get_app_config(app).get_models()}


def upload(client, staff, path: str, data: bytes):
    user, item = staff
    client.force_login(user)
    if path == "viz":
        url, field = reverse("visualizations:item-upload", args=[item.pk]), "file"
    else:
        url, field = reverse("templates_app:exchange-upload"), "file"
    return client.post(url, {field: SimpleUploadedFile("table.xlsx", data)})


def message(code: str) -> str:
    with translation.override("th"):
        return str(MESSAGES[code])


@pytest.mark.parametrize("path", ["viz", "exchange"])
def test_the_900_mib_bomb_is_refused_with_little_memory(client, staff, settings, path, bomb_900):
    before = row_counts()
    grown, response = peak_growth(lambda: upload(client, staff, path, bomb_900))
    print(f"\n{path}: a {len(bomb_900) / MB:.2f} MB bomb of 900 MiB raised the peak RSS by {grown / MB:.1f} MB")
    assert response.status_code < 500
    assert message("bomb") in response.content.decode()
    assert grown < PEAK_GROWTH_LIMIT, f"peak memory grew by {grown / MB:.0f} MB"
    assert row_counts() == before and not any(Path(settings.MEDIA_ROOT).rglob("*"))


@pytest.mark.parametrize("declaration", [XXE, BILLION_LAUGHS], ids=["xxe", "billion-laughs"])
@pytest.mark.parametrize("path", ["viz", "exchange"])
def test_xml_entities_get_the_clear_error(client, staff, settings, path, declaration):
    before = row_counts()
    response = upload(client, staff, path, with_doctype(workbook(), *declaration))
    assert response.status_code < 500
    html = response.content.decode()
    assert message("xml_entities") in html and "root:" not in html
    assert row_counts() == before and not any(Path(settings.MEDIA_ROOT).rglob("*"))
