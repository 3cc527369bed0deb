"""The spec's validity rules 1-8, checked on a schedule from any source.

Every violation is returned, not the first, so that ``matchfair check`` can list
them all and the solver's self-check can show exactly what went wrong. Each
violation names its rule and the meeting it concerns.
"""

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from matchfair.core import (
    Event,
    Interpreter,
    Organization,
    Schedule,
    ScheduledMeeting,
    Slot,
    accepted_meetings,
    window_contains,
)
from matchfair.i18n import gettext as _
from matchfair.i18n import ngettext
from matchfair.scheduling.problem_builder import is_online, mode_allows, needs_interpreter
from matchfair.scheduling.slot_index import SlotIndex


@dataclass(frozen=True)
class Violation:
    """One broken rule: its number in the spec, where (``meetings[4]``) and what."""

    rule: int
    where: str
    message: str

    def __str__(self) -> str:
        return _("rule {rule}, {where}: {message}").format(
            rule=self.rule, where=self.where, message=self.message
        )


def validate_schedule(event: Event, schedule: Schedule) -> list[Violation]:
    """Every violation of rules 1-8 by ``schedule`` for ``event`` (empty when valid)."""
    violations: list[Violation] = []
    organizations = {organization.id: organization for organization in event.organizations}
    interpreters = {person.id: person for person in event.interpreters}
    accepted = {(meeting.a, meeting.b): meeting for meeting in accepted_meetings(event)}
    sessions = {session.id: session for session in event.event.sessions}
    index = SlotIndex(event)

    if schedule.event != event.event.id:
        violations.append(
            Violation(
                1,
                "event",
                _("the schedule is for event '{found}', not '{expected}'").format(
                    found=schedule.event, expected=event.event.id
                ),
            )
        )

    seen: set[tuple[str, str]] = set()
    party_load: Counter[tuple[str, int]] = Counter()
    onsite: defaultdict[int, list[int]] = defaultdict(list)
    online: Counter[int] = Counter()
    interpreting: defaultdict[tuple[str, int], list[int]] = defaultdict(list)

    for number, meeting in enumerate(schedule.meetings):
        where = f"meetings[{number}] ({meeting.a}-{meeting.b})"

        def report(rule: int, message: str, where: str = where) -> None:
            violations.append(Violation(rule, where, message))

        pair = (min(meeting.a, meeting.b), max(meeting.a, meeting.b))
        request = accepted.get(pair)
        if request is None:
            report(1, _("not an accepted meeting request of the event"))
        if pair in seen:
            report(1, _("this pair is scheduled more than once"))
        seen.add(pair)

        slot_number = index.find(meeting)
        if meeting.session not in sessions:
            report(2, _("no session '{session}'").format(session=meeting.session))
            continue
        if slot_number is None:
            report(
                2,
                _("{start}-{end} is not a slot of session '{session}'").format(
                    start=meeting.start.isoformat(),
                    end=meeting.end.isoformat(),
                    session=meeting.session,
                ),
            )
            continue
        allowed = request.sessions if request is not None else None
        if allowed is not None and meeting.session not in allowed:
            report(
                2,
                _("the request allows only sessions {allowed}").format(
                    allowed=", ".join(sorted(allowed))
                ),
            )
        slot = index.slot(slot_number)
        sides = [organizations.get(meeting.a), organizations.get(meeting.b)]
        for side_id, side in zip((meeting.a, meeting.b), sides, strict=True):
            if side is None:
                report(1, _("no organization '{id}'").format(id=side_id))
            elif not window_contains(side.availability, slot):
                report(3, _("{id} is not available for this slot").format(id=side_id))
            party_load[(side_id, slot_number)] += 1
        if sides[0] is None or sides[1] is None:
            continue
        first, second = sides[0], sides[1]

        should_be_online = is_online(first, second)
        if meeting.online != should_be_online:
            report(
                5,
                _("must be online (one side attends online)")
                if should_be_online
                else _("must be on site (both sides attend on site)"),
            )
        mode = sessions[meeting.session].mode
        if not mode_allows(mode, meeting.online):
            report(5, _("a {mode} session cannot hold this meeting").format(mode=mode))
        if meeting.online:
            online[slot_number] += 1
        else:
            onsite[slot_number].append(number)

        _check_interpreter(meeting, first, second, slot, interpreters, report)
        if meeting.interpreter is not None:
            interpreting[(meeting.interpreter, slot_number)].append(number)

    for (party, slot_number), load in sorted(party_load.items()):
        organization = organizations.get(party)
        if organization is not None and load > organization.delegates:
            violations.append(
                Violation(
                    4,
                    _slot_label(index, slot_number),
                    ngettext(
                        "{id} holds {load} meetings at once but has {delegates} delegate",
                        "{id} holds {load} meetings at once but has {delegates} delegates",
                        organization.delegates,
                    ).format(id=party, load=load, delegates=organization.delegates),
                )
            )
    violations.extend(_capacity_violations(event, schedule, index, onsite, online))
    for (person, slot_number), numbers in sorted(interpreting.items()):
        if len(numbers) > 1:
            violations.append(
                Violation(
                    7,
                    _slot_label(index, slot_number),
                    _("interpreter {id} is in {count} meetings at once").format(
                        id=person, count=len(numbers)
                    ),
                )
            )

    listed = {
        (min(entry.a, entry.b), max(entry.a, entry.b))
        for entry in schedule.unscheduled
        if entry.reason.strip()
    }
    for pair in sorted(accepted):
        if pair not in seen and pair not in listed:
            violations.append(
                Violation(
                    8,
                    "unscheduled",
                    _(
                        "accepted request {a}-{b} is neither scheduled nor listed with a reason"
                    ).format(a=pair[0], b=pair[1]),
                )
            )
    return violations


