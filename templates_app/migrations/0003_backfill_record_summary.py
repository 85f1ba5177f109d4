"""Fill required_done / is_complete / is_public_category for records saved before the columns existed."""
from django.db import migrations


def backfill(apps, schema_editor):
    from templates_app.gdschema.validation import record_summary

    MetadataRecord = apps.get_model("templates_app", "MetadataRecord")
    records = list(MetadataRecord.objects.select_related("item").only("values", "item__data_type"))
    for record in records:
        for name, value in record_summary(record.values or {}, data_type=record.item.data_type).items():
            setattr(record, name, value)
    MetadataRecord.objects.bulk_update(records, ["required_done", "is_complete", "is_public_category"],
                                       batch_size=500)


class Migration(migrations.Migration):
    dependencies = [("templates_app", "0002_resources")]
    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
