"""Who may do what with accounts alone, before any event is involved.

Rules that need an event live in ``events.rules``; this module knows users only.
"""

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


def can_create_events(user: AbstractBaseUser | AnonymousUser) -> bool:
    """Staff accounts are the organizers' accounts; delegates cannot create events."""
    return bool(user.is_authenticated and (user.is_staff or user.is_superuser))
