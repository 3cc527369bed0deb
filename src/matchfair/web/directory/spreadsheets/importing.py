"""Checking mapped rows as organizations and opportunities, every problem at once.

Every row is checked with the same rules as the event file (``core`` models), and
every problem is collected with its row number and field before anything is
written, so one import either adds the whole sheet or changes nothing. Storing the
checked rows is conversion into the database: ``exchange.spreadsheets.import_rows``.
"""

import re
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from django.utils.text import slugify
from django.utils.translation import gettext as _
from pydantic import ValidationError

from matchfair import core
from matchfair.web.directory.availability import window_errors
from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.spreadsheets.contacts import (
    Contact,
    ContactProblem,
    row_contacts,
    sheet_problems,
)
from matchfair.web.directory.spreadsheets.mapping import FIELDS, Mapping
from matchfair.web.directory.spreadsheets.reading import Table
from matchfair.web.directory.spreadsheets.windows import parse_windows
from matchfair.web.events.models import Event

LIST_SEPARATOR = re.compile(r"\s*[;,，、]\s*")
LABELS = {field.key: field.label for field in FIELDS}


@dataclass(frozen=True)
class RowIssue:
    row: int
    field: str
    message: str

    def __str__(self) -> str:
        return _("row %(row)d, %(field)s: %(message)s") % {
            "row": self.row,
            "field": self.field,
            "message": self.message,
        }


class SpreadsheetImportError(ValueError):
    """Rows that cannot be imported; ``issues`` lists every one of them."""

    def __init__(self, issues: list[RowIssue]) -> None:
        self.issues = issues
        super().__init__("\n".join(str(issue) for issue in issues))


def _split(text: str) -> list[str]:
    return [part for part in LIST_SEPARATOR.split(text) if part]


def _value(cells: list[str], mapping: Mapping, key: str) -> str:
    index = mapping.get(key)
    return cells[index].strip() if index is not None and index < len(cells) else ""


def _organization_data(
    cells: list[str], mapping: Mapping, code: str, windows: list[dict[str, str]] | None
) -> dict[str, object]:
    data: dict[str, object] = {"id": code, "name": _value(cells, mapping, "name")}
    if windows is not None:
        data["availability"] = windows
    for key in ("country", "kind", "attendance", "group", "description"):
        if text := _value(cells, mapping, key):
            data[key] = text.lower() if key in ("kind", "attendance") else text
    for key in ("nace", "sectors", "languages"):
        if text := _value(cells, mapping, key):
            data[key] = _split(text)
    if text := _value(cells, mapping, "delegates"):
        data["delegates"] = text
    return data


def _opportunity_data(
    cells: list[str], mapping: Mapping, organization: str, code: str
) -> dict[str, object]:
    data: dict[str, object] = {
        "id": code,
        "organization": organization,
        "title": _value(cells, mapping, "opportunity_title"),
        "kind": _value(cells, mapping, "opportunity_kind").lower() or "offer",
        "type": _value(cells, mapping, "opportunity_type").lower() or "other",
    }
    if text := _value(cells, mapping, "opportunity_description"):
        data["description"] = text
    if text := _value(cells, mapping, "opportunity_nace"):
        data["nace"] = _split(text)
    if text := _value(cells, mapping, "opportunity_sectors"):
        data["sectors"] = _split(text)
    return data


def _issues(row: int, error: ValidationError, prefix: str = "") -> list[RowIssue]:
    issues = []
    for detail in error.errors(include_url=False):
        key = prefix + str(detail["loc"][0]) if detail["loc"] else prefix.rstrip("_")
        issues.append(RowIssue(row, str(LABELS.get(key, key)), detail["msg"]))
    return issues


def _contact_issue(problem: ContactProblem) -> RowIssue:
    return RowIssue(problem.row, str(LABELS[problem.field]), problem.message)


class _Codes:
    """Ids for rows that have none: from the name, unique in the event and the sheet."""

    def __init__(self, taken: set[str]) -> None:
        self.taken = set(taken)

    def new(self, text: str, fallback: str) -> str:
        base = slugify(text, allow_unicode=True)[:180] or fallback
        code, number = base, 2
        while code in self.taken:
            code, number = f"{base}-{number}", number + 1
        self.taken.add(code)
        return code


