"""Greedy schedules: the first-fit baseline and the compact warm start for CP-SAT.

First fit is what simple tools do (take requests in order, put each in the earliest
slot that works) and is the baseline the benchmarks compare against. The compact
variant differs in one choice: among the slots that work it prefers one next to
meetings both organizations already have, which leaves far fewer breaks and gives
the exact solver a good first incumbent.
"""

from matchfair.scheduling.ledger import SlotLedger
from matchfair.scheduling.problem import Assignment, Candidate, Placement, Problem


def _arrival_order(problem: Problem) -> list[int]:
    """First come, first served, except that the organizer's mandatory meetings go first."""
    return sorted(
        range(len(problem.candidates)),
        key=lambda index: (not problem.candidates[index].mandatory, index),
    )


def _priority_order(problem: Problem) -> list[int]:
    """Mandatory meetings first, then heavier ones, then those with fewer possible slots."""
    return sorted(
        range(len(problem.candidates)),
        key=lambda index: (
            not problem.candidates[index].mandatory,
            -problem.candidates[index].weight,
            len(problem.candidates[index].slots),
            index,
        ),
    )


def _adjacency(ledger: SlotLedger, problem: Problem, candidate: Candidate, slot: int) -> int:
    """How many of the two organizations already meet in a neighbouring slot of the session."""
    info = problem.slots[slot]
    session = problem.sessions[info.session]
    score = 0
    for party in (candidate.a, candidate.b):
        loads = ledger.party_load[party]
        for neighbour in (slot - 1, slot + 1):
            if neighbour in session and loads[neighbour] > 0:
                score += 1
                break
    return score


def greedy_schedule(problem: Problem, *, compact: bool = False) -> Placement:
    """Place candidates one by one; fixed meetings (``--keep``) are booked first, as they are.

    With ``compact`` False this is plain first fit (earliest slot that works); with
    True the slot next to existing meetings of both sides wins, earliest on ties.
    """
    ledger = SlotLedger(problem)
    placement: Placement = {}
    for index, slot in sorted(problem.fixed.items()):
        candidate = problem.candidates[index]
        interpreter = problem.fixed_interpreters.get(index)
        if interpreter is None:
            placement[index] = ledger.add(candidate, slot)
        else:
            placement[index] = Assignment(slot, interpreter)
            ledger.book(candidate, placement[index])
    order = _priority_order(problem) if compact else _arrival_order(problem)
    for index in order:
        if index in placement:
            continue
        candidate = problem.candidates[index]
        feasible = [slot for slot in candidate.slots if ledger.fits(candidate, slot)]
        if not feasible:
            continue
        if compact:
            best = max(
                feasible, key=lambda slot: (_adjacency(ledger, problem, candidate, slot), -slot)
            )
        else:
            best = feasible[0]
        placement[index] = ledger.add(candidate, best)
    return placement
