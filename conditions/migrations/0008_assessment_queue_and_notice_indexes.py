from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('conditions', '0007_bounded_condition_texts'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='evidence',
            index=models.Index(condition=models.Q(('status', 'submitted')), fields=['submitted_at', 'id'],
                               name='evidence_awaiting_assessment'),
        ),
        migrations.AddIndex(
            model_name='notice',
            index=models.Index(fields=['sent_on', 'id'], name='notice_latest'),
        ),
    ]
