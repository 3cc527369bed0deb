"""Changing what an organization brings to an event, as far as its meetings allow.

The directory entry (name, country, kind) is shared by every edition the organization
attends: it may be changed here only while this event is its only one, so that an
organizer never rewrites another event's data. A new attendance or fewer parallel
meetings drop the draft meetings and are refused while published meetings would
break. Taking the organization out of the event also weighs its recorded outcomes,
so it is ``outcomes.domain.participation_removal``.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from pydantic import ValidationError

from matchfair import core
from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.availability import window_errors
from matchfair.web.directory.models import Participation
from matchfair.web.directory.validation import validate_availability
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.meetings.domain.availability import outside, published_left_outside
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting

# The event file's names of an organization's fields, as the edit form names them.
FORM_FIELDS = {"id": "code"}


class ParticipationRuleError(EventRuleError):
    """A change refused field by field: ``errors`` maps a form field (or None) to its messages."""

    def __init__(self, errors: dict[str | None, list[str]]) -> None:
        self.errors = errors
        super().__init__("; ".join(m for messages in errors.values() for m in messages))


def shared_with_other_events(*, participation: Participation) -> bool:
    """Whether the organization's directory entry is also used by another edition."""
    return (
        Participation.objects.filter(organization_id=participation.organization_id)
        .exclude(pk=participation.pk)
        .exists()
    )


def meetings_of(participation: Participation) -> Q:
    """The meetings the participation takes part in, on either side."""
    return Q(a=participation) | Q(b=participation)


def _as_core(
    participation: Participation, fields: dict[str, object]
) -> tuple[core.Organization | None, dict[str | None, list[str]]]:
    """The event file's rules for an organization (ISO codes, an id, a name, NACE sections...):
    the organization as the core reads it (keywords folded, sections in capitals), or the
    refusals field by field."""
    try:
        checked = core.Organization(
            id=fields["code"],
            name=fields["name"],
            country=fields["country"] or None,
            kind=fields["kind"] or None,
            nace=fields["nace"],
            sectors=fields["sectors"],
            languages=fields["languages"],
            attendance=fields["attendance"],
            delegates=fields["delegates"],
            group=fields["group"] or None,
            availability=participation.availability,
            description=fields["description"] or None,
        )
    except ValidationError as error:
        errors: dict[str | None, list[str]] = {}
        for issue in error.errors():
            field = str(issue["loc"][0]) if issue["loc"] else None
            errors.setdefault(FORM_FIELDS.get(field, field), []).append(issue["msg"])
        return None, errors
    return checked, {}


def _published_overlaps(participation: Participation, parallel: int) -> int:
    """The largest number of its published meetings at one time above ``parallel``, or 0."""
    starts = (
        Meeting.objects.filter(meetings_of(participation), published=True)
        .values("start")
        .annotate(count=Count("id"))
        .order_by("-count")
        .first()
    )
    return starts["count"] if starts and starts["count"] > parallel else 0


@transaction.atomic
def change_participation(*, participation: Participation, **fields: object) -> int:
    """Save the edit form's fields; returns how many draft meetings were dropped.

    ``fields``: name, country, kind (the directory entry), code, group, attendance,
    delegates (parallel meetings), languages, nace (NACE sections), sectors (keywords),
    description. A new attendance or
    fewer parallel meetings drop the drafts (the next run places them again) and are
    refused when published meetings would break them.
    """
    lock_schedule(event=participation.event)
    organization = participation.organization
    checked, errors = _as_core(participation, fields)
    identity = (fields["name"], fields["country"], fields["kind"])
    changes_identity = identity != (organization.name, organization.country, organization.kind)
    if changes_identity and shared_with_other_events(participation=participation):
        errors.setdefault("name", []).append(
            _(
                "This organization also takes part in other events: its name, country "
                "and kind can only be changed in the directory, by an administrator."
            )
        )
    code = str(fields["code"])
    taken = Participation.objects.filter(event_id=participation.event_id, code=code)
    if taken.exclude(pk=participation.pk).exists():
        errors.setdefault("code", []).append(
            _("Another organization of this event has the id “%(code)s”.") % {"code": code}
        )
    attendance_changes = fields["attendance"] != participation.attendance
    parallel = int(fields["delegates"])
    published = Meeting.objects.filter(meetings_of(participation), published=True).count()
    if attendance_changes and published:
        errors.setdefault("attendance", []).append(
            ngettext(
                "It has %(count)d published meeting: its attendance cannot change any more.",
                "It has %(count)d published meetings: its attendance cannot change any more.",
                published,
            )
            % {"count": published}
        )
    overlap = _published_overlaps(participation, parallel)
    if overlap:
        errors.setdefault("delegates", []).append(
            _("It holds %(count)d published meetings at one time.") % {"count": overlap}
        )
    if errors or checked is None:
        raise ParticipationRuleError(errors)
    dropped = 0
    if attendance_changes or parallel < participation.delegates:
        dropped, _deleted = Meeting.objects.filter(
            meetings_of(participation), published=False
        ).delete()
    before = f"{organization.name} ({participation.code})"
    organization.name, organization.country, organization.kind = identity
    organization.save()
    for name in ("code", "group", "attendance", "delegates"):
        setattr(participation, name, fields[name])
    participation.languages = list(checked.languages)
    participation.nace = list(checked.nace)
    participation.sectors = list(checked.sectors)
    participation.group = participation.group or None
    participation.description = fields["description"] or None
    participation.save()
    summary: str | stored_text.Stored = f"{before} → {organization.name} ({participation.code})"
    if dropped:
        summary = stored_text.ngettext(
            "%(summary)s; %(count)d draft meeting removed",
            "%(summary)s; %(count)d draft meetings removed",
            dropped,
            summary=summary,
        )
    record(participation.event, "participation.changed", participation, summary)
    return dropped


@transaction.atomic
def change_availability(
    *, participation: Participation, availability: list[dict[str, str]] | None
) -> int:
    """Set when the organization can meet (None: every session); returns the draft meetings
    dropped because they fall outside the new windows.

    The windows are checked with the event file's rule (each ends after it starts) and
    must touch one of the event's sessions, and the change is refused while a published
    meeting would fall outside them, naming it: its delegates were told the time
    already. A draft outside is dropped; the next run places it again.
    """
    lock_schedule(event=participation.event)
    errors = window_errors(event=participation.event, availability=availability)
    if errors:
        raise ParticipationRuleError({"availability": errors})
    windows = validate_availability(availability)
    meetings = list(
        Meeting.objects.filter(meetings_of(participation)).select_related(
            "a__organization", "b__organization"
        )
    )
    left = outside(windows, meetings)
    partners = {m.pk: (m.b if m.a_id == participation.pk else m.a).organization.name for m in left}
    refusals = published_left_outside(left, partners)
    if refusals:
        raise ParticipationRuleError({"availability": refusals})
    drafts = [m.pk for m in left]
    Meeting.objects.filter(pk__in=drafts).delete()
    participation.availability = availability
    participation.save(update_fields=["availability"])
    summary = f"{participation.organization.name} ({participation.code}): availability"
    if drafts:
        summary += f"; {len(drafts)} draft meetings removed"
    record(participation.event, "participation.changed", participation, summary)
    return len(drafts)
