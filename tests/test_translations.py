"""Every gettext catalog is complete, well-formed and compiled: no language falls back to English."""

import shutil
import subprocess
from pathlib import Path

import pytest

import matchfair

CATALOGS = sorted(Path(matchfair.__file__).parent.rglob("LC_MESSAGES/*.po"))


def _msgfmt(*arguments: str) -> subprocess.CompletedProcess[bytes]:
    executable = shutil.which("msgfmt")
    if executable is None:
        pytest.fail("msgfmt (Debian package gettext) is needed to check the catalogs")
    return subprocess.run([executable, *arguments], capture_output=True, check=False)


@pytest.mark.parametrize(
    "catalog", CATALOGS, ids=lambda path: str(path.relative_to(path.parents[3]))
)
def test_catalog_has_no_untranslated_or_fuzzy_message(catalog: Path):
    result = _msgfmt("--check", "--statistics", "-o", "/dev/null", str(catalog))
    report = result.stderr.decode()
    assert result.returncode == 0, report
    assert "untranslated" not in report, report
    assert "fuzzy" not in report, report


@pytest.mark.parametrize(
    "catalog", CATALOGS, ids=lambda path: str(path.relative_to(path.parents[3]))
)
def test_committed_mo_file_is_compiled_from_its_catalog(catalog: Path):
    compiled = catalog.with_suffix(".mo")
    assert compiled.exists(), f"{compiled} is missing: run msgfmt -o {compiled} {catalog}"
    fresh = _msgfmt("-o", "-", str(catalog)).stdout
    assert compiled.read_bytes() == fresh, f"{compiled} is stale: recompile it with msgfmt"
