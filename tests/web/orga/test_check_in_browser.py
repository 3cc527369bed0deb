"""A staff phone checks a delegate in by the camera, in chromium.

Chromium's fake camera plays a Y4M video of the delegate's badge QR code (made from
the same segno code the printed badge carries); the desk page reads it with jsQR
(Debian's chromium has no BarcodeDetector on Linux), posts the token, and the
delegate shows as checked in, in the database and on the page.
"""

import os
from pathlib import Path

import pytest
import segno
from django.contrib.auth import get_user_model
from django.db import connections

from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.models import Badge, CheckIn, CheckInStaff
from matchfair.web.exports.badge_codes import badge_token
from tests.web import factories
from tests.web.conftest import ARGUMENTS, CHROMIUM

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZE = 400  # pixels of the fake camera's square picture
SCALE = 8  # pixels per module of the code


def qr_video(text: str, path: Path) -> Path:
    """A two-frame Y4M (4:2:0) video of the QR code of ``text``, black on white."""
    matrix = segno.make(text, error="m").matrix
    modules = len(matrix) + 8  # the quiet zone of four modules each side
    offset = (SIZE - modules * SCALE) // 2 + 4 * SCALE
    luma = bytearray([255]) * (SIZE * SIZE)
    for row, line in enumerate(matrix):
        for column, dark in enumerate(line):
            if not dark:
                continue
            for y in range(offset + row * SCALE, offset + (row + 1) * SCALE):
                start = y * SIZE + offset + column * SCALE
                luma[start : start + SCALE] = bytes(SCALE)
    chroma = bytes([128]) * (SIZE // 2 * SIZE // 2)
    frame = b"FRAME\n" + bytes(luma) + chroma + chroma
    path.write_bytes(f"YUV4MPEG2 W{SIZE} H{SIZE} F10:1 Ip A1:1 C420jpeg\n".encode() + frame * 2)
    return path


@pytest.fixture
def camera_browser(tmp_path):
    """Chromium whose camera films a file; the test writes the file before opening the page."""
    from playwright.sync_api import sync_playwright

    video = tmp_path / "badge.y4m"
    arguments = [
        *ARGUMENTS,
        "--use-fake-device-for-media-stream",
        "--use-fake-ui-for-media-stream",
        f"--use-file-for-fake-video-capture={video}",
    ]
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            yield (
                video,
                lambda: playwright.chromium.launch(executable_path=CHROMIUM, args=arguments),
            )
            connections.close_all()
    finally:
        if previous is None:
            del os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"]
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


def test_a_staff_phone_checks_a_delegate_in_by_the_camera(live_server, camera_browser):
    video, launch = camera_browser
    fair = factories.event(factories.organizer())
    guest = factories.participant(fair, name="清华能源", country="CN", email="wang@qinghua.example")
    user = factories.user_of(guest)
    user.first_name, user.last_name = "王", "芳"
    user.save()
    door = get_user_model().objects.create_user(
        username="door", email="door@fair.example", password=factories.PASSWORD
    )
    CheckInStaff.objects.create(event=fair, user=door)
    refresh_badges(event=fair)
    badge = Badge.objects.get(event=fair, delegate__user=user)
    qr_video(badge_token(badge), video)

    browser = launch()
    context = browser.new_context(base_url=live_server.url, viewport={"width": 390, "height": 844})
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", "door")
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()
    page.get_by_role("link", name=f"Check-in at {fair.name}").click()
    page.wait_for_load_state()
    page.fill("[data-desk-name]", "Entrance A")
    page.locator("[data-desk-name]").dispatch_event("change")
    page.locator("[data-start-camera]").click()

    result = page.locator("[data-result]")
    result.filter(has_text="is checked in").wait_for()
    assert "王 芳 (清华能源) is checked in." in result.inner_text()
    assert page.locator("[data-arrived]").inner_text() == "1"
    check_in = CheckIn.objects.get(badge=badge)
    assert check_in.desk == "Entrance A"
    assert check_in.by == door
    # The camera keeps seeing the badge: a later scan says it is in already, and adds nothing.
    result.filter(has_text="already checked in").wait_for()
    assert CheckIn.objects.count() == 1
    context.close()
    browser.close()
