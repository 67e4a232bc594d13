import core.storage
import core.uploads
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0006_partner_name_index'),
    ]

    operations = [
        migrations.AlterField(
            model_name='authoritydocument',
            name='file',
            field=models.FileField(blank=True, max_length=200, storage=core.storage.private, upload_to=core.uploads.PrivateUploadTo('authority'), verbose_name='file'),
        ),
    ]
