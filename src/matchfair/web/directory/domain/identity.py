"""Who may reuse a directory entry, and which entries look like another one.

A directory entry is shared by the editions an organization attends, and its delegates
see every event it takes part in. Reusing an entry is therefore a grant: whoever adds a
person to it, or adds it to an event, touches every event it is in. So an entry is
reused only by someone who answers for all of them (``Standing``): an organizer of
every event it takes part in, an administrator, or the operator at the command line.
Anyone else gets a new, separate entry, which the organizer sees as a possible
duplicate of the old one (``possible_duplicates``). An import looks its organizations
up here too (``find_or_create_organizations``), and reuses an entry only when it has no
delegates either, so that importing a file enrolls nobody's account anywhere. How
names are recognised is in ``directory.domain.names``.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db.models import Q

from matchfair.web.directory.domain.names import directory_key, name_key
from matchfair.web.directory.models import Delegate, Organization, Participation
from matchfair.web.events.models import Event

BATCH = 1000


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

    (Imports ask more: no delegates either, see ``find_or_create_organizations``.)
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


def _reusable(
    candidates: list[Organization], standing: Standing, event: Event
) -> list[Organization]:
    """The candidates an import into ``event`` may reuse: no delegates, not in ``event``
    already, and in no event the importer does not answer for."""
    ids = [organization.pk for organization in candidates]
    delegated: set[int] = set()
    events: dict[int, set[int]] = {}
    for chunk_start in range(0, len(ids), BATCH):
        chunk = ids[chunk_start : chunk_start + BATCH]
        delegated.update(
            Delegate.objects.filter(organization_id__in=chunk).values_list(
                "organization_id", flat=True
            )
        )
        for organization_id, event_id in Participation.objects.filter(
            organization_id__in=chunk
        ).values_list("organization_id", "event_id"):
            events.setdefault(organization_id, set()).add(event_id)
    return [
        organization
        for organization in candidates
        if organization.pk not in delegated
        and event.pk not in events.get(organization.pk, ())
        and standing.covers(events.get(organization.pk, ()))
    ]


def find_or_create_organizations(
    *, event: Event, organizations: list[tuple[str, str, str]], standing: Standing
) -> list[Organization]:
    """The directory entry of each (name, country, kind), in order, creating new ones in bulk.

    An entry is reused when it is recognised (``directory_key``) and the importer may
    reuse it; each entry serves one organization of the list, so two spellings of one
    name in a file stay two organizations, as the file says.
    """
    keys = [directory_key(*triple) for triple in organizations]
    names = sorted({key[0] for key in keys})
    candidates: list[Organization] = []
    for chunk_start in range(0, len(names), BATCH):
        chunk = names[chunk_start : chunk_start + BATCH]
        candidates.extend(Organization.objects.filter(name_key__in=chunk).order_by("pk"))
    available: dict[tuple[str, str, str], list[Organization]] = {}
    for organization in _reusable(candidates, standing, event):
        key = (organization.name_key, organization.country, organization.kind)
        available.setdefault(key, []).append(organization)
    entries: list[Organization | None] = [
        available[key].pop(0) if available.get(key) else None for key in keys
    ]
    missing = [
        Organization(name=" ".join(name.split()), country=country, kind=kind).with_keys()
        for (name, country, kind), entry in zip(organizations, entries, strict=True)
        if entry is None
    ]
    created = iter(Organization.objects.bulk_create(missing, batch_size=BATCH))
    return [entry if entry is not None else next(created) for entry in entries]
