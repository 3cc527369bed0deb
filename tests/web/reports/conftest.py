"""The outcome tests' hand-computed fixture event, shared with tests/outcomes."""

from tests.outcomes.conftest import fixture_event  # noqa: F401 (a fixture: pytest finds it by name)
