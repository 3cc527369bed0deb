"""An unscheduled meeting keeps the engine's message; rows stored before keep their reason text."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("meetings", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="unscheduledmeeting",
            name="message",
            field=models.JSONField(blank=True, null=True),
        ),
    ]
