"""notify.rules: a portal page opens for its delegates, in the person's own time zone."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone

from matchfair.web.notify.domain.personal import settings_of
from matchfair.web.notify.rules import participant_page
from tests.web.factories import World


@participant_page
def _page(request, participation):
    return HttpResponse(f"{participation.code} {timezone.get_current_timezone_name()}")


def _open(user, participation_id: int) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return _page(request, participation_id).content.decode()


def test_a_portal_page_shows_times_in_the_delegates_own_time_zone(world: World):
    personal = settings_of(world.teg_user)
    personal.timezone = "Asia/Shanghai"
    personal.save()
    assert _open(world.teg_user, world.tegnology.pk) == "tegnology Asia/Shanghai"


def test_a_portal_page_refuses_another_organizations_delegate(world: World):
    with pytest.raises(PermissionDenied):
        _open(world.smart_eye_user, world.tegnology.pk)
