from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0015_search_documents'),
        ('conditions', '0007_bounded_condition_texts'),
        ('core', '0018_agreement_list_export'),
        ('partners', '0005_search_documents'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['updated_at', 'id'], name='agreement_by_update'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['partner', 'updated_at', 'id'], name='agreement_partner_by_update'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['status', 'updated_at', 'id'], name='agreement_status_by_update'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['title', 'id'], name='agreement_by_subject'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['number_year', 'number', 'id'], name='agreement_by_number'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['term_end', 'id'], name='agreement_by_term_end'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['signed_on', 'id'], name='agreement_by_signing'),
        ),
    ]
