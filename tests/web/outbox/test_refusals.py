"""What the outbox refuses before queueing, with the field at fault, and what a mute skips."""

import pytest

from matchfair.web import stored_text
from matchfair.web.outbox.domain.checks import MailRefusedError
from matchfair.web.outbox.domain.queueing import Draft, queue_mail, queue_mails
from matchfair.web.outbox.models import Mail, MutedKind
from tests.web.factories import make_user


def _draft(**changes) -> Draft:
    values = {
        "address": "anna@example.org",
        "language": "en",
        "kind": Mail.Kind.REQUEST,
        "subject": stored_text.gettext("Meeting request from %(name)s", name="Nokia"),
        "body": stored_text.gettext("%(name)s asks to meet you at %(event)s.", name="N", event="F"),
    }
    return Draft(**{**values, **changes})


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        (
            {
                "subject": stored_text.gettext(
                    "Meeting request from %(name)s", name="x\r\nBcc: a@b.c"
                )
            },
            "subject",
        ),
        ({"name": "Anna\nBcc: everyone@example.org"}, "name"),
        ({"address": "not an address"}, "address"),
        ({"address": "anna@example.org\r\nBcc: everyone@example.org"}, "address"),
        ({"body": stored_text.gettext("%(text)s", text="x" * 10_000_000)}, "body"),
    ],
)
@pytest.mark.django_db
def test_a_mail_that_cannot_leave_intact_is_refused_naming_the_field(changes, field):
    with pytest.raises(MailRefusedError) as refused:
        queue_mails([_draft(), _draft(**changes)])
    assert refused.value.field == field
    assert isinstance(refused.value, ValueError)
    assert Mail.objects.count() == 0


@pytest.mark.django_db
def test_the_refusal_is_written_in_the_page_language(settings):
    from django.utils import translation

    with translation.override("de"), pytest.raises(MailRefusedError) as refused:
        queue_mail(_draft(address="kein-adresse"))
    assert "keine gültige E-Mail-Adresse" in str(refused.value)


@pytest.mark.django_db
def test_a_muted_kind_is_not_queued_and_other_kinds_are():
    user = make_user("anna")
    MutedKind.objects.create(user=user, kind=Mail.Kind.REQUEST)
    assert queue_mail(_draft(user=user)) is None
    assert queue_mail(_draft(user=user, kind=Mail.Kind.AGENDA)) is not None
    assert list(Mail.objects.values_list("kind", flat=True)) == [Mail.Kind.AGENDA]
