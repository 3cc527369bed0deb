"""eventday.domain.spot_booking and eventday.spot_slots: two participants book a free
table or room themselves, today, under the scheduler's rules, refused with a reason."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.eventday.domain.spot_booking import book_spot
from matchfair.web.eventday.models import DayRules, SpotBooking
from matchfair.web.eventday.spot_slots import spot_places
from matchfair.web.events.models import Interpreter
from matchfair.web.exchange.spot_booking import book_spot_validated
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.models import Meeting, MeetingRequest
from matchfair.web.notify.models import Notification
from tests.web.eventday.spot_world import NOW, at, spot_world, taken

pytestmark = pytest.mark.django_db


@pytest.fixture
def world(owner):
    return spot_world(owner)


def book(world, a, b, start, **kwargs):
    return book_spot(
        participation=a, partner=b, session=world.session, start=start, user=None, now=NOW, **kwargs
    )


def test_the_rest_of_the_day_is_offered_from_the_running_slot_with_the_lowest_table(world):
    places = spot_places(participation=world.german, partner=world.nordic, now=NOW)

    assert [p.start for p in places] == [at(9, 30), at(10, 0), at(10, 30), at(11, 0), at(11, 30)]
    assert places[0].locations == ["table-1", "table-2", "table-3", "table-4"]


def test_a_slot_where_the_partner_is_busy_is_not_offered(world):
    taken(world, world.nordic, world.chinese, at(10, 0), "table-1")

    places = spot_places(participation=world.german, partner=world.nordic, now=NOW)

    assert at(10, 0) not in [p.start for p in places]


def test_a_booking_publishes_the_meeting_at_the_lowest_free_table_accepts_the_pair_and_tells_the_partner(
    world,
):
    kept = taken(world, world.chinese, world.french, at(10, 0), "table-1")

    meeting = book(world, world.german, world.nordic, at(10, 0))

    assert (meeting.location, meeting.online, meeting.published) == ("table-2", False, True)
    kept.refresh_from_db()
    assert (kept.start, kept.location) == (at(10, 0), "table-1")
    request = MeetingRequest.objects.get(requester=world.german, recipient=world.nordic)
    assert request.status == MeetingRequest.Status.ACCEPTED
    assert SpotBooking.objects.get(meeting=meeting).booked_by == world.german
    entry = AuditEntry.objects.get(event=world.event, action="meeting.spot-booked")
    assert "Sonnenwerk GmbH booked a meeting with Nordic Wind AS on the spot" in entry.summary
    told = Notification.objects.get(user__delegate__organization=world.nordic.organization)
    assert "Sonnenwerk GmbH booked a meeting with you on the spot" in told.text
    assert "table-2" in told.text


def test_an_online_pair_gets_the_lowest_free_online_room(world):
    meeting = book(world, world.german, world.french, at(10, 30))

    assert (meeting.location, meeting.online) == ("room-1", True)


def test_a_declined_request_of_the_pair_is_accepted_again_by_booking_together(world):
    declined = MeetingRequest.objects.create(
        event=world.event,
        requester=world.nordic,
        recipient=world.german,
        status=MeetingRequest.Status.DECLINED,
    )

    book(world, world.german, world.nordic, at(10, 0))

    declined.refresh_from_db()
    assert declined.status == MeetingRequest.Status.ACCEPTED
    assert MeetingRequest.objects.filter(event=world.event).count() == 1


def test_the_last_table_taken_meanwhile_refuses_with_the_tables_taken(world):
    world.event.tables = 1
    world.event.save(update_fields=["tables"])
    taken(world, world.chinese, world.french, at(10, 0), "table-1")

    with pytest.raises(MeetingRuleError) as refused:
        book(world, world.german, world.nordic, at(10, 0))

    assert refused.value.reasons == ["The 1 table is taken then."]
    assert not MeetingRequest.objects.filter(event=world.event).exists()
    assert not SpotBooking.objects.exists()


def test_a_busy_partner_refuses_saying_so_but_not_with_whom(world):
    taken(world, world.nordic, world.chinese, at(10, 0), "table-1")

    with pytest.raises(MeetingRuleError) as refused:
        book(world, world.german, world.nordic, at(10, 0))

    assert refused.value.reasons == ["Nordic Wind AS already has 1 meeting then."]


def test_a_pair_without_a_common_language_needs_a_free_interpreter(world):
    for side, language in ((world.german, "de"), (world.chinese, "zh")):
        side.languages = [language]
        side.save(update_fields=["languages"])

    with pytest.raises(MeetingRuleError) as refused:
        book(world, world.german, world.chinese, at(10, 0))
    assert refused.value.reasons == [
        "Sonnenwerk GmbH and Chengdu Battery Works share no language, and no interpreter is "
        "free then."
    ]

    Interpreter.objects.create(event=world.event, code="li-wei", languages=["de", "zh"])
    meeting = book(world, world.german, world.chinese, at(10, 0))
    assert meeting.interpreter.code == "li-wei"


def test_switched_off_by_the_organizer_nothing_is_offered_and_a_booking_is_refused(world):
    DayRules.objects.create(event=world.event, spot_booking=False)

    assert spot_places(participation=world.german, partner=world.nordic, now=NOW) == []
    with pytest.raises(MeetingRuleError) as refused:
        book(world, world.german, world.nordic, at(10, 0))
    assert refused.value.reasons == [
        "The organizer has switched off booking meetings on the spot for this event."
    ]


def test_before_the_schedule_is_published_a_booking_is_refused(world):
    world.event.schedule_published_at = None
    world.event.save(update_fields=["schedule_published_at"])

    with pytest.raises(MeetingRuleError, match="once the schedule is published"):
        book(world, world.german, world.nordic, at(10, 0))


def test_a_second_meeting_of_the_same_pair_is_refused(world):
    book(world, world.german, world.nordic, at(10, 0))

    with pytest.raises(MeetingRuleError, match="You have a meeting with Sonnenwerk GmbH already"):
        book(world, world.nordic, world.german, at(10, 30))


def test_a_slot_that_is_over_is_refused(world):
    with pytest.raises(MeetingRuleError, match="This slot is over or not today"):
        book(world, world.german, world.nordic, at(9, 0))


def test_a_start_that_is_no_slot_is_refused(world):
    with pytest.raises(MeetingRuleError, match="No slot of this session starts then"):
        book(world, world.german, world.nordic, at(10, 5))


def test_the_validated_booking_keeps_a_schedule_the_validator_accepts(world):
    meeting = book_spot_validated(
        participation=world.german,
        partner=world.nordic,
        session=world.session,
        start=at(10, 0),
        user=None,
        now=NOW,
    )

    assert Meeting.objects.filter(pk=meeting.pk, published=True).exists()


def test_a_rule_the_schedule_broke_before_does_not_refuse_the_booking_nor_double_it(world):
    # An accepted request on no agenda and with no reason: rule 8, not this booking's doing.
    MeetingRequest.objects.create(
        event=world.event, requester=world.chinese, recipient=world.french, status="accepted"
    )

    meeting = book_spot_validated(
        participation=world.german,
        partner=world.nordic,
        session=world.session,
        start=at(10, 0),
        user=None,
        now=NOW,
    )

    assert list(Meeting.objects.filter(event=world.event)) == [meeting]
    assert SpotBooking.objects.count() == 1
    assert Notification.objects.count() == 1
    assert AuditEntry.objects.filter(action="meeting.spot-booked").count() == 1
