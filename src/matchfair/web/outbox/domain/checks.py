"""What the outbox refuses before it queues anything: a mail that could never leave intact.

A line break in a subject or a name would start a new header (``Bcc: ...``), an
address that is not one bounces or is a header in disguise, and a body of megabytes
fills the SMTP server's and the recipients' mailboxes. Each is refused with the
field at fault, so the page or the API shows it on the input, and nothing is queued.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from matchfair.core.one_line import as_one_line, control_character
from matchfair.web import stored_text


class MailRefusedError(ValueError):
    """A mail the outbox will not queue; ``field`` names the part at fault."""

    def __init__(self, message: str, field: str) -> None:
        self.field = field
        super().__init__(message)


def check_address(address: str) -> None:
    """An address SMTP accepts as one recipient, or ``MailRefusedError`` on ``address``."""
    try:
        validate_email(address)
    except ValidationError:
        raise MailRefusedError(
            _("%(address)s is not a valid e-mail address.") % {"address": address}, "address"
        ) from None
    if control_character(address):
        raise MailRefusedError(
            _("%(address)s is not a valid e-mail address.") % {"address": address.strip()},
            "address",
        )


def check_one_line(text: str, field: str) -> None:
    """``field`` ("subject", "name" or "attachment"): a header value without line breaks or control characters (no header injection)."""
    found = control_character(text)
    if found:
        label = {"subject": _("subject"), "attachment": _("attachment's name")}.get(
            field, _("recipient's name")
        )
        raise MailRefusedError(
            _("The %(field)s of an e-mail may not contain the character %(character)s.")
            % {"field": label, "character": found},
            field,
        )


def check_body(text: str) -> None:
    """A body no larger than ``MATCHFAIR_MAIL_MAX_BODY_BYTES`` in UTF-8."""
    size = len(text.encode("utf-8"))
    limit = settings.MATCHFAIR_MAIL_MAX_BODY_BYTES
    if size > limit:
        raise MailRefusedError(
            _("The e-mail's text is %(size)d bytes long; at most %(limit)d are sent.")
            % {"size": size, "limit": limit},
            "body",
        )


def one_line_values(stored: stored_text.Stored) -> stored_text.Stored:
    """``stored`` with its text values made one line, for a subject naming stored names.

    An event or organization stored before names were one line (``core.one_line``) may
    hold a line break; a sender that puts such a name into a subject makes it one line
    here, where a subject typed now with one is refused (``check_one_line``).
    """
    params = stored.get("params")
    if not isinstance(params, dict):
        return stored
    return {
        **stored,
        "params": {
            name: as_one_line(value)
            if isinstance(value, str)
            else one_line_values(value)
            if isinstance(value, dict)
            else value
            for name, value in params.items()
        },
    }
