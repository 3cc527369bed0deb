"""The refusal of a messaging action, with the field at fault and the HTTP status it means."""


class MessageRuleError(ValueError):
    """A write the event's messaging rules refuse.

    ``field`` names the form field at fault (None: the whole form); ``status`` is what
    the API answers: 409 (messaging switched off, a report twice), 422 (too long or
    empty), 429 (too many messages in a short time).
    """

    def __init__(self, message: str, field: str | None = None, status: int = 409) -> None:
        self.field = field
        self.status = status
        super().__init__(message)
