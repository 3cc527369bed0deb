"""A web request only writes outbox rows; the mail leaves after the commit, through the worker."""

import pytest
from django.core import mail
from django.db import transaction
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone

from matchfair.web import stored_text
from matchfair.web.outbox.domain.delivery import claim, next_retry
from matchfair.web.outbox.domain.queueing import Draft, queue_mail
from matchfair.web.outbox.models import Mail
from tests.web.factories import World

INVITE = {
    "organization_name": "Fjord Robotics",
    "country": "NO",
    "kind": "company",
    "attendance": "onsite",
    "contact_name": "Ingrid Dahl",
    "email": "ingrid@fjord.example",
}


def test_an_invitation_page_queues_the_mail_and_sends_nothing_itself(client_for, world: World):
    with TestCase.captureOnCommitCallbacks(execute=False) as callbacks:
        response = client_for(world.organizer).post(
            reverse("orga:invite", args=[world.event.pk]), INVITE
        )
    assert response.status_code == 302
    queued = Mail.objects.get(address="ingrid@fjord.example")
    assert (queued.state, queued.kind, queued.event) == ("queued", "invitation", world.event)
    assert mail.outbox == []
    for callback in callbacks:
        callback()
    (sent,) = mail.outbox
    assert sent.to == ["ingrid@fjord.example"]
    queued.refresh_from_db()
    assert queued.state == Mail.State.SENT


def test_a_name_with_a_line_break_is_refused_on_the_invitation_form(client_for, world: World):
    response = client_for(world.organizer).post(
        reverse("orga:invite", args=[world.event.pk]),
        {**INVITE, "contact_name": "Ingrid\r\nBcc: all@example.org"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Mail.objects.exists()


def test_the_outboxs_own_refusal_reaches_the_invitation_form(client_for, world: World, monkeypatch):
    """A refusal only the outbox makes (here, a tiny body limit) is shown on the form."""
    from django.conf import settings

    monkeypatch.setattr(settings, "MATCHFAIR_MAIL_MAX_BODY_BYTES", 10)
    response = client_for(world.organizer).post(
        reverse("orga:invite", args=[world.event.pk]), INVITE
    )
    assert response.status_code == 200
    assert "bytes long" in response.content.decode()
    assert not Mail.objects.exists()


@pytest.mark.django_db
def test_a_rolled_back_change_sends_nothing():
    with TestCase.captureOnCommitCallbacks(execute=True):
        try:
            with transaction.atomic():
                queue_mail(
                    Draft(
                        address="anna@example.org",
                        language="en",
                        kind=Mail.Kind.REQUEST,
                        subject=stored_text.gettext("Settings"),
                        body=stored_text.gettext("Settings"),
                    )
                )
                raise RuntimeError("the change fails")
        except RuntimeError:
            pass
    assert not Mail.objects.exists()
    assert mail.outbox == []


@pytest.mark.django_db
def test_the_worker_comes_back_for_mails_a_vanished_worker_left_sending(settings):
    settings.MATCHFAIR_MAIL_CLAIM_TIMEOUT = 600
    queue_mail(
        Draft(
            address="anna@example.org",
            language="en",
            kind=Mail.Kind.REQUEST,
            subject=stored_text.gettext("Settings"),
            body=stored_text.gettext("Settings"),
        )
    )
    now = timezone.now()
    claim(now, 50, "vanished")
    assert (next_retry() - now).total_seconds() == pytest.approx(601, abs=1)


@pytest.mark.django_db
def test_a_round_that_leaves_a_retry_asks_the_worker_to_come_back_at_its_time(settings):
    from django_tasks_db.models import DBTaskResult

    from matchfair.web.outbox.tasks import deliver_outbox_task

    settings.MATCHFAIR_MAIL_TASK_BACKEND = "default"
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT, settings.EMAIL_TIMEOUT = "127.0.0.1", 9, 2
    queue_mail(
        Draft(
            address="anna@example.org",
            language="en",
            kind=Mail.Kind.REQUEST,
            subject=stored_text.gettext("Settings"),
            body=stored_text.gettext("Settings"),
        )
    )
    assert deliver_outbox_task.call() == 0
    retry = Mail.objects.get().next_attempt_at
    (deferred,) = DBTaskResult.objects.filter(run_after__isnull=False)
    assert deferred.run_after == retry
    assert deferred.task_path.endswith("deliver_outbox_task")
