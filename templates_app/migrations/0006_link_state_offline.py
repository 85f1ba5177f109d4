"""A link may be `offline`: the checker could not reach the internet, so it said nothing about the link."""
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('templates_app', '0005_approved_dataset_name'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name='resource',
            name='resource_url_status_valid',
        ),
        migrations.AlterField(
            model_name='resource',
            name='url_status',
            field=models.CharField(choices=[('unchecked', 'Not yet checked'), ('ok', 'Working'), ('broken', 'Broken link'), ('unsure', 'Uncertain (try again later)'), ('tls_error', 'Invalid security certificate'), ('offline', 'Not checked: the checker could not reach the internet')], default='unchecked', max_length=16, verbose_name='link state'),
        ),
        migrations.AddConstraint(
            model_name='resource',
            constraint=models.CheckConstraint(condition=models.Q(('url_status__in', ['unchecked', 'ok', 'broken', 'unsure', 'tls_error', 'offline'])), name='resource_url_status_valid'),
        ),
    ]
