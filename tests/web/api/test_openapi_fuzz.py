"""schemathesis against the running server's OpenAPI document: no server error, and every
answer (errors included) matches the document.

Each operation gets ``MAX_EXAMPLES`` generated requests from an organizer's token,
with the ids in the path pointing at rows of a real event about half of the time, so
the services behind the endpoints see hostile bodies, not only 404s. One test loops
over the operations (schemathesis' pytest plugin does not load under pytest 9).
"""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from matchfair.web.api.tokens import issue_token
from matchfair.web.directory.models import Opportunity
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.outcomes.models import Agreement
from tests.web.factories import World, build_world

MAX_EXAMPLES = 20
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def world(transactional_db) -> World:
    return build_world()


def real_ids(world: World) -> dict[str, int]:
    return {
        "event_id": world.event.pk,
        "meeting_id": world.published.pk,
        "organization_id": world.tegnology.pk,
        "agreement_id": Agreement.objects.get(event=world.event).pk,
        "request_id": MeetingRequest.objects.filter(event=world.event).first().pk,
        "opportunity_id": Opportunity.objects.filter(event=world.event).first().pk,
    }


def test_every_operation_answers_as_documented(live_server, world: World):
    schema = schemathesis.openapi.from_url(f"{live_server.url}/api/openapi.json")
    headers = {"Authorization": f"Bearer {issue_token(world.organizer, 'fuzz').plain}"}
    ids = real_ids(world)
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) > 20

    for operation in operations:

        @given(case=operation.as_strategy(), real=st.booleans())
        @settings(
            max_examples=MAX_EXAMPLES,
            deadline=None,
            suppress_health_check=list(HealthCheck),
            database=None,
        )
        def answers_as_documented(case, real: bool) -> None:
            if real and case.path_parameters:
                case.path_parameters = {
                    name: ids.get(name, value) for name, value in case.path_parameters.items()
                }
            case.call_and_validate(headers=headers, checks=CHECKS)

        answers_as_documented()
