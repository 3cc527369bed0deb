"""The repository's copy of the format specification must not drift from the contract."""

from pathlib import Path

from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parents[1]


def test_docs_formats_is_the_shared_specification():
    contract = (SHARED / "spec" / "formats.md").read_text(encoding="utf-8")
    assert (ROOT / "docs" / "formats.md").read_text(encoding="utf-8") == contract