def _slot_label(index: SlotIndex, slot_number: int) -> str:
    slot = index.slot(slot_number)
    return f"{slot.session} {slot.start.isoformat()}"


def _check_interpreter(
    meeting: ScheduledMeeting,
    first: Organization,
    second: Organization,
    slot: Slot,
    interpreters: dict[str, Interpreter],
    report: Callable[[int, str], None],
) -> None:
    """Rule 7 for one meeting: the right interpreter, available, when one is needed."""
    if meeting.interpreter is None:
        if needs_interpreter(first, second):
            report(
                7,
                _("{a} and {b} share no language and no interpreter is assigned").format(
                    a=first.id, b=second.id
                ),
            )
        return
    person = interpreters.get(meeting.interpreter)
    if person is None:
        report(7, _("no interpreter '{id}'").format(id=meeting.interpreter))
        return
    if needs_interpreter(first, second) and not (
        set(person.languages) & set(first.languages)
        and set(person.languages) & set(second.languages)
    ):
        report(
            7,
            _("interpreter {id} does not cover a language of each side").format(id=person.id),
        )
    if not window_contains(person.availability, slot):
        report(7, _("interpreter {id} is not available for this slot").format(id=person.id))


def _capacity_violations(
    event: Event,
    schedule: Schedule,
    index: SlotIndex,
    onsite: dict[int, list[int]],
    online: Counter[int],
) -> list[Violation]:
    """Rule 6: tables and online rooms per slot, each on-site meeting at its own location."""
    violations: list[Violation] = []
    tables = event.event.tables
    rooms = event.event.online_rooms
    for slot_number, numbers in sorted(onsite.items()):
        label = _slot_label(index, slot_number)
        if tables is not None and len(numbers) > tables:
            violations.append(
                Violation(
                    6,
                    label,
                    ngettext(
                        "{count} on-site meetings but {tables} table",
                        "{count} on-site meetings but {tables} tables",
                        tables,
                    ).format(count=len(numbers), tables=tables),
                )
            )
        locations: Counter[str] = Counter()
        for number in numbers:
            location = schedule.meetings[number].location
            if not location:
                violations.append(
                    Violation(6, f"meetings[{number}]", _("an on-site meeting needs a location"))
                )
            else:
                locations[location] += 1
        for location, count in sorted(locations.items()):
            if count > 1:
                violations.append(
                    Violation(
                        6,
                        label,
                        _("{count} on-site meetings share location '{location}'").format(
                            count=count, location=location
                        ),
                    )
                )
    for slot_number, count in sorted(online.items()):
        if rooms is not None and count > rooms:
            violations.append(
                Violation(
                    6,
                    _slot_label(index, slot_number),
                    ngettext(
                        "{count} online meetings but {rooms} online room",
                        "{count} online meetings but {rooms} online rooms",
                        rooms,
                    ).format(count=count, rooms=rooms),
                )
            )
    return violations
