"""Resending a mail that failed: one more attempt, chosen by the organizer.

The organizer's E-mails page and the API both call ``resend``: after the address was
corrected at the recipient's end, or the server's refusal was temporary after all, the
mail goes back to the queue with its attempts kept (so the history of what failed stays
readable) and is due at once; the worker is woken when the transaction commits. A mail
that is not failed (queued, sending, sent) is refused, so a resend never sends a mail
twice.
"""

from datetime import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from matchfair.web.outbox.models import Mail
from matchfair.web.outbox.wake import wake_on_commit


class NotFailedError(ValueError):
    """The mail is queued, being sent or sent: only a failed mail can be sent again."""


def resend(mail: Mail, *, now: datetime | None = None) -> Mail:
    """Queue the failed ``mail`` again for an attempt now; refused unless it is failed.

    The update is guarded by the state it leaves, so two organizers pressing "Resend"
    at once queue it once."""
    when = now or timezone.now()
    changed = Mail.objects.filter(pk=mail.pk, state=Mail.State.FAILED).update(
        state=Mail.State.QUEUED, next_attempt_at=when, claim="", claimed_at=None
    )
    if not changed:
        raise NotFailedError(_("Only an e-mail that was not delivered can be sent again."))
    wake_on_commit()
    mail.refresh_from_db()
    return mail
