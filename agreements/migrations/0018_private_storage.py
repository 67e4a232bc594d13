import core.storage
import core.uploads
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('agreements', '0017_dashboard_indexes'),
    ]

    operations = [
        migrations.AlterField(
            model_name='opinion',
            name='letter',
            field=models.FileField(max_length=200, storage=core.storage.private, upload_to=core.uploads.PrivateUploadTo('opinions'), verbose_name='scanned letter'),
        ),
    ]
