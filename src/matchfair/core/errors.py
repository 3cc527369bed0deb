"""Errors in a document, each tied to the JSON path of the value at fault."""

from dataclasses import dataclass


@dataclass(frozen=True)
class FormatIssue:
    """One thing wrong in a document: where (``organizations[3].country``) and what."""

    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.message}" if self.path else self.message


class FormatError(Exception):
    """A document that does not follow its format; carries every issue found, not the first."""

    def __init__(self, source: str, issues: list[FormatIssue]) -> None:
        self.source = source
        self.issues = issues
        super().__init__(str(self))

    def __str__(self) -> str:
        return "\n".join(f"{self.source}: {issue}" for issue in self.issues)


def json_path(location: tuple[str | int, ...]) -> str:
    """Write a location as a JSON path: ``("organizations", 3, "country")`` -> ``organizations[3].country``."""
    path = ""
    for part in location:
        if isinstance(part, int):
            path += f"[{part}]"
        else:
            path += f".{part}" if path else str(part)
    return path
