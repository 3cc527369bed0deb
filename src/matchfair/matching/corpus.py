"""The texts of an event that the encoders read, grouped by organization.

Scoring compares opportunities, because "their request meets your offer" is what a
broker looks for, and an organization's description says less about what it wants
now. An organization without opportunities is represented by its description (or,
lacking that, its name) so that it still has a place in the ranking.
"""

from dataclasses import dataclass

import numpy as np

from matchfair.core import Event, Opportunity, Organization


@dataclass(frozen=True)
class Unit:
    """One text the encoders read: an opportunity, or an organization's profile."""

    organization: int
    opportunity: Opportunity | None
    text: str

    @property
    def title(self) -> str:
        """What people are shown for this text."""
        return self.opportunity.title if self.opportunity else ""


@dataclass(frozen=True)
class Corpus:
    """Units sorted by organization; ``starts[k]`` is the first unit of organization k."""

    organizations: list[Organization]
    units: list[Unit]
    starts: np.ndarray

    @property
    def texts(self) -> list[str]:
        return [unit.text for unit in self.units]

    def units_of(self, organization: int) -> range:
        """Indices of the units of organization number ``organization``."""
        end = (
            self.starts[organization + 1]
            if organization + 1 < len(self.starts)
            else len(self.units)
        )
        return range(int(self.starts[organization]), int(end))


def opportunity_text(opportunity: Opportunity) -> str:
    """Title and description read together: the title names it, the description explains it."""
    if opportunity.description:
        return f"{opportunity.title}. {opportunity.description}"
    return opportunity.title


def profile_text(organization: Organization) -> str:
    """What an organization says of itself: its description, else its name."""
    return organization.description or organization.name


def build_corpus(event: Event, *, all_profiles: bool = False) -> Corpus:
    """The units of ``event``: every opportunity, plus profiles where needed.

    With ``all_profiles`` every organization's profile is included (search finds
    organizations by what they say of themselves); otherwise only organizations
    without opportunities get one.
    """
    position = {organization.id: index for index, organization in enumerate(event.organizations)}
    by_owner: list[list[Unit]] = [[] for _ in event.organizations]
    for opportunity in event.opportunities:
        owner = position[opportunity.organization]
        by_owner[owner].append(Unit(owner, opportunity, opportunity_text(opportunity)))
    units: list[Unit] = []
    starts = np.zeros(len(event.organizations), dtype=np.int64)
    for owner, organization in enumerate(event.organizations):
        starts[owner] = len(units)
        units.extend(by_owner[owner])
        if all_profiles or not by_owner[owner]:
            units.append(Unit(owner, None, profile_text(organization)))
    return Corpus(list(event.organizations), units, starts)
