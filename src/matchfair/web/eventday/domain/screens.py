"""The screens' link: the organizer makes one (or a new one) and revokes it.

Screens in the hall open ``/screens/<token>/...`` without a login, so the token is the
only key: a new link replaces the old one and revoking empties it, and at that moment
every screen opened through an old link answers 404.
"""

import secrets

from django.db import transaction

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.eventday.models import DayRules
from matchfair.web.events.models import Event


def new_screen_link(*, event: Event) -> str:
    """Make the event's screens' link, replacing (and so revoking) any earlier one."""
    with transaction.atomic():
        rules, _created = DayRules.objects.select_for_update().get_or_create(event=event)
        rules.screen_token = secrets.token_urlsafe(32)
        rules.save(update_fields=["screen_token"])
        record(event, "screens.link-made", rules, stored_text.gettext("New link for the screens"))
    return rules.screen_token


def revoke_screen_link(*, event: Event) -> None:
    """Switch every screen of the event off: its link answers 404 from now on."""
    with transaction.atomic():
        rules = DayRules.objects.select_for_update().filter(event=event).first()
        if rules is None or rules.screen_token is None:
            return
        rules.screen_token = None
        rules.save(update_fields=["screen_token"])
        record(event, "screens.link-revoked", rules, stored_text.gettext("Screens' link revoked"))
