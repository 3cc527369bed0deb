"""The repository's copy of the format specification must not drift from the contract."""

from pathlib import Path

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]


def test_docs_formats_starts_with_the_shared_specification_verbatim():
    contract = (SHARED / "spec" / "formats.md").read_text(encoding="utf-8")
    documented = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert documented.startswith(contract)
    assert "## Additions made by Matchfair" in documented[len(contract) :]
