"""The delegate's own badge QR code on their agenda: theirs, on site only."""

import pytest

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.models import Badge
from matchfair.web.exports.badge_codes import badge_qr_svg

pytestmark = pytest.mark.django_db


def test_an_on_site_delegate_sees_the_code_of_their_own_badge(client_for, world):
    page = client_for(world.teg_user).get(f"/my/{world.tegnology.pk}/agenda/").content.decode()
    badge = Badge.objects.get(delegate__user=world.teg_user)
    assert badge.participation == world.tegnology
    assert str(badge_qr_svg(badge)) in page
    assert "Your badge at the entrance" in page


def test_an_online_delegate_gets_no_badge(client_for, world):
    Participation.objects.filter(pk=world.tegnology.pk).update(
        attendance=Participation.Attendance.ONLINE
    )
    page = client_for(world.teg_user).get(f"/my/{world.tegnology.pk}/agenda/").content.decode()
    assert "Your badge at the entrance" not in page
    assert not Badge.objects.exists()
