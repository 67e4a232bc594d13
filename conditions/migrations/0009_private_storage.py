import core.storage
import core.uploads
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('conditions', '0008_assessment_queue_and_notice_indexes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='evidencefile',
            name='file',
            field=models.FileField(max_length=200, storage=core.storage.private, upload_to=core.uploads.PrivateUploadTo('evidence'), verbose_name='file'),
        ),
    ]
