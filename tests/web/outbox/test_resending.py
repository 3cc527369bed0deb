"""Resending a failed mail: back in the queue with its attempts, delivered by the worker."""

import pytest
from django.utils import timezone

from matchfair.web import stored_text
from matchfair.web.outbox.domain.delivery import deliver_due
from matchfair.web.outbox.domain.queueing import Draft, queue_mail
from matchfair.web.outbox.domain.resending import NotFailedError, resend
from matchfair.web.outbox.models import Mail

pytestmark = pytest.mark.django_db


def _failed(world) -> Mail:
    mail = queue_mail(
        Draft(
            address="li@example.org",
            language="en",
            kind=Mail.Kind.INVITATION,
            subject=stored_text.gettext("Settings"),
            body=stored_text.gettext("Settings"),
            event=world.event,
        )
    )
    Mail.objects.filter(pk=mail.pk).update(
        state=Mail.State.FAILED, attempts=3, last_error="550 No such user"
    )
    return Mail.objects.get(pk=mail.pk)


def test_a_resent_mail_is_queued_now_with_its_attempts_and_then_delivered(
    world, smtp_server, django_capture_on_commit_callbacks
):
    mail = _failed(world)
    before = timezone.now()
    with django_capture_on_commit_callbacks() as woken:
        resend(mail)
    assert woken, "the worker is woken when the transaction commits"
    mail.refresh_from_db()
    assert (mail.state, mail.attempts) == (Mail.State.QUEUED, 3)
    assert mail.next_attempt_at >= before
    assert deliver_due().sent == 1
    mail.refresh_from_db()
    assert (mail.state, mail.attempts) == (Mail.State.SENT, 4)
    assert [m["To"] for m in smtp_server.messages] == ["li@example.org"]


@pytest.mark.parametrize("state", [Mail.State.QUEUED, Mail.State.SENDING, Mail.State.SENT])
def test_only_a_failed_mail_can_be_resent(world, state):
    mail = _failed(world)
    Mail.objects.filter(pk=mail.pk).update(state=state)
    with pytest.raises(NotFailedError):
        resend(mail)
    assert Mail.objects.get(pk=mail.pk).state == state
