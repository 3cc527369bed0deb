"""What the organizer's e-mail page reads: an event's mails by state, failures per recipient."""

from django.db.models import Count, QuerySet

from matchfair.web.events.models import Event
from matchfair.web.outbox.models import Mail


def state_counts(event: Event) -> dict[str, int]:
    """How many of the event's mails are in each state (every state, zero included)."""
    found = dict(
        Mail.objects.filter(event=event).values_list("state").annotate(n=Count("id")).order_by()
    )
    return {state: found.get(state, 0) for state in Mail.State.values}


def failed_mails(event: Event) -> QuerySet[Mail]:
    """The mails that will not be delivered, newest first: the organizer reaches these people
    another way or corrects the address."""
    return Mail.objects.filter(event=event, state=Mail.State.FAILED).order_by("-created_at", "-pk")


def retrying_mails(event: Event) -> QuerySet[Mail]:
    """Mails the server has not taken yet and that wait for their next try."""
    return (
        Mail.objects.filter(event=event, state=Mail.State.QUEUED)
        .exclude(last_error="")
        .order_by("next_attempt_at", "pk")
    )


def event_mails(event: Event, *, state: str = "", kind: str = "") -> QuerySet[Mail]:
    """The event's outbox, newest first, narrowed to a state and a kind when given (the API's
    list)."""
    mails = Mail.objects.filter(event=event).order_by("-created_at", "-pk")
    if state:
        mails = mails.filter(state=state)
    if kind:
        mails = mails.filter(kind=kind)
    return mails


def event_mail(event: Event, mail_id: int) -> Mail | None:
    """The event's mail with this id; ``None`` for another event's mail or no mail at all."""
    return Mail.objects.filter(event=event, pk=mail_id).first()
