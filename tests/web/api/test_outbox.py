"""The outbox through the API: the list with its filters and pages, and resending a failed mail."""

import pytest

from matchfair.web import stored_text
from matchfair.web.outbox.domain.queueing import Draft, queue_mails
from matchfair.web.outbox.models import Mail

pytestmark = pytest.mark.django_db


def _queue(event, *addresses: str, kind: str = Mail.Kind.INVITATION) -> list[Mail]:
    return queue_mails(
        [
            Draft(
                address=address,
                language="en",
                kind=kind,
                subject=stored_text.gettext("Settings"),
                body=stored_text.gettext("Settings"),
                event=event,
            )
            for address in addresses
        ]
    )


def _fail(mail: Mail) -> None:
    Mail.objects.filter(pk=mail.pk).update(
        state=Mail.State.FAILED, attempts=2, last_error="550 No such user"
    )


def test_the_organizer_lists_the_outbox_with_state_attempts_and_error(world, client_for):
    failed, _ = _queue(world.event, "gone@example.org", "li@example.org")
    _fail(failed)
    _queue(world.other_event, "elsewhere@example.org")
    answer = client_for(world.organizer).get(f"/api/events/{world.event.pk}/mails")
    assert answer.status_code == 200
    assert answer.json()["count"] == 2
    rows = {row["address"]: row for row in answer.json()["items"]}
    assert set(rows) == {"gone@example.org", "li@example.org"}
    assert rows["gone@example.org"]["state"] == "failed"
    assert rows["gone@example.org"]["attempts"] == 2
    assert rows["gone@example.org"]["last_error"] == "550 No such user"
    assert rows["li@example.org"]["sent_at"] is None
    assert rows["li@example.org"]["kind"] == "invitation"


def test_state_and_kind_narrow_the_list_and_it_comes_in_pages(world, client_for):
    mails = _queue(world.event, "a@example.org", "b@example.org", "c@example.org")
    _queue(world.event, "d@example.org", kind=Mail.Kind.CAMPAIGN)
    _fail(mails[0])
    client = client_for(world.organizer)
    base = f"/api/events/{world.event.pk}/mails"
    failed = client.get(base, {"state": "failed"}).json()
    assert [row["address"] for row in failed["items"]] == ["a@example.org"]
    campaign = client.get(base, {"kind": "campaign"}).json()
    assert [row["address"] for row in campaign["items"]] == ["d@example.org"]
    queued_invitations = client.get(base, {"state": "queued", "kind": "invitation"}).json()
    assert queued_invitations["count"] == 2
    page = client.get(base, {"limit": 2, "offset": 2}).json()
    assert (page["count"], len(page["items"])) == (4, 2)
    assert client.get(base, {"state": "lost"}).status_code == 422


def test_resending_a_failed_mail_queues_it_again_with_its_attempts(world, client_for):
    (mail,) = _queue(world.event, "gone@example.org")
    _fail(mail)
    client = client_for(world.organizer)
    answer = client.post(f"/api/events/{world.event.pk}/mails/{mail.pk}/resend")
    assert answer.status_code == 200
    assert (answer.json()["state"], answer.json()["attempts"]) == ("queued", 2)
    again = client.post(f"/api/events/{world.event.pk}/mails/{mail.pk}/resend")
    assert again.status_code == 409
    assert again.json()["errors"][0]["message"]


def test_another_events_mail_is_not_found(world, client_for):
    (mail,) = _queue(world.other_event, "elsewhere@example.org")
    _fail(mail)
    answer = client_for(world.organizer).post(
        f"/api/events/{world.event.pk}/mails/{mail.pk}/resend"
    )
    assert answer.status_code == 404
    assert Mail.objects.get(pk=mail.pk).state == Mail.State.FAILED


@pytest.mark.parametrize("who", ["viewer", "teg_user"])
def test_participants_and_viewers_neither_read_nor_resend(world, client_for, who):
    (mail,) = _queue(world.event, "gone@example.org")
    _fail(mail)
    client = client_for(getattr(world, who))
    assert client.get(f"/api/events/{world.event.pk}/mails").status_code == 403
    resent = client.post(f"/api/events/{world.event.pk}/mails/{mail.pk}/resend")
    assert resent.status_code == 403
    assert Mail.objects.get(pk=mail.pk).state == Mail.State.FAILED
