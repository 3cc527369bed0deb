"""Invitations in bulk: contacts who never chose a password, and an earlier edition's people."""

import pytest

from matchfair.web.directory.models import Delegate
from matchfair.web.notify.domain.participants import take_part_again
from matchfair.web.notify.domain.portal_rules import PortalRuleError, rules_of
from matchfair.web.notify.domain.reinvitations import (
    earlier_edition_people,
    invite_contacts,
    invite_earlier_edition,
    uninvited_contacts,
)
from matchfair.web.notify.models import Campaign
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.rendering import compose
from tests.web import factories
from tests.web.notify.campaign_world import build_campaign_world

pytestmark = pytest.mark.django_db
SITE = "https://fair.example"


def test_only_contacts_without_a_password_are_invited_again_with_a_new_link(owner):
    world = build_campaign_world(owner)
    assert [delegate.user for delegate in uninvited_contacts(world.event)] == [world.imported_user]
    campaign = invite_contacts(event=world.event, by=owner, site_url=SITE)
    assert (campaign.kind, campaign.recipients) == (Campaign.Kind.INVITATIONS, 1)
    (mail,) = Mail.objects.all()
    assert (mail.address, mail.kind) == ("wang@example.org", Mail.Kind.INVITATION)
    assert f"{SITE}/welcome/" in compose(mail).body


def test_an_earlier_editions_people_not_in_this_one_are_invited_to_register(owner):
    editions = factories.series_editions(owner)
    returning = factories.delegate(
        editions.earlier.participations.get(organization=editions.returning), "returning"
    )
    lake = factories.delegate(
        editions.earlier.participations.get(organization=editions.lake_cooling), "lake"
    )
    assert returning.delegate.organization == editions.returning
    assert earlier_edition_people(editions.later) == [lake]
    campaign = invite_earlier_edition(event=editions.later, by=owner, site_url=SITE)
    assert (campaign.kind, campaign.recipients) == (Campaign.Kind.PREVIOUS_EDITION, 1)
    (mail,) = Mail.objects.all()
    assert mail.address == "lake@example.org"
    token = rules_of(editions.later).invitation_token
    written = compose(mail)
    assert f"{SITE}/join/{token}/" in written.body
    assert "Chengdu-Nordic Dialogue 2026" in written.subject


def test_an_event_of_no_series_has_no_earlier_edition(owner):
    event = factories.event(owner)
    with pytest.raises(PortalRuleError) as refused:
        invite_earlier_edition(event=event, by=owner, site_url=SITE)
    assert refused.value.field == "series"
    assert not Campaign.objects.exists()
    assert not Delegate.objects.exists()


def test_a_delegate_of_an_earlier_edition_takes_part_through_the_invitation_link(
    owner, client_for, client
):
    editions = factories.series_editions(owner)
    lake = factories.delegate(
        editions.earlier.participations.get(organization=editions.lake_cooling), "lake"
    )
    link = f"/join/{rules_of(editions.later).invitation_token}/"
    # Anonymous, the link is the sign-up form, which sends a returning person to log in first.
    assert f"?next={link}" in client.get(link).content.decode()
    returning = client_for(lake)

    offered = returning.get(link).content.decode()
    joined = returning.post(link)

    assert "Take part as Sjökyla AB" in offered
    here = editions.later.participations.get(organization=editions.lake_cooling)
    assert joined.url == f"/my/{here.pk}/profile/"
    assert here.description == "District cooling with lake water"
    assert not here.opportunities.exists()
    # Once in, the link leads to the profile and never makes a second participation.
    assert returning.post(link).url == f"/my/{here.pk}/profile/"
    assert editions.later.participations.filter(organization=editions.lake_cooling).count() == 1


def test_taking_part_again_is_refused_for_an_organization_already_in_the_event(owner):
    editions = factories.series_editions(owner)
    returning = factories.delegate(
        editions.earlier.participations.get(organization=editions.returning), "returning"
    )
    with pytest.raises(PortalRuleError):
        take_part_again(event=editions.later, delegate=returning.delegate)
