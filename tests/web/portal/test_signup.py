"""Joining an event: invitation link, open registration, login, password reset, colleagues."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import TestCase
from django.urls import reverse

from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.models import PersonalSettings, PortalRules
from tests.web import factories
from tests.web.factories import PASSWORD

FORM = {
    "organization_name": "成都光伏科技有限公司",
    "country": "CN",
    "kind": "company",
    "attendance": "onsite",
    "first_name": "Wei",
    "last_name": "Zhang",
    "email": "wei@chengdu-pv.example",
    "password": PASSWORD,
    "timezone": "Asia/Shanghai",
    "language": "zh-hans",
}


def test_the_invitation_link_signs_up_an_organization_and_logs_its_delegate_in(client, fair):
    link = reverse("portal:join", args=[rules_of(fair).invitation_token])
    response = client.post(link, FORM)
    participation = Participation.objects.get(
        event=fair, organization__name=FORM["organization_name"]
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("portal:profile", args=[participation.pk])
    user = get_user_model().objects.get(email=FORM["email"])
    assert user.delegate.organization == participation.organization
    assert PersonalSettings.objects.get(user=user).timezone == "Asia/Shanghai"
    assert client.get(response["Location"]).status_code == 200


def test_a_wrong_invitation_token_finds_nothing(client, fair):
    assert client.get(reverse("portal:join", args=["not-the-token"])).status_code == 404


def test_open_registration_only_when_the_organizer_opens_it(client, fair):
    page = reverse("portal:register", args=[fair.pk])
    assert client.get(page).status_code == 404
    rules = rules_of(fair)
    rules.registration = PortalRules.Registration.OPEN
    rules.save()
    assert client.get(page).status_code == 200
    assert client.post(page, FORM).status_code == 302


def test_an_organization_registered_already_is_refused_on_its_name_field(client, fair, german):
    link = reverse("portal:join", args=[rules_of(fair).invitation_token])
    response = client.post(
        link,
        {**FORM, "organization_name": "Sonnenwerk GmbH", "country": "DE"},
    )
    assert response.status_code == 200
    assert "Sonnenwerk GmbH is registered already" in str(
        response.context["form"].errors["organization_name"]
    )
    assert Participation.objects.filter(event=fair).count() == 1


def test_an_email_with_an_account_is_refused_on_the_email_field(client, fair, german):
    link = reverse("portal:join", args=[rules_of(fair).invitation_token])
    response = client.post(link, {**FORM, "email": "ANNA@sonnenwerk.example"})
    assert "An account with this email exists already" in str(
        response.context["form"].errors["email"]
    )


def test_a_weak_password_is_refused_and_nothing_is_created(client, fair):
    link = reverse("portal:join", args=[rules_of(fair).invitation_token])
    response = client.post(link, {**FORM, "password": "123"})
    assert response.context["form"].errors["password"]
    assert not Participation.objects.filter(event=fair).exists()


def test_login_and_logout(client, german):
    response = client.post(
        reverse("portal:login"), {"username": "anna@sonnenwerk.example", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert client.get(reverse("portal:my_events")).status_code == 200
    client.post(reverse("portal:logout"))
    assert client.get(reverse("portal:my_events")).status_code == 302


def test_password_reset_by_email(client, german):
    assert reverse("portal:password_reset") in client.get(reverse("portal:login")).content.decode()
    client.post(reverse("portal:password_reset"), {"email": "anna@sonnenwerk.example"})
    assert len(mail.outbox) == 1
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[0].body).group(1)
    form_page = client.get(link, follow=True)
    assert form_page.context["validlink"]
    new = "Another-l0ng-password"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    assert client.login(username="anna@sonnenwerk.example", password=new)


def test_a_delegate_adds_a_colleague_who_gets_their_own_login(german_client, german):
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = german_client.post(
            reverse("portal:team", args=[german.pk]),
            {"contact_name": "Jonas Weber", "email": "jonas@sonnenwerk.example"},
        )
    assert response.status_code == 302
    colleague = Delegate.objects.get(user__email="jonas@sonnenwerk.example")
    assert colleague.organization == german.organization
    assert "/welcome/" in mail.outbox[-1].body


def test_a_colleague_of_another_organization_is_refused(german_client, german, french):
    response = german_client.post(
        reverse("portal:team", args=[german.pk]),
        {"contact_name": "Paul", "email": "paul@vignoble.example"},
    )
    assert "is a delegate of Vignoble Exportateur already" in str(
        response.context["form"].errors["email"]
    )


@pytest.mark.parametrize("page", ["profile", "catalog", "requests", "agenda", "team"])
def test_another_organizations_pages_are_forbidden(french_client, german, page):
    response = french_client.get(reverse(f"portal:{page}", args=[german.pk]))
    assert response.status_code == 403


@pytest.mark.parametrize("page", ["profile", "catalog", "agenda"])
def test_pages_need_a_login(client, german, page):
    response = client.get(reverse(f"portal:{page}", args=[german.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("portal:login"))


def test_only_the_organizer_sets_the_portal_rules(client, german_client, fair, owner):
    page = reverse("orga:portal_rules", args=[fair.pk])
    assert german_client.get(page).status_code == 403
    client.force_login(owner)
    response = client.post(
        page,
        {
            "registration": "open",
            "profile_deadline": "2026-11-30T18:00",
            "request_deadline": "",
            "request_quota": "5",
        },
    )
    assert response.status_code == 302
    rules = rules_of(fair)
    assert rules.registration == "open"
    assert rules.request_quota == 5
    assert rules.profile_deadline.isoformat() == "2026-11-30T17:00:00+00:00"


def test_the_home_page_leads_a_delegate_into_the_portal(german_client, german):
    page = german_client.get(reverse("portal:home")).content.decode()
    assert reverse("portal:catalog", args=[german.pk]) in page
    assert reverse("portal:agenda", args=[german.pk]) in page


def test_an_organization_with_delegates_from_an_earlier_edition_is_refused(client, owner, german):
    next_year = factories.event(owner, name="EU-China Cooperation Fair 2027")
    link = reverse("portal:join", args=[rules_of(next_year).invitation_token])
    response = client.post(
        link,
        {
            **FORM,
            "organization_name": "Sonnenwerk GmbH",
            "country": "DE",
            "email": "intruder@example.org",
        },
    )
    assert "Sonnenwerk GmbH is registered already" in str(
        response.context["form"].errors["organization_name"]
    )
    assert not Participation.objects.filter(event=next_year).exists()
    assert list(german.organization.delegates.values_list("user__email", flat=True)) == [
        "anna@sonnenwerk.example"
    ]


def test_signing_up_without_a_time_zone_leaves_it_to_follow_the_event(client, fair):
    link = reverse("portal:join", args=[rules_of(fair).invitation_token])
    client.post(link, {**FORM, "timezone": ""})
    user = get_user_model().objects.get(email=FORM["email"])
    assert PersonalSettings.objects.get(user=user).timezone == ""
    participation = Participation.objects.get(
        event=fair, organization__name=FORM["organization_name"]
    )
    page = client.get(reverse("portal:agenda", args=[participation.pk]), HTTP_ACCEPT_LANGUAGE="en")
    assert "Times in your time zone: Europe/Berlin." in page.content.decode()
