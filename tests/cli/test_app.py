"""matchfair.cli.app: a user's mistake becomes a counted message and exit status 2."""

import json
from pathlib import Path

from typer.testing import CliRunner

from matchfair.cli.main import app
from tests.conftest import EXAMPLES

runner = CliRunner()


def _event_with_bad_languages(tmp_path: Path, how_many: int) -> Path:
    event = json.loads((EXAMPLES / "event.json").read_text())
    for organization in event["organizations"][:how_many]:
        organization["languages"] = ["xx"]
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    return path


def test_one_problem_in_an_event_file_is_counted_in_the_singular(tmp_path: Path) -> None:
    path = _event_with_bad_languages(tmp_path, 1)
    result = runner.invoke(app, ["schedule", str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert "1 problem found; nothing was written." in result.output
    assert not (tmp_path / "out.json").exists()


def test_two_problems_in_an_event_file_are_counted_in_the_plural(tmp_path: Path) -> None:
    path = _event_with_bad_languages(tmp_path, 2)
    result = runner.invoke(app, ["schedule", str(path), "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert "2 problems found; nothing was written." in result.output
