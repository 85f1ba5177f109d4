"""Cached counts are never stale: every write to a watched table changes the data version, and the
pages that show counts count again after any change (through the ORM, a bulk update or raw SQL)."""
import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalog.data_version import WATCHED_TABLES, data_version, reads_only_watched_tables
from catalog.models import Item
from templates_app.models import MetadataRecord, Resource
from tests.factories import DimensionFactory, ItemFactory
from tests.progress.factories import ResourceFactory, office, record_for

pytestmark = pytest.mark.django_db


def test_every_watched_table_has_its_triggers():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT tbl_name, name FROM sqlite_master WHERE type = 'trigger'")
        else:
            cursor.execute("SELECT c.relname, t.tgname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
                           "WHERE NOT t.tgisinternal")
        found = set(cursor.fetchall())
    assert {(table, f"{table}_dv_{op}") for table in WATCHED_TABLES for op in ("insert", "update", "delete")} <= found
    assert WATCHED_TABLES <= {model._meta.db_table for model in apps.get_models()}


def test_inserts_updates_deletes_and_raw_sql_each_change_the_version():
    seen = [data_version()]
    item = ItemFactory()
    seen.append(data_version())
    Item.objects.filter(pk=item.pk).update(unit="ไร่")
    seen.append(data_version())
    with connection.cursor() as cursor:
        cursor.execute(f"UPDATE {Item._meta.db_table} SET unit = 'ตัน' WHERE id = %s", [item.pk])
    seen.append(data_version())
    record = record_for(item)
    seen.append(data_version())
    ResourceFactory(record=record).delete()
    seen.append(data_version())
    assert len(set(seen)) == len(seen), seen


def test_a_query_of_an_unwatched_table_is_never_cached():
    assert reads_only_watched_tables(str(Item.objects.filter(agency__code="X").query))
    assert not reads_only_watched_tables(str(Item.objects.filter(table_versions__number=1).query))


def _numbers(client, issue):
    page = client.get(f"/progress/issues/{issue.number}/")
    total = page.context["matrix"]["total"].counts
    items = client.get(f"/progress/items/?issue={issue.number}&missing=template2").context["page"].paginator.count
    api = {row["number"]: row for row in client.get("/api/v1/issues/").json()["results"]}.get(issue.number)
    return total["items"], total["template2"], items, api and api["counts"]["total"]


def test_counts_are_read_again_after_every_change(client):
    dimension = DimensionFactory()
    issue = dimension.issue
    items = [ItemFactory(dimension=dimension) for _ in range(3)]
    client.force_login(office())
    assert _numbers(client, issue)[:3] == (3, 0, 3)
    with CaptureQueriesContext(connection) as again:
        assert _numbers(client, issue)[:3] == (3, 0, 3)
    counted = [query["sql"] for query in again.captured_queries
               if "COUNT(" in query["sql"].upper() and '"catalog_item"' in query["sql"]]
    assert not counted, counted  # every count of items from the cache
    record_for(items[0])
    assert _numbers(client, issue)[:3] == (3, 1, 2)
    MetadataRecord.objects.filter(item=items[0]).update(is_complete=False)  # no signal, no save()
    assert _numbers(client, issue)[:3] == (3, 0, 3)
    ItemFactory(dimension=dimension)
    assert _numbers(client, issue)[:3] == (4, 0, 4)
    Item.objects.filter(pk=items[1].pk).update(status="removed")
    assert _numbers(client, issue)[:3] == (3, 0, 3)
    Resource.objects.all().delete()
    assert _numbers(client, issue)[:3] == (3, 0, 3)


def test_an_empty_query_is_counted_without_the_cache():
    from catalog.data_version import cached_count, cached_rows

    assert cached_count(Item.objects.filter(pk__in=[])) == 0
    assert cached_rows(Item.objects.filter(pk__in=[]).values("pk")) == []


def test_the_work_list_summary_is_read_again_after_a_change(client):
    from tests.progress.factories import staff_of

    item = ItemFactory()
    client.force_login(staff_of(item.agency))

    def summary():
        return dict(client.get("/my-work/").context["summary"])

    assert summary()["not_started"] == 1 and summary()["approved"] == 0
    record_for(item)
    assert summary()["not_started"] == 0 and summary()["approved"] == 1
