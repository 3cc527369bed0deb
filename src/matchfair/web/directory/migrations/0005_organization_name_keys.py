"""The two name keys of every organization (``directory.domain.names``), filled in for existing rows."""

from django.db import migrations, models

from matchfair.web.directory.domain.names import name_key, name_skeleton


def fill_keys(apps, schema_editor):
    organizations = apps.get_model("directory", "Organization")
    changed = []
    for organization in organizations.objects.only("pk", "name").iterator(chunk_size=2000):
        organization.name_key = name_key(organization.name)
        organization.name_skeleton = name_skeleton(organization.name)
        changed.append(organization)
        if len(changed) == 2000:
            organizations.objects.bulk_update(changed, ["name_key", "name_skeleton"])
            changed = []
    organizations.objects.bulk_update(changed, ["name_key", "name_skeleton"])


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0004_updated_at"),
    ]

    operations = [
        migrations.AddField(
            model_name="organization",
            name="name_key",
            field=models.CharField(default="", editable=False, max_length=300),
        ),
        migrations.AddField(
            model_name="organization",
            name="name_skeleton",
            field=models.CharField(default="", editable=False, max_length=300),
        ),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AddIndex(
            model_name="organization",
            index=models.Index(fields=["name_key"], name="organization_name_key"),
        ),
        migrations.AddIndex(
            model_name="organization",
            index=models.Index(fields=["name_skeleton"], name="organization_name_skeleton"),
        ),
    ]
