"""The event's interpreters: added, changed and deleted by organizers, on the pages, in a
spreadsheet or through the API.

An interpreter's id and languages follow the event file's rules (an id the file can
name, two or more ISO 639-1 codes), checked by the core's own types. What only the
event's rows know is checked here: ids are unique in the event, availability touches
the event's sessions, and a published meeting the interpreter was assigned to keeps
working: the change is refused while the interpreter would no longer cover the
meeting's languages or its time, and the deletion while any is assigned. Drafts just
lose the assignment; the next run assigns someone again.
"""

from django.core.exceptions import ValidationError as FieldError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair import core
from matchfair.web import stored_text
from matchfair.web.audit.services import record
from matchfair.web.directory.availability import window_errors
from matchfair.web.directory.validation import field_validator, validate_availability
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import Event, Interpreter
from matchfair.web.meetings.domain.availability import outside, published_left_outside
from matchfair.web.meetings.domain.schedule_lock import lock_schedule
from matchfair.web.meetings.models import Meeting

validate_code = field_validator(core.Interpreter, "id")
validate_interpreter_languages = field_validator(core.Interpreter, "languages")


class InterpreterRuleError(EventRuleError):
    """A change refused field by field: ``errors`` maps a field (or None) to its messages;
    ``conflict`` when the values are fine but the event's rows forbid them (an id taken,
    a published meeting), which the API answers with 409 instead of 422."""

    def __init__(self, errors: dict[str | None, list[str]], *, conflict: bool = False) -> None:
        self.errors = errors
        self.conflict = conflict
        super().__init__("; ".join(m for messages in errors.values() for m in messages))


def _sides(meeting: Meeting) -> str:
    return f"{meeting.a.organization.name} – {meeting.b.organization.name}"


def _checked(
    *,
    event: Event,
    interpreter: Interpreter | None,
    code: str,
    languages: list[str],
    availability: list[dict[str, str]] | None,
) -> tuple[list[str], dict[str | None, list[str]]]:
    """The languages as the core stores them, and every refusal by field."""
    errors: dict[str | None, list[str]] = {}
    checked: list[str] = []
    try:
        validate_code(code)
    except FieldError as error:
        errors["code"] = list(error.messages)
    taken = Interpreter.objects.filter(event=event, code=code)
    if interpreter is not None:
        taken = taken.exclude(pk=interpreter.pk)
    if taken.exists():
        errors.setdefault("id taken", [])
        errors.setdefault("code", []).append(
            _("Another interpreter of this event has the id “%(code)s”.") % {"code": code}
        )
    try:
        checked = list(validate_interpreter_languages(languages))
    except FieldError as error:
        errors["languages"] = list(error.messages)
    window_problems = window_errors(event=event, availability=availability)
    if window_problems:
        errors["availability"] = window_problems
    return checked, errors


def _refused(errors: dict[str | None, list[str]]) -> InterpreterRuleError:
    """The refusal of ``_checked``'s errors: a conflict when the only fault is an id taken."""
    taken = errors.pop("id taken", None) is not None
    return InterpreterRuleError(errors, conflict=taken and set(errors) == {"code"})


def _published_problems(
    interpreter: Interpreter, languages: list[str], availability: list[dict[str, str]] | None
) -> tuple[dict[str | None, list[str]], list[Meeting]]:
    """Refusals for the published meetings the new values would break, and the drafts
    they would break (which lose the assignment instead)."""
    meetings = list(
        Meeting.objects.filter(interpreter=interpreter).select_related(
            "a__organization", "b__organization"
        )
    )
    spoken = set(languages)
    uncovered = [
        m for m in meetings if not (spoken & set(m.a.languages) and spoken & set(m.b.languages))
    ]
    left = outside(validate_availability(availability), meetings)
    errors: dict[str | None, list[str]] = {}
    names = {m.pk: _sides(m) for m in meetings}
    lost = [
        _("The published meeting %(sides)s needs a language of each side.") % {"sides": names[m.pk]}
        for m in uncovered
        if m.published
    ]
    if lost:
        errors["languages"] = lost
    outside_times = published_left_outside(left, names)
    if outside_times:
        errors["availability"] = outside_times
    drafts = {m.pk: m for m in uncovered + left if not m.published}
    return errors, list(drafts.values())


