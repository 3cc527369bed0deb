"""A notification keeps its message; rows stored before keep their text, shown as it is."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0002_timezone_follows_event"),
    ]

    operations = [
        migrations.AddField(
            model_name="notification",
            name="message",
            field=models.JSONField(blank=True, null=True),
        ),
    ]
