from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partners', '0005_search_documents'),
    ]

    operations = [
        migrations.AddIndex(
            model_name='partner',
            index=models.Index(fields=['short_name', 'id'], name='partner_by_name'),
        ),
    ]
