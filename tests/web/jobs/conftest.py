"""Each test of the worker gets a MATCHFAIR_HOME of its own: a copy of one migrated database."""

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.web.jobs.processes import ROOT, environment

MIGRATE = "from matchfair.web.boot import start_django; start_django(keep_secret_key=True)"


@pytest.fixture(scope="session")
def migrated_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A MATCHFAIR_HOME whose database is migrated and has a secret key (made once)."""
    home = tmp_path_factory.mktemp("migrated-home")
    command = [sys.executable, "-c", MIGRATE]
    subprocess.run(command, env=environment(home), cwd=ROOT, check=True, timeout=300)
    return home


@pytest.fixture
def home(migrated_home: Path, tmp_path: Path) -> Path:
    """A fresh copy of the migrated home, for one test."""
    copy = tmp_path / "home"
    shutil.copytree(migrated_home, copy)
    return copy
