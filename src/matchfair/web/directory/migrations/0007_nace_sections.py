"""Sectors become NACE Rev. 2 sections plus folded keywords.

Stored free-text sectors stay as keywords, folded the way the core folds them on input
(lower case; runs of spaces, hyphens and underscores one hyphen), so "circular economy"
and "circular-economy" become one keyword. A keyword that names one NACE section and
nothing else ("energy", "construction", 农业) also files the row under that section;
anything a reader could place in two sections ("medical": devices are C, care is Q;
"tourism": I or N) is left to the participant. The rule and the table are copied here,
not imported, so that this migration does what it did on the day it was written.
"""

import re

from django.db import migrations, models

FOLD = re.compile(r"[\s\-_\u2010-\u2015]+")

#: Keywords (folded) that name exactly one NACE Rev. 2 section.
UNAMBIGUOUS = {
    "agriculture": "A",
    "farming": "A",
    "forestry": "A",
    "fisheries": "A",
    "农业": "A",
    "mining": "B",
    "采矿": "B",
    "manufacturing": "C",
    "制造业": "C",
    "energy": "D",
    "electricity": "D",
    "renewable-energy": "D",
    "能源": "D",
    "waste-management": "E",
    "recycling": "E",
    "construction": "F",
    "建筑": "F",
    "建筑业": "F",
    "retail": "G",
    "wholesale": "G",
    "logistics": "H",
    "transport": "H",
    "物流": "H",
    "交通运输": "H",
    "ict": "J",
    "telecommunications": "J",
    "software": "J",
    "软件": "J",
    "finance": "K",
    "banking": "K",
    "insurance": "K",
    "金融": "K",
    "real-estate": "L",
    "realestate": "L",
    "房地产": "L",
    "education": "P",
    "教育": "P",
    "healthcare": "Q",
    "health-care": "Q",
}


def fold(keyword: str) -> str:
    return FOLD.sub("-", str(keyword).strip()).strip("-").lower()


def sectors_to_sections(rows) -> None:
    """Fold each row's keywords once and file it under the sections they name."""
    for row in rows.all().only("pk", "sectors", "nace"):
        keywords = list(dict.fromkeys(filter(None, map(fold, row.sectors or []))))
        sections = list(row.nace or [])
        for keyword in keywords:
            code = UNAMBIGUOUS.get(keyword)
            if code and code not in sections:
                sections.append(code)
        if keywords != row.sectors or sections != row.nace:
            rows.filter(pk=row.pk).update(sectors=keywords, nace=sections)


def forward(apps, schema_editor) -> None:
    sectors_to_sections(apps.get_model("directory", "Participation").objects)
    sectors_to_sections(apps.get_model("directory", "Opportunity").objects)


class Migration(migrations.Migration):
    dependencies = [
        ("directory", "0006_one_line_ids_and_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="opportunity",
            name="nace",
            field=models.JSONField(blank=True, default=list, verbose_name="NACE sections"),
        ),
        migrations.AddField(
            model_name="participation",
            name="nace",
            field=models.JSONField(blank=True, default=list, verbose_name="NACE sections"),
        ),
        migrations.AlterField(
            model_name="opportunity",
            name="sectors",
            field=models.JSONField(blank=True, default=list, verbose_name="sector keywords"),
        ),
        migrations.AlterField(
            model_name="participation",
            name="sectors",
            field=models.JSONField(blank=True, default=list, verbose_name="sector keywords"),
        ),
        migrations.RunPython(forward, migrations.RunPython.noop),
    ]
