"""meetings.rules: the requests, meetings, recommendations and contacts each role may read."""

from matchfair.web.events.rules import event_access
from matchfair.web.meetings.models import MeetingRequest, Recommendation
from matchfair.web.meetings.rules import (
    contact_partners,
    may_see_contacts,
    visible_meetings,
    visible_recommendations,
    visible_requests,
)
from tests.web.factories import World


def test_a_participant_reads_only_the_requests_it_made_or_received(world: World):
    seen = visible_requests(event_access(world.smart_eye_user, world.event))
    assert [(r.requester, r.recipient) for r in seen] == [(world.smart_eye, world.tsinghua)]
    everyone = MeetingRequest.objects.filter(event=world.event)
    assert set(visible_requests(event_access(world.organizer, world.event))) == set(everyone)
    assert list(visible_requests(event_access(world.viewer, world.event))) == []


def test_drafts_are_for_organizers_and_participants_read_their_own_published_meetings(
    world: World,
):
    organizer = visible_meetings(event_access(world.organizer, world.event))
    assert {world.published, world.draft} <= set(organizer)
    assert list(visible_meetings(event_access(world.teg_user, world.event))) == [world.published]
    assert list(visible_meetings(event_access(world.smart_eye_user, world.event))) == []
    assert list(visible_meetings(event_access(world.viewer, world.event))) == [world.published]


def test_a_participant_reads_its_own_recommendations_only(world: World):
    own = Recommendation.objects.create(
        event=world.event, participation=world.tegnology, partner=world.smart_eye, score=0.9
    )
    Recommendation.objects.create(
        event=world.event, participation=world.smart_eye, partner=world.tegnology, score=0.9
    )
    assert list(visible_recommendations(event_access(world.teg_user, world.event))) == [own]
    assert visible_recommendations(event_access(world.organizer, world.event)).count() == 2
    assert list(visible_recommendations(event_access(world.viewer, world.event))) == []


def test_contacts_are_seen_after_an_accepted_request_and_never_by_a_viewer(world: World):
    teg = contact_partners(event_access(world.teg_user, world.event))
    assert may_see_contacts(teg, world.tegnology)
    assert may_see_contacts(teg, world.tsinghua)
    assert not may_see_contacts(teg, world.smart_eye)
    # Smart Eye's request to Tsinghua is not answered: neither sees the other's contacts.
    smart_eye = contact_partners(event_access(world.smart_eye_user, world.event))
    assert not may_see_contacts(smart_eye, world.tsinghua)
    viewer = contact_partners(event_access(world.viewer, world.event))
    assert not may_see_contacts(viewer, world.tegnology)
    organizer = contact_partners(event_access(world.organizer, world.event))
    assert may_see_contacts(organizer, world.smart_eye)


def test_accepting_a_request_opens_the_contacts_both_ways(world: World):
    request = MeetingRequest.objects.get(requester=world.smart_eye, recipient=world.tsinghua)
    request.status = MeetingRequest.Status.ACCEPTED
    request.save()
    smart_eye = contact_partners(event_access(world.smart_eye_user, world.event))
    tsinghua = contact_partners(event_access(world.tsinghua_user, world.event))
    assert may_see_contacts(smart_eye, world.tsinghua)
    assert may_see_contacts(tsinghua, world.smart_eye)
