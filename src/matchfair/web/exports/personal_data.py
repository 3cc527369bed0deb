"""Everything Matchfair holds about one person and their organization's participations.

The GDPR (art. 15 and 20) and China's PIPL (art. 45) give a person the right to a
copy of their data in a readable, machine-usable form. ``personal_data(user)``
gathers it as one JSON document of the format ``matchfair-personal-data/1``
(docs/privacy.md describes it). Each source is one small function below, listed in
``PERSON_SOURCES`` or ``PARTICIPATION_SOURCES``: a table added later gets its
function and its line there, and the download, the PDF and the API follow.

What is another person's appears only where it is part of this person's data: the
partner of their meeting, the other side's words in their organization's
conversations. Secrets (passwords, calendar and badge tokens) never do.
"""

from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from uuid import UUID

from django.contrib.auth.models import AbstractBaseUser
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

from matchfair.web import stored_text
from matchfair.web.audit.access_log import PERSONAL_DATA, record_export
from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Delegate, Opportunity, Participation
from matchfair.web.eventday.models import Badge, Cancellation, CheckIn, Presence, WaitlistEntry
from matchfair.web.events.models import SignUp
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.models import Notification, PersonalSettings, RequestNote
from matchfair.web.outbox.models import Mail, MutedKind
from matchfair.web.outcomes.models import Agreement, Feedback
from matchfair.web.talk.models import Conversation, Message

FORMAT = "matchfair-personal-data/1"

# Fields never given out, even to their owner: a copy of a credential is a leak.
_SECRET_PARTS = ("password", "token", "claim")

Row = dict[str, Any]


def _value(value: object) -> object:
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    return value


def row(instance: models.Model, **extra: object) -> Row:
    """A row as JSON: every stored field (a relation as its id), secrets left out."""
    out: Row = {}
    for field in instance._meta.concrete_fields:
        if any(part in field.name for part in _SECRET_PARTS):
            continue
        out[field.attname] = _value(field.value_from_object(instance))
    return {**out, **{key: _value(value) for key, value in extra.items()}}


def _name(participation: Participation) -> str:
    return participation.organization.name


# The person's own rows.


def account(user: AbstractBaseUser) -> Row:
    """The account, its settings and the mail kinds the person turned off."""
    personal = PersonalSettings.objects.filter(user=user).first()
    delegate = Delegate.objects.filter(user=user).select_related("organization").first()
    return {
        "username": user.get_username(),
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "date_joined": _value(user.date_joined),
        "last_login": _value(user.last_login),
        "organization": delegate.organization.name if delegate else None,
        "job_title": delegate.title if delegate else None,
        "settings": row(personal) if personal else None,
        "muted_mail_kinds": sorted(
            MutedKind.objects.filter(user=user).values_list("kind", flat=True)
        ),
    }


def notifications(user: AbstractBaseUser) -> list[Row]:
    return [
        row(n, text=stored_text.render(n.message, n.text))
        for n in Notification.objects.filter(user=user).order_by("created_at", "pk")
    ]


def mails(user: AbstractBaseUser) -> list[Row]:
    """The e-mails queued or sent to the person, with their subject in words."""
    return [
        row(mail, subject_text=stored_text.render(mail.subject, ""))
        for mail in Mail.objects.filter(user=user).order_by("created_at", "pk")
    ]


def audit_entries(user: AbstractBaseUser) -> list[Row]:
    """What the audit trail says the person did."""
    return [row(entry) for entry in AuditEntry.objects.filter(actor=user).order_by("at", "pk")]


PERSON_SOURCES: dict[str, Callable[[AbstractBaseUser], list[Row]]] = {
    "notifications": notifications,
    "mails": mails,
    "audit_entries": audit_entries,
}


# The rows of one participation of the person's organization.


def profile(participation: Participation) -> list[Row]:
    return [row(participation, organization_name=_name(participation))]


def opportunities(participation: Participation) -> list[Row]:
    return [row(o) for o in Opportunity.objects.filter(participation=participation)]


def _request_rows(requests: models.QuerySet[MeetingRequest], partner: str) -> list[Row]:
    notes = {note.request_id: note for note in RequestNote.objects.filter(request__in=requests)}
    rows = []
    for request in requests.select_related(f"{partner}__organization").order_by("pk"):
        note = notes.get(request.pk)
        rows.append(
            row(
                request,
                partner=_name(getattr(request, partner)),
                note=note.message if note else None,
                note_sent_at=note.sent_at if note else None,
            )
        )
    return rows


def requests_sent(participation: Participation) -> list[Row]:
    return _request_rows(MeetingRequest.objects.filter(requester=participation), "recipient")


def requests_received(participation: Participation) -> list[Row]:
    return _request_rows(MeetingRequest.objects.filter(recipient=participation), "requester")


