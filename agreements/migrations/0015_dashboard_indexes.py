from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0014_bounded_clause_texts'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['status', 'updated_at', 'id'], name='agreement_status_updated'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['status', 'term_end', 'id'], name='agreement_status_term_end'),
        ),
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['updated_at', 'id'], name='agreement_updated'),
        ),
    ]
