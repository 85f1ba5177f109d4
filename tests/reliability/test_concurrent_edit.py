"""Two people save the same Template 2 record from the same version: exactly one wins.

`metadata_save_draft` locks the row (`select_for_update`) and then compares the version the caller
read with the stored one; the loser gets `ConflictError`. The threaded test runs two real database
connections at once on PostgreSQL; the sequential one runs on every backend.
"""
import threading
import time

import pytest
from django.db import connection, connections

from accounts.models import User
from catalog.models import DataType, Item
from templates_app.models import MetadataRecord
from templates_app.services import ConflictError, metadata_save_draft
from tests.factories import ItemFactory, UserFactory
from tests.templates_app.factories import valid_values

TIMEOUT = 20  # seconds; nothing here should take more than a fraction of it


@pytest.fixture
def record(agency_user):
    """A saved draft (version 1) of a statistical item of `agency_user`'s agency."""
    item = ItemFactory(agency=agency_user.agency, data_type=DataType.STATISTICAL)
    return metadata_save_draft(item=item, values=valid_values(), version=None, by=agency_user)


@pytest.fixture
def colleague(agency_user):
    return UserFactory(username="staff-a2", role=User.Role.AGENCY_STAFF, agency=agency_user.agency)


def test_a_stale_version_is_refused_and_changes_nothing(record, agency_user, colleague):
    read = MetadataRecord.objects.get(pk=record.pk).version
    history = record.history.count()
    metadata_save_draft(item=record.item, values=valid_values(notes="แก้โดยคนแรก"), version=read, by=agency_user)
    with pytest.raises(ConflictError) as caught:
        metadata_save_draft(item=record.item, values=valid_values(notes="แก้โดยคนที่สอง"), version=read,
                            by=colleague)
    assert (caught.value.read_version, caught.value.record.version) == (read, read + 1)
    saved = MetadataRecord.objects.get(pk=record.pk)
    assert saved.version == read + 1 and saved.values["notes"] == "แก้โดยคนแรก"
    assert saved.updated_by == agency_user
    assert record.history.count() == history + 1


@pytest.mark.skipif(connection.vendor != "postgresql",
                    reason="needs concurrent writers: SQLite serialises them (one writer at a time, whole-database "
                           "lock), so two threads cannot overlap; runs in CI's PostgreSQL pass")
def test_two_threads_saving_the_same_version_at_once_one_wins(transactional_db, record, agency_user, colleague):
    item_pk, read = record.item_id, record.version
    history = record.history.count()
    barrier = threading.Barrier(2, timeout=TIMEOUT)
    outcomes: dict[str, object] = {}
    backends: dict[str, int] = {}

    def save(user):
        try:
            item = Item.objects.get(pk=item_pk)  # this thread's own connection
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                backends[user.username] = cursor.fetchone()[0]
            barrier.wait()  # both have read the same version; now save at the same moment
            outcomes[user.username] = metadata_save_draft(
                item=item, values=valid_values(notes=f"แก้โดย {user.username}"), version=read, by=user)
        except Exception as exc:  # noqa: BLE001 — recorded and asserted below
            outcomes[user.username] = exc
        finally:
            connections.close_all()  # this thread's connections only

    # The first writer holds the row lock a little longer (a real trigger, not a mock), so the second
    # one is certainly waiting on `select_for_update` rather than arriving after the commit.
    with connection.cursor() as cursor:
        cursor.execute("CREATE FUNCTION rel_slow_update() RETURNS trigger AS $$ BEGIN PERFORM pg_sleep(1); "
                       "RETURN NEW; END; $$ LANGUAGE plpgsql")
        cursor.execute("CREATE TRIGGER rel_slow_update BEFORE UPDATE ON templates_app_metadatarecord "
                       "FOR EACH ROW EXECUTE FUNCTION rel_slow_update()")
    threads = [threading.Thread(target=save, args=(user,), daemon=True) for user in (agency_user, colleague)]
    waited_on_lock = False
    try:
        for thread in threads:
            thread.start()
        deadline = time.monotonic() + TIMEOUT
        while any(thread.is_alive() for thread in threads) and time.monotonic() < deadline:
            if len(backends) == 2 and not waited_on_lock:
                with connection.cursor() as cursor:
                    cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE pid = ANY(%s) "
                                   "AND wait_event_type = 'Lock'", [list(backends.values())])
                    waited_on_lock = cursor.fetchone()[0] > 0
            time.sleep(0.02)
        for thread in threads:
            thread.join(timeout=max(0.1, deadline - time.monotonic()))
        assert not any(thread.is_alive() for thread in threads), "a writer hung"
    finally:
        with connection.cursor() as cursor:
            cursor.execute("DROP TRIGGER IF EXISTS rel_slow_update ON templates_app_metadatarecord")
            cursor.execute("DROP FUNCTION IF EXISTS rel_slow_update()")

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        own = cursor.fetchone()[0]
    assert len({*backends.values(), own}) == 3, "each thread used its own database connection"
    assert waited_on_lock, "the second writer waited on the first one's row lock: the saves overlapped"
    winners = [name for name, outcome in outcomes.items() if isinstance(outcome, MetadataRecord)]
    losers = [name for name, outcome in outcomes.items() if isinstance(outcome, ConflictError)]
    assert len(winners) == 1 and len(losers) == 1, outcomes
    assert outcomes[losers[0]].record.version == read + 1
    saved = MetadataRecord.objects.get(pk=record.pk)
    assert saved.version == read + 1
    assert saved.values["notes"] == f"แก้โดย {winners[0]}" and saved.updated_by.username == winners[0]
    assert record.history.count() == history + 1
