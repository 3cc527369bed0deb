"""Bookkeeping of who and what is in use at each slot, for the constructive heuristics.

The greedy and the repair steps ask the same question many times ("can this meeting
go in this slot, and with which interpreter?"), so the answer is kept incremental.
"""

from matchfair.scheduling.problem import Assignment, Candidate, Placement, Problem


class SlotLedger:
    """Usage counters of a partial placement: party meetings, tables, rooms, interpreters."""

    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        slot_count = len(problem.slots)
        self.party_load = [[0] * slot_count for _ in problem.parties]
        self.onsite_load = [0] * slot_count
        self.online_load = [0] * slot_count
        # Per slot, the interpreters present and not busy: a set intersection with a
        # meeting's eligible interpreters then answers "who is free" without a Python loop
        # over a large event's hundreds of interpreters.
        self._free_at: list[set[int]] = [set() for _ in range(slot_count)]
        for interpreter, slots in enumerate(problem.interpreter_slots):
            for slot in slots:
                self._free_at[slot].add(interpreter)

    def free_interpreter(self, candidate: Candidate, slot: int) -> int | None:
        """An interpreter who can translate ``candidate`` at ``slot`` (lowest index), else None."""
        free = self._free_at[slot].intersection(candidate.interpreters or ())
        return min(free) if free else None

    def fits(self, candidate: Candidate, slot: int) -> bool:
        """Whether the candidate can be added at ``slot`` without breaking a capacity rule."""
        problem = self.problem
        if self.party_load[candidate.a][slot] >= problem.capacity[candidate.a]:
            return False
        if self.party_load[candidate.b][slot] >= problem.capacity[candidate.b]:
            return False
        if candidate.online:
            limit = problem.online_capacity[slot]
            if limit is not None and self.online_load[slot] >= limit:
                return False
        else:
            limit = problem.onsite_capacity[slot]
            if limit is not None and self.onsite_load[slot] >= limit:
                return False
        return not (candidate.needs_interpreter and self.free_interpreter(candidate, slot) is None)

    def add(self, candidate: Candidate, slot: int) -> Assignment:
        """Book the candidate at ``slot`` (the caller checked ``fits``)."""
        self.party_load[candidate.a][slot] += 1
        self.party_load[candidate.b][slot] += 1
        if candidate.online:
            self.online_load[slot] += 1
        else:
            self.onsite_load[slot] += 1
        interpreter = None
        if candidate.needs_interpreter:
            interpreter = self.free_interpreter(candidate, slot)
            if interpreter is not None:
                self._free_at[slot].discard(interpreter)
        return Assignment(slot, interpreter)

    def remove(self, candidate: Candidate, assignment: Assignment) -> None:
        """Undo ``add`` for a candidate booked with ``assignment``."""
        slot = assignment.slot
        self.party_load[candidate.a][slot] -= 1
        self.party_load[candidate.b][slot] -= 1
        if candidate.online:
            self.online_load[slot] -= 1
        else:
            self.onsite_load[slot] -= 1
        if (
            assignment.interpreter is not None
            and slot in self.problem.interpreter_slots[assignment.interpreter]
        ):
            self._free_at[slot].add(assignment.interpreter)

    def book(self, candidate: Candidate, assignment: Assignment) -> None:
        """Book the candidate as ``assignment`` says, with its own interpreter."""
        slot = assignment.slot
        self.party_load[candidate.a][slot] += 1
        self.party_load[candidate.b][slot] += 1
        if candidate.online:
            self.online_load[slot] += 1
        else:
            self.onsite_load[slot] += 1
        if assignment.interpreter is not None:
            self._free_at[slot].discard(assignment.interpreter)

    def add_placement(self, placement: Placement) -> None:
        """Book every meeting of an existing placement, with its own interpreters."""
        for index, assignment in placement.items():
            self.book(self.problem.candidates[index], assignment)
