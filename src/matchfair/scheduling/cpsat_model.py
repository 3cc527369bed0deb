"""The time-indexed CP-SAT model of the scheduling problem.

One boolean per (meeting, slot it may take). Capacity rules become linear
constraints per slot. For the quality terms each organization gets, per slot of a
session, an "occupied" boolean and the prefix/suffix ORs of it; an idle slot is one
that is unoccupied while both the prefix and the suffix are set, and a break starts
where an idle run starts. All these definitions are exact (both directions), which
lets the solver propagate from "no break here" to "these meetings are consecutive",
the implied reasoning that makes the B2B benchmark's zero-break optima provable.

The model can be built over a subset of the meetings (the *free* ones) while the
others stay where a base placement put them: that is how ``--keep`` pins published
meetings and how large neighbourhood search re-optimizes one part at a time.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from ortools.sat.python import cp_model

from matchfair.scheduling.metrics import row_gaps
from matchfair.scheduling.problem import Assignment, Placement, Problem, fixed_load


@dataclass
class QualityTerms:
    """The booleans whose sums are the breaks and the idle slots of the modelled parties."""

    breaks: list[cp_model.IntVar] = field(default_factory=list)
    idle: list[cp_model.IntVar] = field(default_factory=list)
    constant_breaks: int = 0
    constant_idle: int = 0


@dataclass
class SchedulingModel:
    """A CP-SAT model with handles on its decision variables and objective terms."""

    model: cp_model.CpModel
    placed: dict[int, dict[int, cp_model.IntVar]]
    interpreting: dict[tuple[int, int], dict[int, cp_model.IntVar]]
    quality: QualityTerms
    fixed: Placement

    def hint(self, placement: Placement) -> None:
        """Suggest a placement to the solver (a warm start)."""
        for index, by_slot in self.placed.items():
            chosen = placement.get(index)
            for slot, var in by_slot.items():
                here = chosen is not None and chosen.slot == slot
                self.model.add_hint(var, here)
                helpers = self.interpreting.get((index, slot), {})
                person = chosen.interpreter if here and chosen is not None else None
                if here and person not in helpers and helpers:
                    person = min(helpers)
                for someone, helper in helpers.items():
                    self.model.add_hint(helper, someone == person)

    def read(self, solver: cp_model.CpSolver) -> Placement:
        """The placement of the solver's best solution, fixed meetings included."""
        placement: Placement = dict(self.fixed)
        for index, by_slot in self.placed.items():
            for slot, var in by_slot.items():
                if solver.boolean_value(var):
                    interpreter = None
                    for person, chosen in self.interpreting.get((index, slot), {}).items():
                        if solver.boolean_value(chosen):
                            interpreter = person
                    placement[index] = Assignment(slot, interpreter)
        return placement


