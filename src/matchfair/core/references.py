"""Checks that span several lists of an event file: ids that repeat, ids that point nowhere.

They run on the decoded JSON rather than on the typed model so that they can report
together with the type errors of the same file: an organizer fixing an export wants
the whole list at once, not one error per run.
"""

from collections.abc import Iterator
from typing import Any

from matchfair.core.errors import FormatIssue
from matchfair.i18n import gettext as _


def _items(data: Any, *keys: str) -> list[tuple[int, dict[str, Any]]]:
    """The objects of the list at ``keys``, with their index; anything malformed is skipped."""
    node = data
    for key in keys:
        node = node.get(key) if isinstance(node, dict) else None
    if not isinstance(node, list):
        return []
    return [(index, item) for index, item in enumerate(node) if isinstance(item, dict)]


def _ids(items: list[tuple[int, dict[str, Any]]]) -> set[str]:
    return {item["id"] for _, item in items if isinstance(item.get("id"), str)}


def _duplicates(path: str, items: list[tuple[int, dict[str, Any]]]) -> Iterator[FormatIssue]:
    seen: dict[str, int] = {}
    for index, item in items:
        value = item.get("id")
        if not isinstance(value, str):
            continue
        if value in seen:
            yield FormatIssue(
                f"{path}[{index}].id",
                _("duplicate id '{id}' (first used at {path}[{first}])").format(
                    id=value, path=path, first=seen[value]
                ),
            )
        else:
            seen[value] = index


def _dangling(path: str, value: Any, known: set[str], what: str) -> Iterator[FormatIssue]:
    if isinstance(value, str) and value not in known:
        yield FormatIssue(path, _("'{id}' is not the id of any {what}").format(id=value, what=what))


def event_reference_issues(data: Any) -> list[FormatIssue]:
    """Every duplicate id and dangling reference in a decoded event file."""
    sessions = _items(data, "event", "sessions")
    organizations = _items(data, "organizations")
    opportunities = _items(data, "opportunities")
    interpreters = _items(data, "interpreters")
    agreements = _items(data, "outcomes", "agreements")
    projects = _items(data, "outcomes", "projects")
    session_ids, organization_ids = _ids(sessions), _ids(organizations)
    organization, session = _("organization"), _("session")

    issues: list[FormatIssue] = []
    for path, items in (
        ("event.sessions", sessions),
        ("organizations", organizations),
        ("opportunities", opportunities),
        ("interpreters", interpreters),
        ("outcomes.agreements", agreements),
        ("outcomes.projects", projects),
    ):
        issues.extend(_duplicates(path, items))

    for index, item in opportunities:
        issues.extend(
            _dangling(
                f"opportunities[{index}].organization",
                item.get("organization"),
                organization_ids,
                organization,
            )
        )
    for index, item in _items(data, "meeting_requests"):
        path = f"meeting_requests[{index}]"
        issues.extend(_dangling(f"{path}.from", item.get("from"), organization_ids, organization))
        issues.extend(_dangling(f"{path}.to", item.get("to"), organization_ids, organization))
        if isinstance(item.get("from"), str) and item.get("from") == item.get("to"):
            issues.append(
                FormatIssue(path, _("an organization cannot request a meeting with itself"))
            )
        restriction = item.get("sessions")
        if isinstance(restriction, list):
            for position, value in enumerate(restriction):
                issues.extend(
                    _dangling(f"{path}.sessions[{position}]", value, session_ids, session)
                )
    for index, item in _items(data, "meetings"):
        path = f"meetings[{index}]"
        for key in ("a", "b"):
            issues.extend(_dangling(f"{path}.{key}", item.get(key), organization_ids, organization))
        issues.extend(_dangling(f"{path}.session", item.get("session"), session_ids, session))
        issues.extend(
            _dangling(
                f"{path}.interpreter", item.get("interpreter"), _ids(interpreters), _("interpreter")
            )
        )
    for index, item in _items(data, "outcomes", "meetings"):
        path = f"outcomes.meetings[{index}]"
        for key in ("a", "b"):
            issues.extend(_dangling(f"{path}.{key}", item.get(key), organization_ids, organization))
        for position, feedback in _items(item, "feedback"):
            issues.extend(
                _dangling(
                    f"{path}.feedback[{position}].by",
                    feedback.get("by"),
                    organization_ids,
                    organization,
                )
            )
    for index, item in agreements:
        path = f"outcomes.agreements[{index}]"
        for key in ("parties", "confirmed_by"):
            values = item.get(key)
            if isinstance(values, list):
                for position, value in enumerate(values):
                    issues.extend(
                        _dangling(
                            f"{path}.{key}[{position}]", value, organization_ids, organization
                        )
                    )
        for position, meeting in _items(item, "meetings"):
            for key in ("a", "b"):
                issues.extend(
                    _dangling(
                        f"{path}.meetings[{position}].{key}",
                        meeting.get(key),
                        organization_ids,
                        organization,
                    )
                )
    for index, item in projects:
        path = f"outcomes.projects[{index}]"
        issues.extend(_dangling(f"{path}.host", item.get("host"), organization_ids, organization))
        for position, interest in _items(item, "interests"):
            issues.extend(
                _dangling(
                    f"{path}.interests[{position}].by",
                    interest.get("by"),
                    organization_ids,
                    organization,
                )
            )
    return issues
