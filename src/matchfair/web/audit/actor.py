"""Who is acting in the current request or command, for the audit trail.

Services record changes without a ``user`` argument on every signature: the
middleware (pages) and the API's authentication set the actor for the duration of
a request; the job worker and commands leave it empty.
"""

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse

_actor: ContextVar[AbstractBaseUser | None] = ContextVar("matchfair_audit_actor", default=None)


def current_actor() -> AbstractBaseUser | None:
    return _actor.get()


@contextmanager
def acting_as(user: AbstractBaseUser | None) -> Iterator[None]:
    """Record changes made inside the block as made by ``user``."""
    token = _actor.set(user)
    try:
        yield
    finally:
        _actor.reset(token)


def set_actor(user: AbstractBaseUser | None) -> None:
    """Set the actor until the end of the current request (the API's authentication calls it)."""
    _actor.set(user)


class AuditActorMiddleware:
    """Make the logged-in user the actor of every change made while answering the request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user if request.user.is_authenticated else None
        with acting_as(user):
            return self.get_response(request)