def build_model(
    problem: Problem,
    free: Iterable[int],
    fixed: Placement,
    *,
    with_quality: bool,
    forced: Iterable[int] = (),
    quality_parties: set[int] | None = None,
) -> SchedulingModel:
    """Model the placement of the ``free`` candidates around the ``fixed`` ones.

    ``forced`` candidates must be placed. ``with_quality`` adds the break and
    idle-slot terms for ``quality_parties`` (default: every party touched by a free
    candidate).
    """
    forced = set(forced)
    model = cp_model.CpModel()
    free = sorted(set(free) - set(fixed))
    load = fixed_load(problem, fixed)
    party_load, onsite_load, online_load = load.party, load.onsite, load.online

    placed: dict[int, dict[int, cp_model.IntVar]] = {}
    interpreting: dict[tuple[int, int], dict[int, cp_model.IntVar]] = {}
    party_terms: dict[tuple[int, int], list[cp_model.IntVar]] = {}
    onsite_terms: dict[int, list[cp_model.IntVar]] = {}
    online_terms: dict[int, list[cp_model.IntVar]] = {}
    interpreter_terms: dict[tuple[int, int], list[cp_model.IntVar]] = {}

    for index in free:
        candidate = problem.candidates[index]
        by_slot: dict[int, cp_model.IntVar] = {}
        for slot, people in load.open_slots(problem, candidate):
            helpers: dict[int, cp_model.IntVar] = {}
            var = model.new_bool_var(f"x{index}_{slot}")
            by_slot[slot] = var
            if candidate.needs_interpreter:
                for person in people:
                    helper = model.new_bool_var(f"i{index}_{slot}_{person}")
                    helpers[person] = helper
                    interpreter_terms.setdefault((person, slot), []).append(helper)
                model.add(cp_model.LinearExpr.sum(list(helpers.values())) == var)
                interpreting[(index, slot)] = helpers
            party_terms.setdefault((candidate.a, slot), []).append(var)
            party_terms.setdefault((candidate.b, slot), []).append(var)
            (online_terms if candidate.online else onsite_terms).setdefault(slot, []).append(var)
        if by_slot:
            placed[index] = by_slot
            if index in forced:
                model.add_exactly_one(by_slot.values())
            else:
                model.add_at_most_one(by_slot.values())
        elif index in forced:
            model.add_bool_or([])  # a forced meeting with no room left: infeasible

    for (party, slot), terms in party_terms.items():
        room = problem.capacity[party] - party_load[party][slot]
        if len(terms) > room:
            model.add(cp_model.LinearExpr.sum(terms) <= room)
    for terms_by_slot, limits, loads in (
        (onsite_terms, problem.onsite_capacity, onsite_load),
        (online_terms, problem.online_capacity, online_load),
    ):
        for slot, terms in terms_by_slot.items():
            limit = limits[slot]
            if limit is not None and len(terms) > limit - loads[slot]:
                model.add(cp_model.LinearExpr.sum(terms) <= limit - loads[slot])
    for terms in interpreter_terms.values():
        if len(terms) > 1:
            model.add_at_most_one(terms)

    quality = QualityTerms()
    if with_quality:
        if quality_parties is None:
            quality_parties = {problem.candidates[i].a for i in placed} | {
                problem.candidates[i].b for i in placed
            }
        positions = _slot_positions(model, placed, forced)
        held: dict[int, list[int]] = {}
        for index in positions:
            held.setdefault(problem.candidates[index].a, []).append(index)
            held.setdefault(problem.candidates[index].b, []).append(index)
        for party in sorted(quality_parties):
            for session in problem.sessions:
                occupied = _add_session_quality(
                    model, problem, party, session, party_load, party_terms, quality
                )
                if occupied is not None and problem.capacity[party] == 1:
                    least = _least_occupied(problem, party, session, party_load, placed, forced)
                    _add_windows(model, occupied, least)
                    inside = [
                        positions[index]
                        for index in held.get(party, [])
                        if all(slot in session for slot in placed[index])
                    ]
                    _add_span(model, occupied, least, inside, session.start)
            if problem.capacity[party] == 1:
                _add_all_different(model, [positions[index] for index in held.get(party, [])])

    return SchedulingModel(model, placed, interpreting, quality, dict(fixed))


def _add_session_quality(
    model: cp_model.CpModel,
    problem: Problem,
    party: int,
    session: range,
    party_load: list[list[int]],
    party_terms: dict[tuple[int, int], list[cp_model.IntVar]],
    quality: QualityTerms,
) -> "Occupancy | None":
    """Exact break and idle indicators of one party in one session.

    Returns the session's occupancy row, or None when it is fully known.
    """
    occupied: list[cp_model.IntVar | int] = []
    for slot in session:
        terms = party_terms.get((party, slot), [])
        if party_load[party][slot] > 0:
            occupied.append(1)
        elif not terms:
            occupied.append(0)
        else:
            var = model.new_bool_var("")
            if problem.capacity[party] == 1:
                model.add(cp_model.LinearExpr.sum(terms) == var)
            else:
                model.add_bool_or(terms).only_enforce_if(var)
                for term in terms:
                    model.add_implication(term, var)
            occupied.append(var)
    if all(isinstance(value, int) for value in occupied):
        gaps = row_gaps([bool(value) for value in occupied])
        quality.constant_breaks += gaps.breaks
        quality.constant_idle += gaps.idle
        return None
    prefix = _running_or(model, occupied)
    suffix = list(reversed(_running_or(model, list(reversed(occupied)))))
    idle: list[cp_model.IntVar | int] = []
    for here, before, after in zip(occupied, prefix, suffix, strict=True):
        idle.append(_idle_indicator(model, here, before, after))
    starts: list[cp_model.IntVar] = []
    constant_starts = 0
    previous: cp_model.IntVar | int = 0
    for current in idle:
        if isinstance(current, int):
            # A slot idle whatever happens (a hole between pinned meetings) starts a
            # break unless the slot before it is idle too.
            if current and isinstance(previous, int) and not previous:
                constant_starts += 1
            elif current and not isinstance(previous, int):
                start = model.new_bool_var("")
                model.add(start + previous == 1)
                starts.append(start)
            previous = current
            continue
        start = model.new_bool_var("")
        # start <=> current and not previous
        model.add_implication(start, current)
        if isinstance(previous, int):
            if previous:
                model.add(start == 0)
            else:
                model.add(start == current)
        else:
            model.add_implication(start, previous.Not())
            model.add_bool_or([start, current.Not(), previous])
        starts.append(start)
        previous = current
    idle_vars = [value for value in idle if not isinstance(value, int)]
    quality.constant_idle += sum(value for value in idle if isinstance(value, int))
    quality.constant_breaks += constant_starts
    if starts and not constant_starts:
        # Implied: any idle slot means at least one break.
        total_breaks = cp_model.LinearExpr.sum(starts)
        for value in idle_vars:
            model.add(total_breaks >= value)
    quality.breaks.extend(starts)
    quality.idle.extend(idle_vars)
    return Occupancy(occupied, prefix, suffix, idle, starts, constant_starts)


