"""The QR token: genuine tokens name their badge, forged ones and other events' are refused."""

import pytest
from django.core import signing

from matchfair.web.eventday.badge_tokens import SALT, read_badge_token, sign_badge
from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.domain.check_in import CheckInError, badge_of_token
from matchfair.web.eventday.models import Badge
from matchfair.web.exports.badge_codes import badge_token

pytestmark = pytest.mark.django_db


def test_a_signed_token_reads_back_as_its_event_and_badge():
    ids = read_badge_token(sign_badge(event_id=12, badge_id=345))
    assert (ids.event_id, ids.badge_id) == (12, 345)


@pytest.mark.parametrize(
    "token",
    [
        "12-345",
        "12-346:" + sign_badge(event_id=12, badge_id=345).split(":")[1],
        sign_badge(event_id=12, badge_id=345)[:-1] + "x",
        signing.Signer(salt="another.salt").sign("12-345"),
        signing.Signer(salt=SALT).sign("twelve-345"),
        "",
        "::::",
    ],
)
def test_a_forged_or_damaged_token_reads_as_nothing(token):
    assert read_badge_token(token) is None


def test_a_forged_token_is_refused_with_a_message(world):
    with pytest.raises(CheckInError, match="forged or damaged"):
        badge_of_token(event=world.event, token="1-1:not-a-signature")


def test_a_badge_of_another_event_is_refused(world):
    refresh_badges(event=world.event)
    badge = Badge.objects.filter(event=world.event).first()
    with pytest.raises(CheckInError, match="another event"):
        badge_of_token(event=world.other_event, token=badge_token(badge))


def test_a_withdrawn_badge_is_refused(world):
    refresh_badges(event=world.event)
    badge = Badge.objects.filter(event=world.event).first()
    token = badge_token(badge)
    badge.delete()
    with pytest.raises(CheckInError, match="withdrawn"):
        badge_of_token(event=world.event, token=token)


def test_the_badge_code_finds_its_badge(world):
    refresh_badges(event=world.event)
    badge = Badge.objects.filter(event=world.event).first()
    assert badge_of_token(event=world.event, token=f"  {badge_token(badge)}\n") == badge
