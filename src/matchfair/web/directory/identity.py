"""Who may reuse a directory entry, and which entries look like another one.

A directory entry is shared by the editions an organization attends, and its delegates
see every event it takes part in. Reusing an entry is therefore a grant: whoever adds a
person to it, or adds it to an event, touches every event it is in. So an entry is
reused only by someone who answers for all of them (``Standing``): an organizer of
every event it takes part in, an administrator, or the operator at the command line.
Anyone else gets a new, separate entry, which the organizer sees as a possible
duplicate of the old one (``possible_duplicates``). How names are recognised is in
``directory.names``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from matchfair.web.directory.models import Organization, Participation
from matchfair.web.directory.names import name_key


@dataclass(frozen=True)
class Standing:
    """The events an actor answers for; ``events`` None means every event (administrators,
    and the operator of the command line, who holds the database itself)."""

    events: frozenset[int] | None

    def covers(self, event_ids: Iterable[int]) -> bool:
        return self.events is None or set(event_ids) <= self.events


OPERATOR = Standing(events=None)
NOBODY = Standing(events=frozenset())


def standing_of(user: AbstractBaseUser | AnonymousUser) -> Standing:
    """An organizer answers for the events they organize, a superuser for all, others none."""
    if not user.is_authenticated:
        return NOBODY
    if user.is_superuser:
        return OPERATOR
    return Standing(events=frozenset(user.organized_events.values_list("pk", flat=True)))


def events_of(organization: Organization) -> set[int]:
    """The events the entry takes part in."""
    return set(
        Participation.objects.filter(organization=organization).values_list("event_id", flat=True)
    )


def may_reuse(organization: Organization, standing: Standing) -> bool:
    """Whether the actor may add the entry to an event, or a person to it.

    (Imports ask more: no delegates either, see ``exchange.to_database``.)
    """
    return standing.covers(events_of(organization))


def same_organization(name: str, country: str, kind: str) -> list[Organization]:
    """The entries recognised as this organization, oldest first."""
    return list(
        Organization.objects.filter(name_key=name_key(name), country=country, kind=kind).order_by(
            "pk"
        )
    )


@dataclass(frozen=True)
class Lookalike:
    """Another directory entry whose name reads or looks the same."""

    pk: int
    name: str
    country: str


def possible_duplicates(organizations: Iterable[Organization]) -> dict[int, list[Lookalike]]:
    """For each entry, the other entries with the same name key or skeleton (one query)."""
    entries = list(organizations)
    others = Organization.objects.filter(
        Q(name_key__in={o.name_key for o in entries})
        | Q(name_skeleton__in={o.name_skeleton for o in entries})
    ).only("pk", "name", "country", "name_key", "name_skeleton")
    by_key: dict[str, list[Organization]] = {}
    by_skeleton: dict[str, list[Organization]] = {}
    for other in others:
        by_key.setdefault(other.name_key, []).append(other)
        by_skeleton.setdefault(other.name_skeleton, []).append(other)
    found: dict[int, list[Lookalike]] = {}
    for entry in entries:
        matches = {
            other.pk: other
            for other in by_key.get(entry.name_key, []) + by_skeleton.get(entry.name_skeleton, [])
            if other.pk != entry.pk
        }
        if matches:
            found[entry.pk] = [
                Lookalike(pk=other.pk, name=other.name, country=other.country)
                for _pk, other in sorted(matches.items())
            ]
    return found
