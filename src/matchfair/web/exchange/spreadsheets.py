"""Storing a checked spreadsheet in the event's directory, all of its rows or none.

The directory checks the rows as ``core`` organizations and opportunities
(``directory.spreadsheets.importing.parse_rows``); turning those into rows of the
database is conversion, which happens here as it does for an event file.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Max

from matchfair.web.directory.domain.identity import NOBODY, Standing
from matchfair.web.directory.domain.invitations import invite_contact
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.spreadsheets.importing import parse_rows
from matchfair.web.directory.spreadsheets.mapping import Mapping
from matchfair.web.directory.spreadsheets.reading import Table
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import add_opportunities, add_organizations


@dataclass(frozen=True)
class ImportSummary:
    organizations: int
    opportunities: int
    invitations: int = 0


@transaction.atomic
def import_rows(
    event: Event,
    table: Table,
    mapping: Mapping,
    *,
    standing: Standing = NOBODY,
    site_url: str = "",
) -> ImportSummary:
    """Add the sheet's organizations and opportunities to the event, or nothing on any error.

    ``standing`` is the uploader's: which directory entries the sheet may reuse. Each
    contact of the sheet is invited as the invite page does it (``invite_contact``),
    with links to ``site_url`` (by default MATCHFAIR_SITE_URL); every address was
    checked before the first row is written.
    """
    organizations, opportunities, contacts = parse_rows(event, table, mapping)
    participation_position = (
        Participation.objects.filter(event=event).aggregate(Max("position"))["position__max"] or 0
    ) + 1
    opportunity_position = (
        Opportunity.objects.filter(event=event).aggregate(Max("position"))["position__max"] or 0
    ) + 1
    by_code = add_organizations(event, organizations, participation_position, standing=standing)
    add_opportunities(event, opportunities, by_code, opportunity_position)
    for contact in contacts:
        invite_contact(
            participation=by_code[contact.code],
            by=standing,
            contact_name=contact.name,
            email=contact.email,
            site_url=site_url or settings.MATCHFAIR_SITE_URL,
        )
    return ImportSummary(
        organizations=len(organizations),
        opportunities=len(opportunities),
        invitations=len(contacts),
    )
