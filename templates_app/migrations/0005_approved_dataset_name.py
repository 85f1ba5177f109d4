"""The dataset code at the last approval, published while a new draft may change `dataset_name`.

Records approved before this column existed take it from the history row of their last approval
(each save keeps one), or else from their current code.
"""
from django.db import migrations, models


def backfill(apps, schema_editor):
    MetadataRecord = apps.get_model("templates_app", "MetadataRecord")
    History = apps.get_model("templates_app", "HistoricalMetadataRecord")
    records = list(MetadataRecord.objects.filter(approved_values__isnull=False).only("dataset_name"))
    for record in records:
        approval = History.objects.filter(id=record.pk, history_change_reason="approved").order_by(
            "-history_date", "-history_id").values_list("dataset_name", flat=True).first()
        record.approved_dataset_name = approval or record.dataset_name
    MetadataRecord.objects.bulk_update(records, ["approved_dataset_name"], batch_size=500)


class Migration(migrations.Migration):

    dependencies = [
        ('templates_app', '0004_resource_partial_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicalmetadatarecord',
            name='approved_dataset_name',
            field=models.CharField(blank=True, default='', help_text='The dataset code when the record was last approved: the one published while a draft changes it.', max_length=70, verbose_name='approved dataset code'),
        ),
        migrations.AddField(
            model_name='metadatarecord',
            name='approved_dataset_name',
            field=models.CharField(blank=True, default='', help_text='The dataset code when the record was last approved: the one published while a draft changes it.', max_length=70, verbose_name='approved dataset code'),
        ),
        migrations.RunPython(backfill, migrations.RunPython.noop),
    ]
