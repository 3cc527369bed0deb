"""An empty time zone means "not chosen": times follow the event (``personal.zone_of``).

Until now every account was made with "UTC", the form's and the model's default, so a
stored "UTC" cannot be told from a choice; it is read as the old default and emptied,
which gives on-site participants and organizers their event's clock and leaves online
participants on UTC, as before. Every other zone was chosen and is kept.
"""

from django.db import migrations, models

OLD_DEFAULT = "UTC"


def old_default_follows_event(apps, schema_editor):
    settings = apps.get_model("portal", "PersonalSettings")
    settings.objects.filter(timezone=OLD_DEFAULT).update(timezone="")


def unchosen_back_to_utc(apps, schema_editor):
    settings = apps.get_model("portal", "PersonalSettings")
    settings.objects.filter(timezone="").update(timezone=OLD_DEFAULT)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="personalsettings",
            name="timezone",
            field=models.CharField(blank=True, default="", max_length=64, verbose_name="time zone"),
        ),
        migrations.RunPython(old_default_follows_event, unchosen_back_to_utc),
    ]
