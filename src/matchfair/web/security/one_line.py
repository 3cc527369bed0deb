"""The forms' side of the file formats' rule: ids and names are one line of text.

Event ids, event and organization names and session ids typed into a form reach the
same places as those read from a file (download file names, e-mail subjects), so the
forms refuse what ``matchfair.core.one_line`` refuses, in the same words.
"""

from django.core.exceptions import ValidationError
from django.utils import translation

from matchfair.core.one_line import control_character, one_line_message
from matchfair.i18n import use_language


def validate_one_line(value: str) -> None:
    """Refuse a control character, naming it, in the page's language."""
    code = control_character(value)
    if code is not None:
        with use_language(translation.get_language()):
            message = one_line_message(code)
        raise ValidationError(message, code="control_character")
