"""The organizer's switch: may the participants of an event write to each other."""

from django.db import transaction
from django.utils.translation import gettext as _

from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.events.models import Event
from matchfair.web.talk.domain.errors import MessageRuleError
from matchfair.web.talk.models import MessagingRules


def messaging_enabled(event: Event) -> bool:
    """True unless the organizer switched messaging off (an event nobody configured: on)."""
    return MessagingRules.objects.filter(event=event).values_list("enabled", flat=True).first() in (
        None,
        True,
    )


def check_messaging_on(event: Event) -> None:
    """Refuse a write while messaging is switched off."""
    if not messaging_enabled(event):
        raise MessageRuleError(_("The organizer has switched messaging off for this event."))


def switch_messaging(*, event: Event, enabled: bool) -> None:
    """Let the participants write to each other, or stop them (what they wrote stays readable)."""
    with transaction.atomic():
        rules, _created = MessagingRules.objects.select_for_update().get_or_create(event=event)
        if rules.enabled == enabled:
            return
        rules.enabled = enabled
        rules.save(update_fields=["enabled"])
        record(
            event,
            "talk.messaging_switched",
            rules,
            stored_text.gettext("Messaging switched on")
            if enabled
            else stored_text.gettext("Messaging switched off"),
        )
