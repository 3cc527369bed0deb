"""Whether an account's language was chosen or taken from the browser.

Existing accounts with a language other than the old default (English) chose it; those
left on English may never have chosen, so their next sign-in takes the browser's.
"""

from django.db import migrations, models

OLD_DEFAULT = "en"


def mark_chosen_languages(apps, schema_editor) -> None:
    settings = apps.get_model("portal", "PersonalSettings")
    settings.objects.exclude(language=OLD_DEFAULT).update(language_known=True)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0004_browser_zone_asked"),
    ]

    operations = [
        migrations.AddField(
            model_name="personalsettings",
            name="language_known",
            field=models.BooleanField(
                default=False, verbose_name="language chosen or taken from the browser"
            ),
        ),
        migrations.RunPython(mark_chosen_languages, migrations.RunPython.noop),
    ]
