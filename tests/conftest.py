"""Shared fixtures: where the spec examples and benchmark data live beside the checkout."""

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "spec" / "examples"


@pytest.fixture
def examples() -> Path:
    """The folder of the spec's example documents (../shared/spec/examples)."""
    if not EXAMPLES.is_dir():
        pytest.fail(f"the spec examples are missing: {EXAMPLES}")
    return EXAMPLES
