"""The data migration fills required_done / is_complete / is_public_category for existing records."""
from importlib import import_module

import pytest
from django.apps import apps

from templates_app.models import MetadataRecord
from tests.templates_app.factories import public_record

backfill = import_module("templates_app.migrations.0003_backfill_record_summary").backfill


@pytest.mark.django_db
def test_backfill_recomputes_the_columns(own_item, agency_user):
    record = public_record(own_item, agency_user)
    MetadataRecord.objects.filter(pk=record.pk).update(required_done=0, is_complete=False, is_public_category=False)
    backfill(apps, None)
    record.refresh_from_db()
    assert (record.required_done, record.is_complete, record.is_public_category) == (14, True, True)