def parse_rows(
    event: Event, table: Table, mapping: Mapping
) -> tuple[list[core.Organization], list[core.Opportunity], list[Contact]]:
    """Validate every row; raise SpreadsheetImportError listing all problems found.

    Besides the organizations and opportunities, the contacts to invite
    (``spreadsheets.contacts``), each with its organization's code.
    """
    if "name" not in mapping:
        raise SpreadsheetImportError(
            [RowIssue(1, str(LABELS["name"]), _("choose the column with the names"))]
        )
    existing = set(Participation.objects.filter(event=event).values_list("code", flat=True))
    zone = ZoneInfo(event.timezone)
    codes = _Codes(existing)
    opportunity_codes = _Codes(
        set(Opportunity.objects.filter(event=event).values_list("code", flat=True))
    )
    issues: list[RowIssue] = []
    organizations: dict[str, core.Organization] = {}
    first_row: dict[str, int] = {}
    by_name: dict[str, str] = {}
    opportunities: list[core.Opportunity] = []
    contacts: dict[tuple[str, str], Contact] = {}
    for row, cells in table.rows:
        given_id = _value(cells, mapping, "id")
        name = _value(cells, mapping, "name")
        if given_id and given_id in existing:
            issues.append(
                RowIssue(
                    row, str(LABELS["id"]), _("“%(id)s” is in the event already") % {"id": given_id}
                )
            )
            continue
        code = given_id or by_name.get(name.casefold()) or codes.new(name, "organization")
        if given_id:
            codes.taken.add(given_id)
        try:
            windows = parse_windows(_value(cells, mapping, "availability"), zone)
        except ValueError as error:
            issues.append(RowIssue(row, str(LABELS["availability"]), str(error)))
            continue
        try:
            organization = core.Organization.model_validate(
                _organization_data(cells, mapping, code, windows)
            )
        except ValidationError as error:
            issues.extend(_issues(row, error))
            continue
        issues.extend(
            RowIssue(row, str(LABELS["availability"]), message)
            for message in window_errors(event=event, availability=windows)
        )
        if code in organizations:
            if organizations[code] != organization:
                issues.append(
                    RowIssue(
                        row,
                        str(LABELS["name"]),
                        _("describes %(name)s differently from row %(first)d")
                        % {"name": organization.name, "first": first_row[code]},
                    )
                )
                continue
        else:
            organizations[code] = organization
            first_row[code] = row
            by_name.setdefault(name.casefold(), code)
        found, problems = row_contacts(
            row=row, cells=cells, mapping=mapping, headers=table.headers, code=code
        )
        issues.extend(_contact_issue(problem) for problem in problems)
        for contact in found:
            contacts.setdefault((code, contact.email.casefold()), contact)
        title = _value(cells, mapping, "opportunity_title")
        if not title:
            continue
        opportunity_id = _value(cells, mapping, "opportunity_id")
        if opportunity_id and opportunity_id in opportunity_codes.taken:
            issues.append(
                RowIssue(
                    row,
                    str(LABELS["opportunity_id"]),
                    _("“%(id)s” is used already") % {"id": opportunity_id},
                )
            )
            continue
        if opportunity_id:
            opportunity_codes.taken.add(opportunity_id)
        else:
            opportunity_id = opportunity_codes.new(title, "opportunity")
        opportunity = _opportunity_data(cells, mapping, code, opportunity_id)
        try:
            opportunities.append(core.Opportunity.model_validate(opportunity))
        except ValidationError as error:
            issues.extend(_issues(row, error, prefix="opportunity_"))
    names = {code: organization.name for code, organization in organizations.items()}
    issues.extend(
        _contact_issue(problem) for problem in sheet_problems(list(contacts.values()), names)
    )
    if issues:
        raise SpreadsheetImportError(sorted(issues, key=lambda issue: issue.row))
    return list(organizations.values()), opportunities, list(contacts.values())
