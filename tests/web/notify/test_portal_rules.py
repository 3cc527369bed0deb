"""An event's portal rules: defaults for an event nobody configured, deadlines that close."""

from datetime import timedelta

import pytest
from django.utils import timezone

from matchfair.web.meetings.domain.requests import RequestRuleError
from matchfair.web.notify.domain.portal_rules import (
    PortalRuleError,
    check_profile_open,
    check_requests_open,
    rules_of,
)
from matchfair.web.notify.models import PortalRules


def test_an_unconfigured_event_gets_the_default_rules_once(fair):
    rules = rules_of(fair)
    assert (rules.registration, rules.request_quota) == (PortalRules.Registration.INVITATION, 20)
    assert rules_of(fair).pk == rules.pk


def test_without_deadlines_everything_stays_open(fair):
    check_profile_open(fair)
    check_requests_open(fair)


def test_a_passed_profile_deadline_refuses_profile_changes_only(fair):
    rules = rules_of(fair)
    rules.profile_deadline = timezone.now() - timedelta(hours=1)
    rules.save()
    with pytest.raises(PortalRuleError, match="Profiles could be changed until"):
        check_profile_open(fair)
    check_requests_open(fair)


def test_a_request_deadline_is_refused_as_a_request_rule(fair):
    rules = rules_of(fair)
    rules.request_deadline = timezone.now() + timedelta(hours=1)
    rules.save()
    check_requests_open(fair)
    with pytest.raises(RequestRuleError, match="until"):
        check_requests_open(fair, now=timezone.now() + timedelta(hours=2))
