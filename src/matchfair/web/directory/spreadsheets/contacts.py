"""The contact person and e-mail columns of a spreadsheet: who gets an account invitation.

An imported organization without a contact has nobody to answer its meeting requests,
so the columns are read, not dropped: each address becomes the organization's
delegate through the organizer's invitation (``directory.domain.invitations``). Every
address is checked before anything is written, with its row and column named: a
malformed one, one the sheet gives two organizations, one whose account is a
delegate of another organization already (a person speaks for one organization).
"""

import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db.models import Q
from django.utils.translation import gettext as _

from matchfair.web.directory.models import Delegate
from matchfair.web.directory.spreadsheets.mapping import Mapping
from matchfair.web.security.one_line import validate_one_line

BATCH = 1000
ADDRESS_SEPARATOR = re.compile(r"\s*[;,，；\s]\s*")
NAME_SEPARATOR = re.compile(r"\s*[;；\n]\s*")


@dataclass(frozen=True)
class Contact:
    """A person to invite for the organization ``code`` of the sheet, from row ``row``."""

    code: str
    name: str
    email: str
    row: int


@dataclass(frozen=True)
class ContactProblem:
    """A contact cell that cannot be imported: its row, the field's column and why."""

    row: int
    field: str
    message: str


def _cell(cells: list[str], mapping: Mapping, key: str) -> str:
    index = mapping.get(key)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _column(headers: list[str], mapping: Mapping, key: str) -> str:
    index = mapping.get(key)
    return headers[index] if index is not None and index < len(headers) else ""


def row_contacts(
    *, row: int, cells: list[str], mapping: Mapping, headers: list[str], code: str
) -> tuple[list[Contact], list[ContactProblem]]:
    """The row's contacts (several addresses may share a cell, names paired in order)."""
    names = [name for name in NAME_SEPARATOR.split(_cell(cells, mapping, "contact_name")) if name]
    addresses = [
        text for text in ADDRESS_SEPARATOR.split(_cell(cells, mapping, "contact_email")) if text
    ]
    column = _column(headers, mapping, "contact_email")
    if names and not addresses:
        return [], [
            ContactProblem(
                row,
                "contact_email",
                _(
                    "%(name)s has no e-mail address: add it in column “%(column)s”, or leave "
                    "the contact person out"
                )
                % {"name": names[0], "column": column or _("Contact e-mail")},
            )
        ]
    contacts, problems = [], []
    for index, address in enumerate(addresses):
        name = names[index] if index < len(names) else ""
        try:
            validate_email(address)
            validate_one_line(name)
        except ValidationError:
            problems.append(
                ContactProblem(
                    row,
                    "contact_email",
                    _("“%(value)s” in column “%(column)s” is not an e-mail address")
                    % {"value": address, "column": column},
                )
            )
            continue
        contacts.append(Contact(code=code, name=name or address, email=address, row=row))
    return contacts, problems


def sheet_problems(contacts: list[Contact], names: dict[str, str]) -> list[ContactProblem]:
    """Addresses the sheet gives two organizations, or whose account speaks for another one.

    ``names``: each organization code of the sheet and its name, for the messages.
    """
    problems: list[ContactProblem] = []
    first: dict[str, Contact] = {}
    for contact in contacts:
        earlier = first.setdefault(contact.email.casefold(), contact)
        if earlier.code != contact.code:
            problems.append(
                ContactProblem(
                    contact.row,
                    "contact_email",
                    _("%(email)s is the contact of %(organization)s in row %(first)d already")
                    % {
                        "email": contact.email,
                        "organization": names[earlier.code],
                        "first": earlier.row,
                    },
                )
            )
    addresses = {contact.email.casefold(): contact for contact in first.values()}
    keys = sorted(addresses)
    written = sorted({contact.email for contact in first.values()})
    delegates = []
    for start in range(0, len(keys), BATCH):
        delegates.extend(
            Delegate.objects.filter(
                Q(user__username__in=keys[start : start + BATCH])
                | Q(user__email__in=written[start : start + BATCH])
            ).select_related("user", "organization")
        )
    reported: set[str] = set()
    for delegate in delegates:
        for address in (delegate.user.email.casefold(), delegate.user.get_username().casefold()):
            contact = addresses.get(address)
            if contact is None or address in reported:
                continue
            reported.add(address)
            problems.append(
                ContactProblem(
                    contact.row,
                    "contact_email",
                    _(
                        "%(email)s is a delegate of %(organization)s already: a person "
                        "speaks for one organization"
                    )
                    % {"email": contact.email, "organization": delegate.organization.name},
                )
            )
    return problems
