"""Backup and restore: `dumpdata` → empty database → `loaddata` gives back the same portal.

The commands are the ones README.md ("Backup and restore") documents. After the restore every
export (the GD Catalog workbook, each issue's Template 1 workbook, the JSON API) is compared with
the one taken before the backup: workbooks cell by cell, JSON exactly.
"""
import io
import json
import re

import openpyxl
import pytest
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client

from accounts.models import User
from catalog.models import DevelopmentIssue, Item
from templates_app.spreadsheets.gdc_export import gdcatalog_export
from templates_app.spreadsheets.gdc_layout import PREFLIGHT_SHEET
from templates_app.spreadsheets.template1_workbook import template1_workbook

# The same options as README.md's backup command. Content types and permissions are rebuilt by
# `migrate` (natural keys point at them); sessions are not worth keeping.
DUMP_OPTIONS = {
    "natural_foreign": True,
    "exclude": ["contenttypes", "auth.permission", "sessions", "catalog.dataversion"],
    "format": "xml",  # JSON keeps times to the millisecond only; XML keeps every microsecond
}
API_URLS = ["/api/v1/issues/", "/api/v1/datasets/", "/api/v1/datasets/?status=approved"]


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def exports() -> dict:
    """Every export the portal offers, as plain data: {name: cells or JSON}."""
    found = {}
    stream = io.BytesIO()
    gdcatalog_export(stream=stream)
    found["gdcatalog.xlsx"] = _cells(stream.getvalue())
    stream = io.BytesIO()
    gdcatalog_export(stream=stream, approved_only=True)
    found["gdcatalog-approved.xlsx"] = _cells(stream.getvalue())
    for issue in DevelopmentIssue.objects.order_by("number"):
        found[f"template1-{issue.number}.xlsx"] = _cells(template1_workbook(issue=issue))
    anonymous, office = Client(), Client()
    office.force_login(User.objects.get(username="nso-pattani"))
    for who, client in (("anonymous", anonymous), ("office", office)):
        for url in API_URLS:
            response = client.get(url)
            assert response.status_code == 200, url
            found[f"{who} {url}"] = json.loads(response.content)
    for number in DevelopmentIssue.objects.values_list("number", flat=True):
        found[f"items {number}"] = json.loads(anonymous.get(f"/api/v1/issues/{number}/items/").content)
    return found


def _cells(data: bytes) -> dict:
    """{(sheet, row, column): value} of every non-empty cell except the title block's date line."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    cells = {}
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is None:
                    continue
                if (cell.row, cell.column) == (3, 1) and sheet.title != PREFLIGHT_SHEET:
                    continue  # "Exported on <date> …" / "… printed <date>": the only cell allowed to differ
                cells[(sheet.title, cell.row, cell.column)] = cell.value
    return cells


def _refer_to_content_types_and_permissions() -> None:
    """Rows pointing at tables the backup leaves out (content types, permissions): by natural key."""
    admin = User.objects.get(username="admin")
    group = Group.objects.create(name="ผู้ตรวจทาน")
    group.permissions.add(Permission.objects.get(codename="view_item"))
    admin.groups.add(group)
    admin.user_permissions.add(Permission.objects.get(codename="change_metadatarecord"))
    item = Item.objects.order_by("pk").first()
    LogEntry.objects.create(user=admin, content_type=ContentType.objects.get_for_model(Item), object_id=str(item.pk),
                            object_repr=str(item)[:200], action_flag=CHANGE, change_message="ตรวจแล้ว")


def dump(path) -> str:
    call_command("dumpdata", output=str(path), **DUMP_OPTIONS)
    return path.read_text(encoding="utf-8")


def test_dumpdata_then_loaddata_into_an_empty_database_gives_identical_exports(transactional_db, media_root, tmp_path):
    call_command("load_demo", stdout=io.StringIO())
    _refer_to_content_types_and_permissions()
    before = exports()
    backup = dump(tmp_path / "backup.xml")
    models = set(re.findall(r'<object model="([^"]+)"', backup))
    assert {"catalog.item", "templates_app.metadatarecord", "accounts.user", "admin.logentry", "auth.group"} <= models
    assert any(model.startswith("templates_app.historical") for model in models), "history tables are backed up"

    call_command("flush", interactive=False, verbosity=0)  # an empty database (content types rebuilt)
    assert not User.objects.exists() and not DevelopmentIssue.objects.exists()
    # In a new database content types and permissions get other ids than in the backed-up one.
    old_id = ContentType.objects.get_for_model(Item).pk
    ContentType.objects.filter(pk=old_id).delete()
    ContentType.objects.clear_cache()
    call_command("migrate", verbosity=0)  # as README's restore does: recreates them (post_migrate)
    assert ContentType.objects.get_for_model(Item).pk != old_id
    call_command("loaddata", str(tmp_path / "backup.xml"), verbosity=0)
    assert dump(tmp_path / "again.xml") == backup, "a backup of the restored database is the same, byte for byte"
    admin = User.objects.get(username="admin")
    assert admin.has_perm("catalog.view_item") and admin.has_perm("templates_app.change_metadatarecord")
    assert LogEntry.objects.get().get_edited_object() == Item.objects.order_by("pk").first()

    after = exports()
    assert after.keys() == before.keys()
    for name in before:
        assert after[name] == before[name], f"{name} differs after the restore"
    assert before["gdcatalog.xlsx"] and before["office /api/v1/datasets/"], "the demo exports something"
