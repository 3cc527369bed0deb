"""Inviting a participant and adding a colleague (``directory.domain.invitations``): the
entry the person joins, their account without a password, and the one-time link."""

import pytest
from django.core import mail
from django.test import TestCase

from matchfair.web.directory.domain.identity import standing_of
from matchfair.web.directory.domain.invitations import (
    InvitationError,
    add_colleague,
    invite_participant,
    unique_code,
)
from matchfair.web.directory.models import Delegate, Organization, Participation
from tests.web.factories import delegate

pytestmark = pytest.mark.django_db

SITE = "https://fair.example/"


def invite(event, organizer, name: str, email: str, *, country: str = "DK"):
    """Invite, committed: the welcome mail leaves the outbox."""
    with TestCase.captureOnCommitCallbacks(execute=True):
        return invite_participant(
            event=event,
            by=standing_of(organizer),
            organization_name=name,
            country=country,
            kind="company",
            attendance="onsite",
            contact_name="Karin Holm",
            email=email,
            site_url=SITE,
        )


def test_an_id_in_the_event_is_made_from_the_name_and_kept_unique(event):
    assert unique_code(event=event, name="TEGnology") == "tegnology-2"
    assert unique_code(event=event, name="Nokia Oyj") == "nokia-oyj"
    assert unique_code(event=event, name="…") == "organization"


def test_an_invitation_adds_the_organization_and_mails_a_link_to_choose_a_password(
    organizer, event
):
    invitation = invite(event, organizer, "Nokia  Oyj", "karin@nokia.example", country="FI")
    participation = invitation.participation
    assert participation.event == event
    assert participation.code == "nokia-oyj"
    assert participation.organization.name == "Nokia Oyj"
    user = invitation.delegate.user
    assert user.email == "karin@nokia.example"
    assert (user.first_name, user.last_name) == ("Karin", "Holm")
    assert not user.has_usable_password()
    [message] = mail.outbox
    assert message.to == ["karin@nokia.example"]
    assert SITE.rstrip("/") + invitation.welcome_path in message.body


def test_an_organizer_re_inviting_their_own_entry_adds_a_person_to_it(organizer, event, entry):
    teg = entry(event, "tegnology")
    invitation = invite(event, organizer, "TEGnology", "new@teg.example")
    assert invitation.participation == teg
    assert invitation.delegate.organization == teg.organization


def test_an_entry_with_delegates_in_another_organizers_event_is_refused(
    organizer, event, other_event, entry
):
    delegate(entry(event, "tegnology"), "teg")
    with pytest.raises(InvitationError) as refused:
        invite(event, organizer, "TEGnology", "mallory@evil.example")
    assert refused.value.field == "organization_name"
    assert not Delegate.objects.filter(user__email="mallory@evil.example").exists()


def test_an_entry_without_people_shared_with_another_event_is_split_off(
    organizer, event, other_event, entry
):
    shared = entry(event, "tegnology").organization
    invitation = invite(event, organizer, "TEGnology", "karin@teg.example")
    separate = invitation.participation.organization
    assert separate.pk != shared.pk
    assert entry(event, "tegnology").organization == separate
    assert entry(other_event, "tegnology").organization == shared
    assert [lookalike.pk for lookalike in invitation.lookalikes] == [shared.pk]


def test_an_account_that_is_a_delegate_elsewhere_is_refused(organizer, event, entry):
    teg_user = delegate(entry(event, "tegnology"), "teg")
    with pytest.raises(InvitationError) as refused:
        invite(event, organizer, "Nokia", teg_user.email, country="FI")
    assert refused.value.field == "email"
    assert not Participation.objects.filter(event=event, code="nokia").exists()


def test_a_delegate_adds_a_colleague_to_their_own_organization(event, entry):
    teg = entry(event, "tegnology")
    teg_user = delegate(teg, "teg")
    with TestCase.captureOnCommitCallbacks(execute=True):
        colleague = add_colleague(
            participation=teg,
            by=teg_user,
            contact_name="Ole Dahl",
            email="ole@teg.example",
            site_url=SITE,
        )
    assert colleague.organization == teg.organization
    assert colleague.user.email == "ole@teg.example"
    assert len(mail.outbox) == 1


def test_an_organizer_of_one_of_its_events_adds_no_colleague_to_a_shared_entry_with_people(
    stranger, event, other_event, entry
):
    delegate(entry(event, "tegnology"), "teg")
    with pytest.raises(InvitationError):
        add_colleague(
            participation=entry(other_event, "tegnology"),
            by=stranger,
            contact_name="Mallory",
            email="mallory@evil.example",
            site_url=SITE,
        )
    assert Organization.objects.filter(delegates__user__email="mallory@evil.example").count() == 0


def test_the_invitation_names_the_user_name_to_sign_in_with(organizer, event):
    invite(event, organizer, "Nokia Oyj", "Karin@Nokia.example")

    [message] = mail.outbox

    assert "Your user name is karin@nokia.example" in message.body
