"""Refuse request bodies larger than ``MATCHFAIR_MAX_REQUEST_BYTES`` before reading them.

Django limits form fields (``DATA_UPLOAD_MAX_MEMORY_SIZE``) but not uploaded files,
which it streams to disk: an unbounded upload could fill the disk. The declared
length is checked before anything is read (a WSGI body without one reads as empty).
"""

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _


class RequestSizeMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            return HttpResponse(_("Invalid Content-Length."), status=400)
        limit = settings.MATCHFAIR_MAX_REQUEST_BYTES
        if length > limit:
            return HttpResponse(
                _("The request is larger than %(megabytes)d MB.")
                % {"megabytes": limit // (1024 * 1024)},
                status=413,
                content_type="text/plain; charset=utf-8",
            )
        return self.get_response(request)
