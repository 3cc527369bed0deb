"""Choosing a password through the welcome or reset link signs the person in and says so."""

import re

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from tests.web.factories import delegate

pytestmark = pytest.mark.django_db

NEW = "Another-l0ng-password"


def _choose(browser: Client, link: str):
    form_page = browser.get(link, follow=True)
    return browser.post(
        form_page.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW}, follow=True
    )


def test_the_welcome_link_signs_in_and_lands_on_the_home_page(event):
    user = delegate(event.participations.get(code="tegnology"), "karin@teg.example")
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    link = reverse("portal:welcome", args=[uid, default_token_generator.make_token(user)])
    browser = Client()
    form_page = browser.get(link, follow=True).content.decode()
    assert "Your user name is karin@teg.example." in form_page

    landed = _choose(browser, link)

    assert landed.redirect_chain[-1][0] == reverse("portal:home")
    assert landed.context["user"] == user
    assert (
        "Your password is set and you are signed in. Your user name is karin@teg.example."
        in landed.content.decode()
    )


def test_a_reset_link_signs_in_too(event):
    user = delegate(event.participations.get(code="tegnology"), "karin")
    user.email = "karin@teg.example"
    user.set_password("a-forgotten-l0ng-password")  # Django resets usable passwords only
    user.save()
    browser = Client()
    browser.post(reverse("portal:password_reset"), {"email": "karin@teg.example"})
    link = re.search(r"http://testserver(/password-reset/\S+/)", mail.outbox[-1].body).group(1)

    landed = _choose(browser, link)

    assert landed.redirect_chain[-1][0] == reverse("portal:home")
    assert landed.context["user"] == user
    assert "Your user name is karin." in landed.content.decode()
