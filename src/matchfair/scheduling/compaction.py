"""Compaction: move single meetings to other slots while that removes breaks or idle slots.

The weight-optimal placement of phase 1 says nothing about gaps, and on large events
the exact phase 2 model is too big to solve whole. This hill climbing is the cheap
first pass there: a meeting moves to another slot when both sides can take it and
the breaks (then the idle slots) of the two organizations strictly decrease. It
never changes which meetings are scheduled, so the weight is untouched, and neighbourhood
search refines what it leaves.
"""

import time

from matchfair.scheduling.ledger import SlotLedger
from matchfair.scheduling.metrics import row_gaps
from matchfair.scheduling.problem import Placement, Problem


class _Rows:
    """Per (party, session) occupancy counts, to price a move in O(session length)."""

    def __init__(self, problem: Problem, placement: Placement) -> None:
        self.problem = problem
        self.rows: dict[tuple[int, int], list[int]] = {}
        for index, assignment in placement.items():
            candidate = problem.candidates[index]
            for party in (candidate.a, candidate.b):
                self.change(party, assignment.slot, 1)

    def change(self, party: int, slot: int, amount: int) -> None:
        info = self.problem.slots[slot]
        key = (party, info.session)
        row = self.rows.get(key)
        if row is None:
            row = self.rows[key] = [0] * len(self.problem.sessions[info.session])
        row[info.position] += amount

    def cost(self, party: int, session: int, big: int) -> int:
        row = self.rows.get((party, session))
        if row is None:
            return 0
        gaps = row_gaps([count > 0 for count in row])
        return gaps.breaks * big + gaps.idle


def compact(problem: Problem, placement: Placement, passes: int, deadline: float) -> Placement:
    """Hill-climb on gaps with single-meeting moves; fixed meetings stay.

    A move is priced on the two rows it touches per side (the session it leaves and
    the session it enters), so a pass costs about (meetings x slots x session length).
    """
    placement = dict(placement)
    ledger = SlotLedger(problem)
    ledger.add_placement(placement)
    rows = _Rows(problem, placement)
    big = max(len(session) for session in problem.sessions) + 1
    for _ in range(passes):
        improved = False
        for index in sorted(placement):
            if index in problem.fixed:
                continue
            if time.monotonic() > deadline:
                return placement
            candidate = problem.candidates[index]
            current = placement[index]
            sides = (candidate.a, candidate.b)
            old_session = problem.slots[current.slot].session
            before = sum(rows.cost(party, old_session, big) for party in sides)
            ledger.remove(candidate, current)
            for party in sides:
                rows.change(party, current.slot, -1)
            emptied = {
                session: sum(rows.cost(party, session, big) for party in sides)
                for session in {problem.slots[slot].session for slot in candidate.slots}
            }
            best_slot, best_gain = current.slot, 0
            for slot in candidate.slots:
                if slot == current.slot or not ledger.fits(candidate, slot):
                    continue
                session = problem.slots[slot].session
                for party in sides:
                    rows.change(party, slot, 1)
                after = sum(rows.cost(party, session, big) for party in sides)
                for party in sides:
                    rows.change(party, slot, -1)
                # Old total: before + emptied[session] (if another session) ; new: after + emptied[old]
                if session == old_session:
                    gain = before - after
                else:
                    gain = before + emptied[session] - after - emptied[old_session]
                if gain > best_gain:
                    best_slot, best_gain = slot, gain
            for party in sides:
                rows.change(party, best_slot, 1)
            placement[index] = ledger.add(candidate, best_slot)
            improved = improved or best_slot != current.slot
        if not improved:
            break
    return placement
