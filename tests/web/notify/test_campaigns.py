"""Campaigns: the text each reader gets, the preview's counts, muting, refusals, the kept row."""

import pytest
from django.db import transaction

from matchfair.web.audit.models import AuditEntry
from matchfair.web.notify.domain.campaigns import (
    CampaignText,
    preview_campaign,
    send_campaign,
)
from matchfair.web.notify.domain.portal_rules import PortalRuleError
from matchfair.web.notify.models import Campaign
from matchfair.web.notify.segments import Segment
from matchfair.web.outbox.domain.muting import choose_mail_kinds
from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.rendering import compose
from tests.web.notify.campaign_world import build_campaign_world

pytestmark = pytest.mark.django_db

ENGLISH = CampaignText("en", "Publish your needs", "Please publish your cooperation needs.")
GERMAN = CampaignText("de", "Ihr Bedarf", "Bitte veröffentlichen Sie Ihren Bedarf.")
CHINESE = CampaignText("zh-hans", "发布您的需求", "请发布您的合作需求。")


@pytest.fixture
def world(owner):
    return build_campaign_world(owner)


def test_each_reader_gets_their_language_or_the_first_written(world):
    campaign = send_campaign(
        event=world.event, by=world.owner, segment=Segment(), texts=[GERMAN, ENGLISH, CHINESE]
    )
    mails = {mail.address: mail for mail in Mail.objects.filter(kind=Mail.Kind.CAMPAIGN)}
    assert campaign.recipients == 4
    assert {address: mail.language for address, mail in mails.items()} == {
        "anna@sonnenwerk.example": "de",
        "li@hanyu.example": "zh-hans",
        # French was not written, and the imported contact chose no language yet: the
        # first language written (German).
        "luc@vignoble.example": "de",
        "wang@example.org": "de",
    }
    written = compose(mails["li@hanyu.example"])
    assert written.subject == "发布您的需求"
    assert "请发布您的合作需求。" in written.body
    assert compose(mails["luc@vignoble.example"]).subject == "Ihr Bedarf"


def test_the_preview_counts_the_readers_of_each_language_and_sends_nothing(world):
    preview = preview_campaign(
        event=world.event, segment=Segment(groups=("china",)), texts=[ENGLISH, CHINESE]
    )
    assert preview.recipients == 2
    assert preview.rows == [(ENGLISH, 1), (CHINESE, 1)]
    assert not Mail.objects.exists()
    assert not Campaign.objects.exists()


def test_a_recipient_who_muted_campaigns_gets_none_and_is_not_counted(world):
    choose_mail_kinds(
        user=world.german.organization.delegates.get().user,
        receive=[Mail.Kind.REQUEST, Mail.Kind.AGENDA, Mail.Kind.FEEDBACK],
    )
    campaign = send_campaign(
        event=world.event, by=world.owner, segment=Segment(groups=("europe",)), texts=[ENGLISH]
    )
    assert campaign.recipients == 1
    assert list(Mail.objects.values_list("address", flat=True)) == ["luc@vignoble.example"]


def test_the_campaign_row_keeps_what_was_sent_to_how_many_and_the_audit_names_it(world):
    segment = Segment(pending_requests=True)
    campaign = send_campaign(event=world.event, by=world.owner, segment=segment, texts=[ENGLISH])
    campaign.refresh_from_db()
    assert campaign.texts == {"en": {"subject": ENGLISH.subject, "body": ENGLISH.body}}
    assert Segment.from_json(campaign.segment) == segment
    assert campaign.recipients == 1
    assert campaign.sent_by == world.owner
    assert AuditEntry.objects.filter(action="campaign.sent", event=world.event).count() == 1


@pytest.mark.parametrize(
    ("texts", "field"),
    [
        ([], "languages"),
        ([CampaignText("de", "Betreff", "  ")], "body_de"),
        ([CampaignText("fr", "", "Texte")], "subject_fr"),
        ([CampaignText("en", "Hello\r\nBcc: all@example.org", "Text")], "subject_en"),
        ([CampaignText("en", "Big", "x" * 11_000_000)], "body_en"),
        ([ENGLISH, ENGLISH], "languages"),
        ([CampaignText("xx", "a", "b")], "languages"),
    ],
)
def test_a_refused_text_names_its_field_and_queues_nothing(world, texts, field):
    with pytest.raises(PortalRuleError) as refused:
        send_campaign(event=world.event, by=world.owner, segment=Segment(), texts=texts)
    assert refused.value.field == field
    with pytest.raises(PortalRuleError):
        preview_campaign(event=world.event, segment=Segment(), texts=texts)
    assert not Mail.objects.exists()
    assert not Campaign.objects.exists()


def test_a_stored_address_the_outbox_refuses_queues_nothing(world):
    world.imported_user.email = "wang@example.org\nBcc: x@example.org"
    world.imported_user.save()
    with pytest.raises(PortalRuleError) as refused:
        send_campaign(event=world.event, by=world.owner, segment=Segment(), texts=[ENGLISH])
    assert refused.value.field == "address"
    assert not Mail.objects.exists()


def test_the_mails_leave_with_the_campaigns_transaction(world, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks() as callbacks, transaction.atomic():
        send_campaign(event=world.event, by=world.owner, segment=Segment(), texts=[ENGLISH])
        assert Mail.objects.filter(state=Mail.State.QUEUED).count() == 4
    assert callbacks
