"""A finished job keeps its result as a message, read in each reader's language; old rows keep their words."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("jobs", "0004_worker_beat"),
    ]

    operations = [
        migrations.AddField(
            model_name="job",
            name="result",
            field=models.JSONField(blank=True, null=True),
        ),
    ]
