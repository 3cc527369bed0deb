"""Pages that read the event as ``core`` objects (the event file, the reports, a run's
start) answer a stored value the core refuses with a page that names the row and the
field and links to where it is fixed, not with a server error."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from matchfair.web.events.stored_data import StoredRow
from matchfair.web.exchange.errors import StoredDataError

CONFLICT = 409


def _fix_link(error: StoredDataError) -> tuple[str, str]:
    """Where the row is fixed, and the words of the link there: the organizer page that
    edits the row."""
    if error.row is StoredRow.SESSION:
        return reverse("orga:edit_session", args=[error.event_id, error.row_id]), _(
            "Edit the session"
        )
    if error.row is StoredRow.INTERPRETER:
        return reverse("orga:edit_interpreter", args=[error.event_id, error.row_id]), _(
            "Edit the interpreter"
        )
    return reverse("orga:edit_organization", args=[error.event_id, error.row_id]), _(
        "Edit the organization"
    )


class StoredDataErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, StoredDataError):
            return None
        edit_url, edit_label = _fix_link(exception)
        return render(
            request,
            "_stored_data_error.html",
            {"message": str(exception), "edit_url": edit_url, "edit_label": edit_label},
            status=CONFLICT,
        )