@dataclass
class Occupancy:
    """One party's occupancy of one session.

    Per slot: whether it meets, whether it met at or before it (prefix) and meets at
    or after it (suffix), whether it is idle; and the break-start booleans.
    """

    occupied: list[cp_model.IntVar | int]
    prefix: list[cp_model.IntVar | int]
    suffix: list[cp_model.IntVar | int]
    idle: list[cp_model.IntVar | int]
    break_starts: list[cp_model.IntVar]
    constant_breaks: int = 0

    @property
    def any_meeting(self) -> cp_model.IntVar | int:
        return self.prefix[-1]


WINDOW_LIMIT = 400
"""Most window booleans added for one party and session; beyond that the gain is not worth it."""


def _least_occupied(
    problem: Problem,
    party: int,
    session: range,
    party_load: list[list[int]],
    placed: dict[int, dict[int, cp_model.IntVar]],
    forced: set[int],
) -> int:
    """Fewest slots of ``session`` the party can occupy: fixed ones plus forced meetings held there."""
    least = sum(1 for slot in session if party_load[party][slot] > 0)
    for index, by_slot in placed.items():
        candidate = problem.candidates[index]
        involved = index in forced and party in (candidate.a, candidate.b)
        if involved and all(slot in session for slot in by_slot):
            least += 1
    return least


def _add_windows(model: cp_model.CpModel, row: Occupancy, least: int) -> None:
    """The implied constraint that makes "no break" cheap to prove or refute.

    A party without a break in a session occupies one window of consecutive slots.
    One boolean per possible window (start, length), with the occupancy it implies,
    plus "no window chosen and some meeting held => at least one break", gives the
    LP relaxation the convex hull of break-free rows instead of a fractional mess.
    """
    length = len(row.occupied)
    most = sum(1 for value in row.occupied if not (isinstance(value, int) and value == 0))
    shapes = [
        (first, size)
        for size in range(max(1, least), most + 1)
        for first in range(length - size + 1)
    ]
    if not shapes or len(shapes) > WINDOW_LIMIT or row.constant_breaks:
        return
    windows = []
    for first, size in shapes:
        inside = range(first, first + size)
        if any(
            isinstance(value, int) and value != (position in inside)
            for position, value in enumerate(row.occupied)
        ):
            continue
        window = model.new_bool_var("")
        for position, value in enumerate(row.occupied):
            if isinstance(value, int):
                continue
            if position in inside:
                model.add_implication(window, value)
            else:
                model.add_implication(window, value.Not())
        windows.append(window)
    model.add_at_most_one(windows)
    model.add(
        cp_model.LinearExpr.sum(windows) + cp_model.LinearExpr.sum(row.break_starts)
        >= row.any_meeting
    )


def _slot_positions(
    model: cp_model.CpModel,
    placed: dict[int, dict[int, cp_model.IntVar]],
    forced: set[int],
) -> dict[int, cp_model.IntVar]:
    """An integer slot variable per forced meeting: its global slot index, channelled."""
    positions: dict[int, cp_model.IntVar] = {}
    for index in sorted(forced):
        by_slot = placed.get(index)
        if not by_slot:
            continue
        domain = cp_model.Domain.FromValues(sorted(by_slot))
        position = model.new_int_var_from_domain(domain, f"s{index}")
        model.add(
            position == cp_model.LinearExpr.weighted_sum(list(by_slot.values()), list(by_slot))
        )
        positions[index] = position
    return positions


