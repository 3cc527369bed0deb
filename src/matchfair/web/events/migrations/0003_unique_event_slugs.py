"""Event ids become unique slugs: the command line names an event by its slug.

Events that share an id keep it in the oldest of them; each later one gets the next
free ``<id>-2``, ``<id>-3`` (an empty id becomes ``event-<number>``), before the
unique index is added.
"""

from django.db import migrations, models


def unique_codes(event_model: type[models.Model]) -> None:
    """Give every event an id no other event has, the oldest keeping a shared one.

    A new id avoids every id in the table, so that renaming one event never takes the
    id a later event holds as it is.
    """
    events = list(event_model.objects.order_by("pk").only("pk", "code"))
    taken = {event.code for event in events if event.code}
    kept: set[str] = set()
    renamed = []
    for event in events:
        if event.code and event.code not in kept:
            kept.add(event.code)
            continue
        base = (event.code or f"event-{event.pk}")[:190]
        code, number = base, 2
        while code in taken:
            code, number = f"{base}-{number}", number + 1
        taken.add(code)
        kept.add(code)
        event.code = code
        renamed.append(event)
    event_model.objects.bulk_update(renamed, ["code"], batch_size=500)


def forward(apps, schema_editor) -> None:
    unique_codes(apps.get_model("events", "Event"))


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0002_one_line_ids_and_names"),
    ]

    operations = [
        migrations.RunPython(forward, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="event",
            name="code",
            field=models.SlugField(max_length=200, unique=True, verbose_name="event id"),
        ),
    ]
