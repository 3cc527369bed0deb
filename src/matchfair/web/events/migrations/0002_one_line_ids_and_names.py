"""Event ids and names, session and interpreter ids stored with a line break: one line now."""

from django.db import migrations

from matchfair.web.security.one_line_rows import one_line_codes, one_line_names


def forward(apps, schema_editor) -> None:
    event = apps.get_model("events", "Event")
    one_line_codes(event, scope="pk")
    one_line_names(event)
    one_line_codes(apps.get_model("events", "Session"))
    one_line_codes(apps.get_model("events", "Interpreter"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
