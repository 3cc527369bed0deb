"""The online room of a meeting: a link from the configured URL template (Jitsi Meet by default)."""

import hashlib

from django.conf import settings

from matchfair.web.meetings.models import Meeting


def room_link(meeting: Meeting) -> str:
    """A stable, hard-to-guess room name per meeting, put into MATCHFAIR_ONLINE_ROOM_URL."""
    seed = f"{settings.SECRET_KEY}:{meeting.event_id}:{meeting.pk}".encode()
    room = f"{meeting.event_id}-{meeting.pk}-{hashlib.sha256(seed).hexdigest()[:12]}"
    return settings.MATCHFAIR_ONLINE_ROOM_URL.format(room=room)
