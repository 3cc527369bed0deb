"""Pages asserted by their English messages, whatever language an earlier test left active."""

import pytest
from django.utils import translation


@pytest.fixture
def english():
    with translation.override("en"):
        yield
