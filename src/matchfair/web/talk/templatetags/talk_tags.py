"""``{% unread_messages participation as unread %}``: the reader's unread count, for the menu.

None when the reader does not write for ``participation`` (an organizer opening a
participant page): the page then shows no link to conversations they may not open.
"""

from django import template

from matchfair.web.directory.models import Participation
from matchfair.web.talk.queries import unread_total
from matchfair.web.talk.rules import side_of

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_messages(context: template.Context, participation: Participation) -> int | None:
    user = context["request"].user
    side = side_of(user, participation.event)
    if side is None or side.pk != participation.pk:
        return None
    return unread_total(user, side)
