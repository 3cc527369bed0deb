"""A certified LP bound for events too large to solve the time-indexed LP exactly.

The simplex method needs many minutes for a 60,000-request event (over a million
meeting-slot columns). A first-order LP method (OR-Tools' PDLP) gets near-optimal
dual values in a minute or two, but an approximate dual is no certificate by
itself. Weak duality makes it one: for the LP ``max w.x, A x <= b, 0 <= x <= 1``
and *any* ``y >= 0``,

    w.x <= b.y + sum_j max(0, (w - A^T y)_j)

holds for every feasible ``x``. Evaluating the right-hand side exactly at PDLP's
duals (clipped to be non-negative) therefore gives a valid upper bound, close to the
LP optimum when PDLP has converged, and never below it whatever PDLP returns. PDLP
runs single-threaded with an iteration limit, so the same event gives the same bound.
"""

import numpy as np
from ortools.pdlp import solvers_pb2
from ortools.pdlp.python import pdlp
from scipy.sparse import csr_matrix

ITERATION_LIMIT = 20_000
"""PDLP iterations at most (the 60,000-request benchmark event converges in about 700)."""

TOLERANCE = 1e-5
"""Relative optimality tolerance of PDLP; the certificate is valid at any tolerance."""


def weak_duality_bound(
    weights: np.ndarray, matrix: csr_matrix, limits: np.ndarray, duals: np.ndarray
) -> float:
    """``b.y + sum max(0, w - A^T y)`` at ``y = max(duals, 0)``: an upper bound for any duals."""
    prices = np.maximum(duals, 0.0)
    reduced = weights - matrix.T @ prices
    return float(limits @ prices + np.maximum(reduced, 0.0).sum())


def certified_lp_bound(weights: np.ndarray, matrix: csr_matrix, limits: np.ndarray) -> float:
    """An upper bound on ``max w.x`` over ``A x <= b, 0 <= x <= 1``, near the LP optimum."""
    program = pdlp.QuadraticProgram()
    program.objective_vector = -weights
    program.constraint_matrix = matrix.tocsc()
    program.constraint_lower_bounds = np.full(len(limits), -np.inf)
    program.constraint_upper_bounds = limits
    program.variable_lower_bounds = np.zeros(len(weights))
    program.variable_upper_bounds = np.ones(len(weights))
    parameters = solvers_pb2.PrimalDualHybridGradientParams()
    parameters.num_threads = 1
    criteria = parameters.termination_criteria
    criteria.iteration_limit = ITERATION_LIMIT
    criteria.simple_optimality_criteria.eps_optimal_relative = TOLERANCE
    criteria.simple_optimality_criteria.eps_optimal_absolute = TOLERANCE
    result = pdlp.primal_dual_hybrid_gradient(program, parameters)
    duals = np.asarray(result.dual_solution, dtype=float)
    # PDLP minimizes -w.x, so the prices of the "<= b" rows come out with either sign
    # depending on its convention; both readings are valid certificates: keep the lower.
    return min(
        weak_duality_bound(weights, matrix, limits, duals),
        weak_duality_bound(weights, matrix, limits, -duals),
    )
