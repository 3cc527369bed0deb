"""The engines speak the reader's language on the web, not the server's.

The framework-free layers translate through ``matchfair.i18n``, whose language is
the process environment's unless a ``use_language`` block says otherwise. The
middleware opens such a block around every request, in the language Django chose
for it, so an error message an engine writes while a page is served comes out in
that page's language. What the engines said earlier and the database keeps
(unscheduled reasons, recommendation reasons) is stored as messages and written in
the reader's language when shown, by ``matchfair.web.stored_text``.
"""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.utils import translation

from matchfair.i18n import use_language


class EngineLanguageMiddleware:
    """Run the rest of the request with the engines in the request's language.

    It comes after LocaleMiddleware, which chooses that language.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        with use_language(translation.get_language()):
            return self.get_response(request)
