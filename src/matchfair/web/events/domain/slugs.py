"""Each event's slug (``Event.code``): the ``event.id`` of its file, unique in the database.

The command line names an event by it (``matchfair export nordic-2024``), so two
events may not share one: an import whose id is taken, or an event created on a page
without one, gets the next free ``<base>-2``, ``<base>-3``; an organizer who types a
taken one is refused with the field named.
"""

from typing import Any

from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.text import slugify
from django.utils.translation import gettext as _

from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.models import Event

MAX_LENGTH = 200
FALLBACK = "event"
ATTEMPTS = 5
"""Inserts tried when concurrent creations keep taking the slug just found free."""


class SlugTakenError(EventRuleError):
    """The slug an organizer typed belongs to another event; ``field`` is the form's."""

    field = "code"


def name_slug(text: str) -> str:
    """``text`` made a slug, ``FALLBACK`` when nothing is left (a name in Chinese script)."""
    return slugify(text)[: MAX_LENGTH - 10].strip("-") or FALLBACK


def free_slug(text: str, *, exclude: Event | None = None) -> str:
    """``text`` made a slug, suffixed until no other event has it."""
    return free_code(name_slug(text), exclude=exclude)


def free_code(base: str, *, exclude: Event | None = None) -> str:
    """``base`` as it is (an event file's id), or suffixed until no other event has it."""
    base = base[: MAX_LENGTH - 10]
    others = Event.objects.filter(Q(code=base) | Q(code__startswith=f"{base}-"))
    if exclude is not None and exclude.pk is not None:
        others = others.exclude(pk=exclude.pk)
    taken = set(others.values_list("code", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _taken(slug: str, *, exclude: Event | None = None) -> SlugTakenError:
    return SlugTakenError(
        _("The event id “%(slug)s” belongs to another event; try “%(free)s”.")
        % {"slug": slug, "free": free_slug(slug, exclude=exclude)}
    )


def check_slug_free(slug: str, *, exclude: Event | None = None) -> None:
    """Refuse a slug another event has, naming it and the next free one."""
    others = Event.objects.filter(code=slug)
    if exclude is not None and exclude.pk is not None:
        others = others.exclude(pk=exclude.pk)
    if others.exists():
        raise _taken(slug, exclude=exclude)


def create_with_slug(*, base: str, typed: bool, **fields: Any) -> Event:
    """Create the event under ``base`` (``typed``: as the organizer typed it) or the next free slug.

    Another creation may take the slug between the look-up and the insert; the unique
    index refuses the second, which then tries the next free slug under a savepoint (a
    typed slug is refused with the field named), so neither answers with an error page.
    """
    for _attempt in range(ATTEMPTS):
        slug = base if typed else free_code(base)
        if typed:
            check_slug_free(slug)
        try:
            with transaction.atomic():
                return Event.objects.create(code=slug, **fields)
        except IntegrityError:
            if not Event.objects.filter(code=slug).exists():
                raise
            if typed:
                raise _taken(slug) from None
    raise _taken(base)


def event_by_slug_or_number(reference: str) -> Event | None:
    """The event a command line names: its slug, or its database number as earlier releases printed."""
    found = Event.objects.filter(code=reference).first()
    if found is None and reference.isascii() and reference.isdigit():
        found = Event.objects.filter(pk=int(reference)).first()
    return found
