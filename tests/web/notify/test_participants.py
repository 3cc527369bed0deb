"""A participant's own writes: joining an event, the profile and opportunities, under the rules."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.notify.domain.participants import (
    Registration,
    delete_opportunity,
    register,
    save_opportunity,
    update_profile,
)
from matchfair.web.notify.domain.portal_rules import PortalRuleError, rules_of
from matchfair.web.notify.models import PersonalSettings
from tests.web import factories


def _registration(**changes: str) -> Registration:
    fields = {
        "organization_name": "Osaka Robotics",
        "country": "JP",
        "kind": "company",
        "attendance": "onsite",
        "first_name": "Kenji",
        "last_name": "Sato",
        "email": "kenji@osaka.example",
        "password": factories.PASSWORD,
        "timezone": "Asia/Tokyo",
        "language": "en",
    }
    return Registration(**{**fields, **changes})


def test_registering_makes_the_participation_the_account_and_its_settings(fair):
    delegate = register(event=fair, registration=_registration())
    assert Participation.objects.filter(event=fair, organization=delegate.organization).exists()
    assert PersonalSettings.objects.get(user=delegate.user).timezone == "Asia/Tokyo"


def test_an_email_registers_once(fair):
    register(event=fair, registration=_registration())
    with pytest.raises(PortalRuleError) as refused:
        register(event=fair, registration=_registration(organization_name="Kyoto Robotics"))
    assert refused.value.field == "email"


def test_an_organization_with_delegates_is_not_joined_by_a_stranger(german, fair):
    with pytest.raises(PortalRuleError) as refused:
        register(
            event=fair,
            registration=_registration(organization_name="Sonnenwerk GmbH", country="DE"),
        )
    assert refused.value.field == "organization_name"


def test_after_the_profile_deadline_the_profile_is_kept(german, fair):
    rules = rules_of(fair)
    rules.profile_deadline = timezone.now() - timedelta(minutes=1)
    rules.save()
    with pytest.raises(PortalRuleError):
        update_profile(
            participation=german, description="", sectors=[], languages=[], attendance="online"
        )
    german.refresh_from_db()
    assert german.attendance == "onsite"


def test_a_profile_with_a_language_the_core_refuses_is_refused_on_that_field(german):
    with pytest.raises(PortalRuleError, match="'dk' is not an ISO 639-1 code") as raised:
        update_profile(
            participation=german,
            description="Batterien",
            sectors=[],
            languages=["de", "dk"],
            attendance="onsite",
        )
    assert raised.value.field == "languages"
    german.refresh_from_db()
    assert "dk" not in german.languages


def test_an_organization_edits_and_deletes_only_its_own_opportunities(german, french):
    theirs = Opportunity.objects.get(participation=french)
    with pytest.raises(PortalRuleError, match="another organization"):
        save_opportunity(
            participation=german,
            opportunity=theirs,
            kind="offer",
            type="technology",
            title="Taken over",
            description="",
            sectors=[],
        )
    with pytest.raises(PortalRuleError, match="another organization"):
        delete_opportunity(participation=german, opportunity=theirs)
    added = save_opportunity(
        participation=german,
        opportunity=None,
        kind="request",
        type="commercial",
        title="Distributors",
        description="",
        sectors=[],
    )
    assert added.code.startswith(f"{german.code}-")
    delete_opportunity(participation=german, opportunity=added)
    assert not Opportunity.objects.filter(pk=added.pk).exists()