def _add_all_different(model: cp_model.CpModel, slots: list[cp_model.IntVar]) -> None:
    """Implied for a party holding one meeting at a time: its forced meetings take distinct slots.

    (Slots its fixed meetings hold are already out of these domains.) With the span
    bounds of ``_add_span`` this lets CP-SAT's all-different reason on Hall
    intervals: n meetings inside a window of n slots use every slot of it, which
    proves or refutes break-free rows without search.
    """
    if len(slots) > 1:
        model.add_all_different(slots)


def _add_span(
    model: cp_model.CpModel,
    row: Occupancy,
    least: int,
    inside: list[cp_model.IntVar],
    offset: int,
) -> None:
    """Implied, for a party with one meeting at a time: first and last occupied slot as integers.

    ``first``/``last`` are channelled exactly from the booleans (a meeting at t forces
    first <= t <= last; nothing up to t forces first > t), so that the idle slots of
    the row number exactly last - first + 1 - meetings. Linear reasoning then sees that
    a row of n meetings without idle slots spans exactly n slots, and the slot
    variables of the meetings that can only be held in this session (``inside``;
    ``offset`` is the session's first global slot) get first <= slot <= last as bounds.
    """
    length = len(row.occupied)
    any_meeting = row.any_meeting
    if least > 0 and not isinstance(any_meeting, int):
        model.add(any_meeting == 1)
        any_meeting = 1
    first = model.new_int_var(0, length - 1, "")
    last = model.new_int_var(0, length - 1, "")
    enforce = [] if isinstance(any_meeting, int) else [any_meeting]
    if isinstance(any_meeting, int) and not any_meeting:
        return
    for position, (here, before, after) in enumerate(
        zip(row.occupied, row.prefix, row.suffix, strict=True)
    ):
        if isinstance(here, int):
            if here:
                model.add(first <= position)
                model.add(last >= position)
        else:
            model.add(first <= position).only_enforce_if(here)
            model.add(last >= position).only_enforce_if(here)
        if not isinstance(before, int):
            model.add(first >= position + 1).only_enforce_if([before.Not(), *enforce])
        elif not before:
            model.add(first >= position + 1)
        if not isinstance(after, int):
            model.add(last <= position - 1).only_enforce_if([after.Not(), *enforce])
        elif not after:
            model.add(last <= position - 1)
    count = cp_model.LinearExpr.sum(row.occupied)
    idle = cp_model.LinearExpr.sum(row.idle)
    model.add(idle == last - first + 1 - count).only_enforce_if(enforce)
    for position in inside:
        model.add(position >= first + offset)
        model.add(position <= last + offset)


def _running_or(
    model: cp_model.CpModel, values: list[cp_model.IntVar | int]
) -> list[cp_model.IntVar | int]:
    """result[k] <=> values[0] or ... or values[k], exactly."""
    result: list[cp_model.IntVar | int] = []
    previous: cp_model.IntVar | int = 0
    for value in values:
        if isinstance(previous, int) and previous:
            current: cp_model.IntVar | int = 1
        elif isinstance(value, int) and value:
            current = 1
        elif isinstance(previous, int):
            current = value
        elif isinstance(value, int):
            current = previous
        else:
            current = model.new_bool_var("")
            model.add_bool_or([previous, value]).only_enforce_if(current)
            model.add_implication(previous, current)
            model.add_implication(value, current)
        result.append(current)
        previous = current
    return result


def _idle_indicator(
    model: cp_model.CpModel,
    here: cp_model.IntVar | int,
    before: cp_model.IntVar | int,
    after: cp_model.IntVar | int,
) -> cp_model.IntVar | int:
    """idle <=> before and after and not here, exactly (constants folded)."""
    if isinstance(here, int) and here:
        return 0
    if (isinstance(before, int) and not before) or (isinstance(after, int) and not after):
        return 0
    literals = []
    if not isinstance(before, int):
        literals.append(before)
    if not isinstance(after, int):
        literals.append(after)
    if not isinstance(here, int):
        literals.append(here.Not())
    if not literals:
        return 1
    idle = model.new_bool_var("")
    for literal in literals:
        model.add_implication(idle, literal)
    model.add_bool_or([idle, *[literal.Not() for literal in literals]])
    return idle
