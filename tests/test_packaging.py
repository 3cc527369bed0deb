"""The wheel carries every file the package reads at run time, and the suite tests the wheel.

A wheel built from the repository once lacked the audit trail's and the lock-out page's
templates, because package data listed template folders one by one and CI only ever
installed in editable mode, where the source tree hides the omission. So ``./dev test``
installs the built wheel into a fresh virtual environment and runs the suite against it.
"""

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

import matchfair

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "src" / "matchfair"
# Python sources the wheel carries as modules, not data, and the engines' message template,
# which only xgettext writes and msgmerge reads. The .po catalogs are data: the suite checks
# the installed package's catalogs against its .mo files and its source.
NOT_DATA = {".py", ".pyc", ".pot"}


def _data_files() -> set[str]:
    return {
        path.relative_to(PACKAGE.parent).as_posix()
        for path in PACKAGE.rglob("*")
        if path.is_file() and path.suffix not in NOT_DATA and "__pycache__" not in path.parts
    }


def test_wheel_contains_every_template_static_file_and_catalog(tmp_path: Path):
    # A copy, because setuptools reuses a build/ folder left in the tree by an earlier build.
    source = tmp_path / "source"
    shutil.copytree(ROOT / "src", source / "src", ignore=shutil.ignore_patterns("*.egg-info"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    build = [sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation"]
    subprocess.run(
        [*build, "--wheel-dir", str(tmp_path), str(source)],
        check=True,
        capture_output=True,
    )
    (wheel,) = tmp_path.glob("matchfair-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = set(archive.namelist())
    missing = sorted(_data_files() - shipped)
    assert missing == []
    assert "matchfair/web/orga/templates/orga/audit/trail.html" in shipped
    assert "matchfair/web/security/templates/security/locked.html" in shipped


@pytest.mark.skipif(
    os.environ.get("MATCHFAIR_TEST_INSTALLED") != "1",
    reason="./dev test sets MATCHFAIR_TEST_INSTALLED=1 when it runs the suite on the wheel",
)
def test_the_suite_imports_the_installed_wheel_not_the_source_tree():
    imported = Path(matchfair.__file__).resolve()
    assert not imported.is_relative_to(PACKAGE.parent), imported
    assert imported.is_relative_to(Path(sysconfig.get_paths()["purelib"]).resolve()), imported
