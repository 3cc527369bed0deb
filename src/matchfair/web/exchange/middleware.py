"""Pages that read the event as ``core`` objects (the event file, the reports, a run's
start) answer a stored value the core refuses with a page that names the organization
and the field and links to where it is fixed, not with a server error."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse

from matchfair.web.exchange.errors import StoredDataError

CONFLICT = 409


class StoredDataErrorMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, StoredDataError):
            return None
        edit_url = reverse(
            "orga:edit_organization", args=[exception.event_id, exception.participation_id]
        )
        return render(
            request,
            "_stored_data_error.html",
            {"message": str(exception), "edit_url": edit_url},
            status=CONFLICT,
        )
