"""accounts.rules: who may create events, from the account alone."""

from django.contrib.auth.models import AnonymousUser

from matchfair.web.accounts.rules import can_create_events
from tests.web.factories import make_user


def test_staff_and_superusers_may_create_events(db):
    superuser = make_user("root")
    superuser.is_superuser = True
    assert can_create_events(make_user("staff", staff=True))
    assert can_create_events(superuser)


def test_other_accounts_and_visitors_may_not_create_events(db):
    assert not can_create_events(make_user("delegate"))
    assert not can_create_events(AnonymousUser())
