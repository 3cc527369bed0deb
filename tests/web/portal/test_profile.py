"""Profile and opportunities in the participant's own language, within the organizer's deadline."""

from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone

from matchfair.web.directory.models import Opportunity
from matchfair.web.notify.domain.portal_rules import rules_of


def test_a_profile_in_chinese_is_saved_and_its_language_shown(german_client, german):
    page = reverse("portal:profile", args=[german.pk])
    response = german_client.post(
        page,
        {
            "description": "我们开发用于光伏电站的锂电池储能系统，寻找中国合作伙伴。",
            "sectors": "能源, 储能",
            "languages": "de, zh",
            "attendance": "online",
        },
    )
    assert response.status_code == 302
    german.refresh_from_db()
    assert german.sectors == ["能源", "储能"]
    assert german.languages == ["de", "zh"]
    assert german.attendance == "online"
    shown = german_client.get(page, HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Detected language of your profile: <strong>Chinese</strong>" in shown


def test_a_wrong_language_code_is_named(german_client, german):
    response = german_client.post(
        reverse("portal:profile", args=[german.pk]),
        {"description": "Batterien", "languages": "German", "attendance": "onsite"},
    )
    assert "'german' is not an ISO 639-1 code" in response.context["form"].errors["languages"]


def test_a_two_letter_code_that_is_no_language_is_refused_as_the_organizer_form_does(
    german_client, german
):
    """ "dk" (Danish is "da") once passed here and then broke every export and run."""
    response = german_client.post(
        reverse("portal:profile", args=[german.pk]),
        {"description": "Batterien", "languages": "de, dk", "attendance": "onsite"},
    )
    assert response.status_code == 200
    assert "'dk' is not an ISO 639-1 code" in response.context["form"].errors["languages"]
    german.refresh_from_db()
    assert "dk" not in german.languages


def test_after_the_profile_deadline_nothing_changes(german_client, german, fair):
    rules = rules_of(fair)
    rules.profile_deadline = timezone.now() - timedelta(hours=1)
    rules.save()
    response = german_client.post(
        reverse("portal:profile", args=[german.pk]),
        {"description": "Neu", "attendance": "onsite"},
    )
    assert "Profiles could be changed until" in str(response.context["form"].non_field_errors())
    german.refresh_from_db()
    assert german.description == "Wir entwickeln Batteriespeicher für Solaranlagen."
    response = german_client.post(
        reverse("portal:new_opportunity", args=[german.pk]),
        {"kind": "offer", "type": "services", "title": "Wartung"},
    )
    assert response.status_code == 200
    assert not Opportunity.objects.filter(title="Wartung").exists()


def test_opportunities_are_added_changed_and_deleted(german_client, german):
    response = german_client.post(
        reverse("portal:new_opportunity", args=[german.pk]),
        {"kind": "request", "type": "commercial", "title": "Vertriebspartner in China"},
    )
    assert response.status_code == 302
    added = Opportunity.objects.get(title="Vertriebspartner in China")
    assert added.event_id == german.event_id
    assert added.code == f"{german.code}-2"
    german_client.post(
        reverse("portal:opportunity", args=[german.pk, added.pk]),
        {"kind": "request", "type": "commercial", "title": "Händler in China", "sectors": "energy"},
    )
    added.refresh_from_db()
    assert (added.title, added.sectors) == ("Händler in China", ["energy"])
    german_client.post(reverse("portal:delete_opportunity", args=[german.pk, added.pk]))
    assert not Opportunity.objects.filter(pk=added.pk).exists()


def test_another_organizations_opportunity_cannot_be_edited(german_client, german, french):
    theirs = french.opportunities.get()
    response = german_client.post(
        reverse("portal:opportunity", args=[german.pk, theirs.pk]),
        {"kind": "offer", "type": "other", "title": "mine now"},
    )
    assert response.status_code == 404
    response = german_client.post(reverse("portal:delete_opportunity", args=[german.pk, theirs.pk]))
    assert response.status_code == 404
    assert Opportunity.objects.filter(pk=theirs.pk).exists()


def test_the_deadline_is_told_in_the_readers_language_and_time_zone(german_client, german, fair):
    rules = rules_of(fair)
    rules.profile_deadline = datetime(2026, 1, 15, 17, 0, tzinfo=ZoneInfo("UTC"))
    rules.save()
    response = german_client.post(
        reverse("portal:profile", args=[german.pk]),
        {"description": "Neu", "attendance": "onsite"},
        HTTP_ACCEPT_LANGUAGE="de",
    )
    assert "Profile konnten bis 15. Januar 2026 18:00 (Europe/Berlin) geändert werden." in str(
        response.context["form"].non_field_errors()
    )
