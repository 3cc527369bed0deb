"""The portal's messaging tags: the reader's unread count for the menu, and whether to link.

``unread_messages`` is None when the reader does not write for ``participation`` (an
organizer opening a participant page): the page then shows no link to conversations
they may not open.
"""

from django import template

from matchfair.web.directory.models import Participation
from matchfair.web.talk.queries import unread_total
from matchfair.web.talk.rules import writes_for

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_messages(context: template.Context, participation: Participation) -> int | None:
    """``{% unread_messages participation as unread %}``: one query, for the menu."""
    user = context["request"].user
    if not writes_for(user, participation):
        return None
    return unread_total(user, participation)


@register.simple_tag(takes_context=True)
def writes_for_participation(context: template.Context, participation: Participation) -> bool:
    """``{% writes_for_participation participation as may_talk %}``: links to conversations
    only for those who may open them (no query of its own)."""
    return writes_for(context["request"].user, participation)
