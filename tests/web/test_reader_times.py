"""Times on pages are written as the reader's language writes them, never in a fixed format.

Issue 13: organizer and participant pages printed "2024-11-18 14:00" (or Django's US
short date) whatever the reader's language, some in UTC without saying so. Every
template now goes through the Babel filters of ``notify.templatetags.reader_dates``;
the first test keeps it so for templates added later.
"""

import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from django.urls import reverse

import matchfair.web
from matchfair.web.notify.models import Notification
from tests.web.factories import World

WEB = Path(matchfair.web.__file__).parent
# ``|date:'c'`` is the machine-readable ISO form of a <time datetime="..."> attribute.
FIXED_FORMAT = re.compile(r"""\|date:(?!['"]c['"])|\|time:|\|date\s*[}|%]""")


def test_no_template_prints_a_date_in_a_fixed_format():
    found = [
        f"{path.relative_to(WEB)}:{number}"
        for path in sorted(WEB.rglob("*.html"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FIXED_FORMAT.search(line)
    ]
    assert not found, "fixed date formats: " + ", ".join(found)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reader", "meeting", "zone_label"),
    [
        ("zh-hans", "11月18日周一 14:00–14:20", "时间为 Asia/Shanghai"),
        ("de", "Mo., 18. Nov. 14:00–14:20", "Asia/Shanghai"),
        ("en", "Mon 18 Nov 14:00–14:20", "Times are in Asia/Shanghai."),
    ],
)
def test_the_schedule_writes_meeting_times_in_the_readers_language_and_names_the_zone(
    client_for, world: World, reader: str, meeting: str, zone_label: str
):
    html = (
        client_for(world.organizer)
        .get(reverse("orga:schedule", args=[world.event.pk]), HTTP_ACCEPT_LANGUAGE=reader)
        .content.decode()
    )
    assert meeting in html
    assert zone_label in html
    assert "2024-11-18 14:00" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("reader", "written"),
    [("zh-hans", "2024年11月18日 14:15"), ("de", "18.11.2024 14:15"), ("fr", "18 nov. 2024 14:15")],
)
def test_the_inbox_dates_carry_their_year_in_the_readers_language_and_zone(
    client_for, world: World, reader: str, written: str
):
    note = Notification.objects.create(user=world.teg_user, event=world.event, text="hello")
    Notification.objects.filter(pk=note.pk).update(
        created_at=datetime(2024, 11, 18, 6, 15, tzinfo=UTC)
    )
    html = (
        client_for(world.teg_user)
        .get(reverse("portal:notifications"), HTTP_ACCEPT_LANGUAGE=reader)
        .content.decode()
    )
    # TEGnology attends on site and chose no zone: the event's clock, Asia/Shanghai.
    assert written in html
