"""Shared fixtures: where the spec examples live beside the checkout; a clean language per test."""

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.utils import translation

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
EXAMPLES = SHARED / "spec" / "examples"


@pytest.fixture
def examples() -> Path:
    """The folder of the spec's example documents (../shared/spec/examples)."""
    if not EXAMPLES.is_dir():
        pytest.fail(f"the spec examples are missing: {EXAMPLES}")
    return EXAMPLES


@pytest.fixture(autouse=True)
def _default_language() -> Iterator[None]:
    """Each test starts in the default language.

    Django's LocaleMiddleware activates a request's language in the test's thread and
    leaves it there (a server resets it with the next request), so a German page
    fetched by one test would otherwise make the next test's job messages German.
    """
    translation.deactivate()
    yield
    translation.deactivate()
