"""Requests nobody can answer yet (issue 13, dead ends): flagged to sender and organizer.

A request to an organization without a contact (no delegate account) stayed
"requested" and nobody knew why. The sender's page and the organizer's requests page
now say that nobody can answer yet, and the organizer invites a contact from there.
"""

import pytest
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.meetings.unanswered import recipients_without_contact, with_answerer
from tests.web.factories import World

pytestmark = pytest.mark.django_db


@pytest.fixture
def contactless(world: World) -> Participation:
    """Tsinghua, asked by Smart Eye in the test event, loses its only delegate."""
    Delegate.objects.filter(organization=world.tsinghua.organization).delete()
    return world.tsinghua


def test_only_open_requests_to_organizations_without_contact_are_flagged(world, contactless):
    flags = {
        (r.requester.code, r.recipient.code, r.status): r.recipient_has_contact
        for r in with_answerer(MeetingRequest.objects.filter(event=world.event))
    }
    assert flags == {
        ("tegnology", "tsinghua-energy", "accepted"): False,
        ("smart-eye", "tsinghua-energy", "requested"): False,
    }
    [waiting] = recipients_without_contact(world.event)
    assert (waiting, waiting.waiting) == (contactless, 1)


def test_nothing_is_flagged_while_every_recipient_has_a_contact(world):
    assert not recipients_without_contact(world.event).exists()


def test_the_organizer_sees_the_flag_and_a_link_to_invite_a_contact(client_for, world, contactless):
    page = client_for(world.organizer).get(reverse("orga:meeting_requests", args=[world.event.pk]))
    html = page.content.decode()
    assert 'id="without-contact"' in html
    invite = reverse("orga:invite", args=[world.event.pk]) + f"?participation={contactless.pk}"
    assert invite in html
    assert "nobody can answer yet" in html


def test_the_organizer_sees_no_flag_when_everyone_can_answer(client_for, world):
    page = client_for(world.organizer).get(reverse("orga:meeting_requests", args=[world.event.pk]))
    assert 'id="without-contact"' not in page.content.decode()


def test_inviting_from_the_flag_gives_the_existing_participation_its_contact(
    client_for, world, contactless
):
    client = client_for(world.organizer)
    invite = reverse("orga:invite", args=[world.event.pk]) + f"?participation={contactless.pk}"
    form = client.get(invite).context["form"]
    assert form.initial["organization_name"] == contactless.organization.name
    data = {**form.initial, "contact_name": "Li Wei", "email": "li.wei@tsinghua.example"}
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(invite, data)
    assert response.status_code == 302
    assert Participation.objects.filter(event=world.event).count() == 3
    # The entry is shared with an event of another organizer: the identity rules give
    # this event's participation an entry of its own (directory.domain.identity).
    contactless.refresh_from_db()
    assert Delegate.objects.get(user__email="li.wei@tsinghua.example").organization == (
        contactless.organization
    )
    assert mail.outbox[-1].to == ["li.wei@tsinghua.example"]
    assert not recipients_without_contact(world.event).exists()


def test_an_organization_of_another_event_is_not_offered_for_a_contact(client_for, world):
    other = Participation.objects.filter(event=world.other_event).first()
    invite = reverse("orga:invite", args=[world.event.pk]) + f"?participation={other.pk}"
    assert client_for(world.organizer).get(invite).status_code == 404


def test_the_sender_sees_that_nobody_can_answer_yet(client_for, world, contactless):
    page = client_for(world.smart_eye_user).get(
        reverse("portal:requests", args=[world.smart_eye.pk])
    )
    assert "nobody can answer yet" in page.content.decode()


def test_sending_to_an_organization_without_contact_warns_the_sender(client_for, world):
    Delegate.objects.filter(organization=world.smart_eye.organization).delete()
    client = client_for(world.teg_user)
    response = client.post(
        reverse("portal:partner", args=[world.tegnology.pk, world.smart_eye.pk]),
        {"message": "Shall we meet?"},
        follow=True,
    )
    html = response.content.decode()
    assert "Nobody at Smart Eye can answer yet" in html
    assert "nobody can answer yet" in html