@transaction.atomic
def add_interpreter(
    *, event: Event, code: str, languages: list[str], availability: list[dict[str, str]] | None
) -> Interpreter:
    """A new interpreter the next run may assign."""
    lock_schedule(event=event)
    checked, errors = _checked(
        event=event, interpreter=None, code=code, languages=languages, availability=availability
    )
    if errors:
        raise _refused(errors)
    position = Interpreter.objects.filter(event=event).count()
    interpreter = Interpreter.objects.create(
        event=event, code=code, languages=checked, availability=availability, position=position
    )
    record(event, "interpreter.added", interpreter, f"{code}: {', '.join(checked)}")
    return interpreter


@transaction.atomic
def change_interpreter(
    *,
    interpreter: Interpreter,
    code: str,
    languages: list[str],
    availability: list[dict[str, str]] | None,
) -> int:
    """Save an interpreter's id, languages and availability; returns how many draft
    meetings lost the assignment because it no longer fits them."""
    event = interpreter.event
    lock_schedule(event=event)
    checked, errors = _checked(
        event=event,
        interpreter=interpreter,
        code=code,
        languages=languages,
        availability=availability,
    )
    if errors:
        raise _refused(errors)
    errors, drafts = _published_problems(interpreter, checked, availability)
    if errors:
        raise InterpreterRuleError(errors, conflict=True)
    Meeting.objects.filter(pk__in=[m.pk for m in drafts]).update(interpreter=None)
    before = interpreter.code
    interpreter.code, interpreter.languages, interpreter.availability = (
        code,
        checked,
        availability,
    )
    interpreter.save(update_fields=["code", "languages", "availability"])
    summary: str | stored_text.Stored = f"{before} → {code}: {', '.join(checked)}"
    if drafts:
        summary = stored_text.ngettext(
            "%(summary)s; %(count)d draft meeting without interpreter",
            "%(summary)s; %(count)d draft meetings without interpreter",
            len(drafts),
            summary=summary,
        )
    record(event, "interpreter.changed", interpreter, summary)
    return len(drafts)


def assignments(interpreter: Interpreter) -> tuple[list[Meeting], int]:
    """The published meetings the interpreter is assigned to, and how many drafts."""
    meetings = list(
        Meeting.objects.filter(interpreter=interpreter).select_related(
            "a__organization", "b__organization"
        )
    )
    return [m for m in meetings if m.published], sum(not m.published for m in meetings)


def deletion_blocker(interpreter: Interpreter, published: list[Meeting]) -> str:
    """Why the interpreter cannot be deleted, naming its published meetings ("" if it can)."""
    if not published:
        return ""
    return ngettext(
        "%(code)s interprets %(count)d published meeting (%(meetings)s) "
        "and cannot be deleted while assigned to it.",
        "%(code)s interprets %(count)d published meetings (%(meetings)s) "
        "and cannot be deleted while assigned to them.",
        len(published),
    ) % {
        "code": interpreter.code,
        "count": len(published),
        "meetings": "; ".join(_sides(m) for m in published),
    }


@transaction.atomic
def delete_interpreter(*, interpreter: Interpreter) -> int:
    """Remove an interpreter; returns how many draft meetings lost the assignment.

    Refused while published meetings are assigned to the interpreter: their delegates
    were told someone would interpret.
    """
    event = interpreter.event
    lock_schedule(event=event)
    published, _drafts = assignments(interpreter)
    if published:
        raise InterpreterRuleError(
            {None: [deletion_blocker(interpreter, published)]}, conflict=True
        )
    drafts = Meeting.objects.filter(interpreter=interpreter).update(interpreter=None)
    record(event, "interpreter.deleted", interpreter, interpreter.code)
    interpreter.delete()
    return drafts