def meetings(participation: Participation) -> list[Row]:
    """The meetings, with their partner, session and place (a table or an online room)."""
    found = (
        Meeting.objects.filter(Q(a=participation) | Q(b=participation))
        .select_related("a__organization", "b__organization", "session")
        .order_by("start", "pk")
    )
    return [
        row(
            meeting,
            partner=_name(meeting.b if meeting.a_id == participation.pk else meeting.a),
            session=meeting.session.code,
        )
        for meeting in found
    ]


def cancellations(participation: Participation) -> list[Row]:
    found = Cancellation.objects.filter(Q(a=participation) | Q(b=participation))
    return [row(c) for c in found.order_by("at", "pk")]


def presence(participation: Participation) -> list[Row]:
    return [row(p) for p in Presence.objects.filter(participation=participation).order_by("pk")]


def badges(participation: Participation) -> list[Row]:
    return [row(b) for b in Badge.objects.filter(participation=participation).order_by("pk")]


def check_ins(participation: Participation) -> list[Row]:
    found = CheckIn.objects.filter(badge__participation=participation).order_by("at", "pk")
    return [row(check_in) for check_in in found]


def waitlist_places(participation: Participation) -> list[Row]:
    found = WaitlistEntry.objects.filter(participation=participation).select_related("item")
    return [row(entry, item_title=entry.item.title) for entry in found.order_by("pk")]


def sign_ups(participation: Participation) -> list[Row]:
    found = SignUp.objects.filter(participation=participation).select_related("item")
    return [row(sign_up, item_title=sign_up.item.title) for sign_up in found.order_by("pk")]


def feedback(participation: Participation) -> list[Row]:
    return [row(f) for f in Feedback.objects.filter(by=participation).order_by("pk")]


def agreements(participation: Participation) -> list[Row]:
    """The agreements the organization is a party to, with every party's name."""
    found = (
        Agreement.objects.filter(parties__participation=participation)
        .prefetch_related("parties__participation__organization")
        .distinct()
        .order_by("pk")
    )
    return [
        row(agreement, parties=[_name(party.participation) for party in agreement.parties.all()])
        for agreement in found
    ]


def conversations(participation: Participation) -> list[Row]:
    """The organization's conversations, each with its messages (both sides': the thread)."""
    found = (
        Conversation.objects.filter(Q(first=participation) | Q(second=participation))
        .select_related("first__organization", "second__organization")
        .order_by("pk")
    )
    rows = []
    for conversation in found:
        partner = (
            conversation.second
            if conversation.first_id == participation.pk
            else (conversation.first)
        )
        messages = Message.objects.filter(conversation=conversation).order_by("sent_at", "pk")
        rows.append(row(conversation, partner=_name(partner), messages=[row(m) for m in messages]))
    return rows


PARTICIPATION_SOURCES: dict[str, Callable[[Participation], list[Row]]] = {
    "profile": profile,
    "opportunities": opportunities,
    "requests_sent": requests_sent,
    "requests_received": requests_received,
    "meetings": meetings,
    "cancellations": cancellations,
    "presence": presence,
    "badges": badges,
    "check_ins": check_ins,
    "waitlist_places": waitlist_places,
    "sign_ups": sign_ups,
    "feedback": feedback,
    "agreements": agreements,
    "conversations": conversations,
}


def participations_of_person(user: AbstractBaseUser) -> list[Participation]:
    """Every participation of the person's organization (none for an organizer's account)."""
    delegate = Delegate.objects.filter(user=user).first()
    if delegate is None:
        return []
    return list(
        Participation.objects.filter(organization_id=delegate.organization_id)
        .select_related("event", "organization")
        .order_by("event__created_at", "pk")
    )


def personal_data(user: AbstractBaseUser) -> Row:
    """The whole document: the account, the person's own rows, one entry per participation."""
    return {
        "format": FORMAT,
        "made_at": _value(timezone.now()),
        "account": account(user),
        **{name: source(user) for name, source in PERSON_SOURCES.items()},
        "participations": [
            {
                "event": {"id": p.event_id, "code": p.event.code, "name": p.event.name},
                **{name: source(p) for name, source in PARTICIPATION_SOURCES.items()},
            }
            for p in participations_of_person(user)
        ],
    }


def export_personal_data(*, user: AbstractBaseUser, way: str) -> Row:
    """The document for its owner, noted in the access log of each event it covers.

    ``way`` says where it went (``"json"``, ``"pdf"``, ``"api"``). An account with no
    participation belongs to no event's trail and leaves no entry.
    """
    with transaction.atomic():
        document = personal_data(user)
        for participation in participations_of_person(user):
            record_export(
                event=participation.event,
                action=PERSONAL_DATA,
                subject=participation,
                detail={"way": way},
            )
    return document
