from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0016_list_indexes'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='agreement',
            index=models.Index(fields=['status', 'term_end', 'id'], name='agreement_status_term_end'),
        ),
    ]
