"""The certified bound for large events: never below the LP optimum, close to it."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from scipy.optimize import linprog
from scipy.sparse import random as sparse_random

from matchfair.core import parse_event
from matchfair.scheduling import bound, build_problem, weight_bound
from matchfair.scheduling.dual_bound import certified_lp_bound, weak_duality_bound

from .events import event_documents


def _random_lp(seed: int) -> tuple[np.ndarray, object, np.ndarray]:
    rng = np.random.default_rng(seed)
    matrix = sparse_random(30, 60, density=0.15, random_state=rng, format="csr")
    matrix.data = np.ones_like(matrix.data)
    weights = rng.integers(1, 5, 60).astype(float)
    limits = rng.integers(0, 3, 30).astype(float)
    return weights, matrix, limits


def _lp_optimum(weights: np.ndarray, matrix: object, limits: np.ndarray) -> float:
    result = linprog(-weights, A_ub=matrix, b_ub=limits, bounds=(0, 1), method="highs")
    return float(-result.fun)


@given(st.integers(0, 10_000), st.lists(st.floats(-3, 3), min_size=30, max_size=30))
@settings(max_examples=40, deadline=None)
def test_weak_duality_bound_is_never_below_the_lp_optimum_whatever_the_duals(
    seed: int, duals: list[float]
) -> None:
    weights, matrix, limits = _random_lp(seed)
    optimum = _lp_optimum(weights, matrix, limits)
    assert weak_duality_bound(weights, matrix, limits, np.asarray(duals)) >= optimum - 1e-9


@pytest.mark.parametrize("seed", range(5))
def test_certified_bound_matches_the_lp_optimum(seed: int) -> None:
    weights, matrix, limits = _random_lp(seed)
    optimum = _lp_optimum(weights, matrix, limits)
    certified = certified_lp_bound(weights, matrix, limits)
    assert optimum - 1e-9 <= certified <= optimum + 1e-3 * max(1.0, optimum)


@given(event_documents(max_orgs=6, max_slots=4))
@settings(max_examples=30, deadline=None)
def test_large_event_path_certifies_the_simplex_bound(document: dict) -> None:
    problem = build_problem(parse_event(document)).problem
    exact = weight_bound(problem).value
    saved = bound.SIMPLEX_LIMIT
    bound.SIMPLEX_LIMIT = 0
    try:
        certified = weight_bound(problem).value
    finally:
        bound.SIMPLEX_LIMIT = saved
    # Rounded down to whole weight units, a bound within PDLP's tolerance of the LP
    # optimum can only differ where the optimum sits just below a whole number.
    assert exact <= certified <= exact + 1
