"""A Chinese delegate downloads their own data from Settings in chromium: JSON and PDF."""

import json
from pathlib import Path

import pytest

from matchfair.web.audit.models import AuditEntry
from tests.web import factories

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_chinese_delegate_downloads_their_data_from_settings(live_server, browser, tmp_path):
    fair = factories.event(factories.organizer())
    chengdu = factories.participant(
        fair, name="成都智造 有限公司", country="CN", email="li@chengdu.example", language="zh-hans"
    )
    context = browser.new_context(base_url=live_server.url, locale="zh-CN", accept_downloads=True)
    context.set_default_timeout(30_000)
    page = context.new_page()
    page.goto("/login/")
    page.fill("#id_username", "li@chengdu.example")
    page.fill("#id_password", factories.PASSWORD)
    page.locator("main form button[type=submit]").click()
    page.wait_for_load_state()

    page.goto("/my/settings/")
    assert "您的数据" in page.locator("main").inner_text()
    with page.expect_download() as json_download:
        page.get_by_text("您的数据（JSON，matchfair-personal-data/1）").click()
    saved = tmp_path / "data.json"
    json_download.value.save_as(saved)
    document = json.loads(saved.read_text(encoding="utf-8"))
    assert document["format"] == "matchfair-personal-data/1"
    assert document["account"]["email"] == "li@chengdu.example"
    [profile] = document["participations"][0]["profile"]
    assert (profile["id"], profile["organization_name"]) == (chengdu.pk, "成都智造 有限公司")

    with page.expect_download() as pdf_download:
        page.get_by_text("您的数据（可阅读的 PDF）").click()
    pdf = Path(pdf_download.value.path()).read_bytes()
    assert pdf.startswith(b"%PDF")
    context.close()
    ways = sorted(
        AuditEntry.objects.filter(event=fair, action="export.personal-data").values_list(
            "detail__way", flat=True
        )
    )
    assert ways == ["json", "pdf"]
