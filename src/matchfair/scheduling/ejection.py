"""Ejection moves: place an unscheduled meeting by moving one meeting out of its way.

The greedy fails a meeting when, in every slot both sides could use, one of them is
already busy. Often a single one of those blocking meetings could go to another
slot, and then both fit. This local search tries exactly that, for every unplaced
meeting, heaviest first, until a full pass finds nothing: cheap, and it closes most
of the gap between first fit and the bound before CP-SAT refines the rest.
"""

import math
import time

from matchfair.scheduling.ledger import SlotLedger
from matchfair.scheduling.problem import Placement, Problem


def _blockers(
    problem: Problem,
    ledger: SlotLedger,
    at_slot: dict[tuple[int, int], list[int]],
    index: int,
    slot: int,
) -> list[int] | None:
    """The movable meetings that keep candidate ``index`` out of ``slot`` through its sides."""
    candidate = problem.candidates[index]
    blocking: list[int] = []
    for party in (candidate.a, candidate.b):
        if ledger.party_load[party][slot] >= problem.capacity[party]:
            occupants = at_slot.get((party, slot), [])
            if not occupants:
                return None
            blocking.append(occupants[0])
    return blocking


def improve_by_ejection(
    problem: Problem, placement: Placement, rounds: int = 3, deadline: float = math.inf
) -> Placement:
    """Place unplaced meetings by relocating one blocking meeting per side; never loses weight.

    Stops early at ``deadline`` (a ``time.monotonic()`` value) on very large events.
    """
    placement = dict(placement)
    ledger = SlotLedger(problem)
    ledger.add_placement(placement)
    at_slot: dict[tuple[int, int], list[int]] = {}
    for index, assignment in placement.items():
        candidate = problem.candidates[index]
        for party in (candidate.a, candidate.b):
            at_slot.setdefault((party, assignment.slot), []).append(index)

    def book(index: int, slot: int) -> None:
        candidate = problem.candidates[index]
        placement[index] = ledger.add(candidate, slot)
        for party in (candidate.a, candidate.b):
            at_slot.setdefault((party, slot), []).append(index)

    def unbook(index: int) -> int:
        candidate = problem.candidates[index]
        assignment = placement.pop(index)
        ledger.remove(candidate, assignment)
        for party in (candidate.a, candidate.b):
            at_slot[(party, assignment.slot)].remove(index)
        return assignment.slot

    order = sorted(
        (i for i in range(len(problem.candidates)) if problem.candidates[i].slots),
        key=lambda i: (not problem.candidates[i].mandatory, -problem.candidates[i].weight, i),
    )
    for _ in range(rounds):
        changed = False
        for index in order:
            if index in placement:
                continue
            if time.monotonic() > deadline:
                return placement
            candidate = problem.candidates[index]
            for slot in candidate.slots:
                if ledger.fits(candidate, slot):
                    book(index, slot)
                    changed = True
                    break
                blocking = _blockers(problem, ledger, at_slot, index, slot)
                if not blocking or len(blocking) != 1 or blocking[0] in problem.fixed:
                    continue
                moved = blocking[0]
                old_slot = unbook(moved)
                target = next(
                    (
                        other
                        for other in problem.candidates[moved].slots
                        if other != old_slot
                        and other != slot
                        and ledger.fits(problem.candidates[moved], other)
                    ),
                    None,
                )
                if target is not None and ledger.fits(candidate, slot):
                    book(moved, target)
                    if ledger.fits(candidate, slot):
                        book(index, slot)
                        changed = True
                        break
                    unbook(moved)
                book(moved, old_slot)
        if not changed:
            break
    return placement
