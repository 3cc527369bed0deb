"""Organization names, participation and opportunity ids stored with a line break: one line now.

The name keys stay valid: they read control characters as spaces too.
"""

from django.db import migrations

from matchfair.web.security.one_line_rows import one_line_codes, one_line_names


def forward(apps, schema_editor) -> None:
    one_line_names(apps.get_model("directory", "Organization"))
    one_line_codes(apps.get_model("directory", "Participation"))
    one_line_codes(apps.get_model("directory", "Opportunity"))


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0005_organization_name_keys"),
        ("events", "0002_one_line_ids_and_names"),
    ]

    operations = [migrations.RunPython(forward, migrations.RunPython.noop)]
