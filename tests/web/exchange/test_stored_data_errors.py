"""A stored value the event file refuses (an old database, the admin) is named by
organization and field when the event is read as ``core`` objects, not raised as
pydantic's bare ValidationError."""

import pytest

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.exchange.errors import StoredDataError
from matchfair.web.exchange.from_database import export_event
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def test_a_bad_stored_language_names_the_organization_and_the_field(world: World):
    Participation.objects.filter(pk=world.tegnology.pk).update(languages=["en", "dk"])
    with pytest.raises(StoredDataError) as raised:
        export_event(world.event)
    message = str(raised.value)
    assert message.startswith("TEGnology: languages: 'dk' is not an ISO 639-1 code")
    assert "edit page" in message
    assert raised.value.participation_id == world.tegnology.pk
    assert raised.value.event_id == world.event.pk
    assert raised.value.fields == ["languages"]


def test_a_bad_stored_opportunity_names_its_organization_and_field(world: World):
    opportunity = Opportunity.objects.filter(event=world.event).select_related(
        "participation__organization"
    )[0]
    Opportunity.objects.filter(pk=opportunity.pk).update(title="")
    with pytest.raises(StoredDataError) as raised:
        export_event(world.event)
    assert str(raised.value).startswith(
        f"{opportunity.participation.organization.name}: “”: title:"
    )
    assert raised.value.participation_id == opportunity.participation_id
