"""accounts.welcome: the one-time link where an invited account chooses its password."""

from django.contrib.auth.tokens import default_token_generator
from django.urls import resolve

from matchfair.web.accounts.welcome import welcome_path
from tests.web.factories import make_user


def test_the_welcome_link_names_the_account_and_a_valid_token(db):
    user = make_user("invited")
    match = resolve(welcome_path(user))
    assert match.url_name == "welcome"
    assert default_token_generator.check_token(user, match.kwargs["token"])
