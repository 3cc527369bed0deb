"""The ``schedule`` and ``check`` commands, including every way a user can get them wrong."""

import json
from pathlib import Path

from typer.testing import CliRunner

from matchfair.cli.main import app
from tests.conftest import EXAMPLES

EVENT = EXAMPLES / "event.json"
runner = CliRunner()


def _schedule(tmp_path: Path, *extra: str) -> tuple[int, str, Path]:
    output = tmp_path / "schedule.json"
    result = runner.invoke(
        app, ["schedule", str(EVENT), "-o", str(output), "--time-limit", "10", *extra]
    )
    return result.exit_code, result.output, output


def test_schedule_writes_a_valid_schedule_and_a_summary(tmp_path: Path) -> None:
    code, output, path = _schedule(tmp_path)
    assert code == 0, output
    assert "meetings scheduled: 4 of 4" in output
    assert "upper bound on weight with as many mandatory meetings: 7" in output
    check = runner.invoke(app, ["check", str(EVENT), str(path)])
    assert check.exit_code == 0, check.output
    assert "valid" in check.output


def test_schedule_keep_and_min_meetings(tmp_path: Path) -> None:
    code, output, published = _schedule(tmp_path)
    assert code == 0, output
    again = tmp_path / "again.json"
    result = runner.invoke(
        app,
        ["schedule", str(EVENT), "-o", str(again), "--keep", str(published), "--min-meetings", "2"],
    )
    assert result.exit_code == 0, result.output
    first = json.loads(published.read_text())["meetings"]
    second = json.loads(again.read_text())["meetings"]
    assert [(m["a"], m["b"], m["start"]) for m in first] == [
        (m["a"], m["b"], m["start"]) for m in second
    ]
    assert "below the target" not in result.output  # the two targeted organizations get 2


def test_check_lists_every_violation_and_exits_1(tmp_path: Path) -> None:
    schedule = json.loads((EXAMPLES / "schedule.json").read_text())
    schedule["meetings"][0]["online"] = True
    schedule["meetings"].append(dict(schedule["meetings"][0], a="konfidence", b="huati"))
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(schedule))
    result = runner.invoke(app, ["check", str(EVENT), str(path)])
    assert result.exit_code == 1
    assert "rule 1" in result.output
    assert "rule 5" in result.output
    assert "invalid: " in result.output


def test_missing_event_file_is_a_message_not_a_traceback(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["schedule", str(tmp_path / "none.json"), "-o", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "none.json" in result.output


def test_malformed_event_reports_the_json_path(tmp_path: Path) -> None:
    event = json.loads(EVENT.read_text())
    event["organizations"][0]["country"] = "XX"
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event))
    code, output, written = _schedule_with(path, tmp_path)
    assert code == 2
    assert "organizations[0].country" in output
    assert not written.exists()


def _schedule_with(event: Path, tmp_path: Path) -> tuple[int, str, Path]:
    output = tmp_path / "schedule.json"
    result = runner.invoke(app, ["schedule", str(event), "-o", str(output)])
    return result.exit_code, result.output, output


def test_not_json_at_all(tmp_path: Path) -> None:
    path = tmp_path / "event.json"
    path.write_text("{not json")
    code, output, _ = _schedule_with(path, tmp_path)
    assert code == 2
    assert "Traceback" not in output


def test_bad_options_are_refused(tmp_path: Path) -> None:
    for options in (["--time-limit", "0"], ["--min-meetings", "-1"], ["--seed", "-3"]):
        code, output, path = _schedule(tmp_path, *options)
        assert code == 2, (options, output)
        assert "error:" in output
        assert not path.exists()


def test_keep_of_another_event_is_refused(tmp_path: Path) -> None:
    schedule = json.loads((EXAMPLES / "schedule.json").read_text())
    schedule["event"] = "another-event"
    path = tmp_path / "published.json"
    path.write_text(json.dumps(schedule))
    code, output, _ = _schedule(tmp_path, "--keep", str(path))
    assert code == 2
    assert "another-event" in output


def test_keep_file_missing(tmp_path: Path) -> None:
    code, output, _ = _schedule(tmp_path, "--keep", str(tmp_path / "missing.json"))
    assert code == 2
    assert "missing.json" in output


def test_check_with_a_malformed_schedule(tmp_path: Path) -> None:
    path = tmp_path / "schedule.json"
    path.write_text(json.dumps({"format": "matchfair-schedule/1", "event": "x", "meetingz": []}))
    result = runner.invoke(app, ["check", str(EVENT), str(path)])
    assert result.exit_code == 2
    assert "meetingz" in result.output


def test_an_output_folder_that_does_not_exist_is_named(tmp_path: Path) -> None:
    folder = tmp_path / "no" / "such" / "dir"
    result = runner.invoke(app, ["schedule", str(EVENT), "-o", str(folder / "s.json")])
    assert result.exit_code == 2
    assert f"error: {folder}: No such file or directory" in result.output
    assert "Traceback" not in result.output


def test_an_output_that_is_a_folder_is_named_not_a_temporary_file(tmp_path: Path) -> None:
    result = runner.invoke(app, ["schedule", str(EVENT), "-o", str(tmp_path)])
    assert result.exit_code == 2
    assert f"error: {tmp_path}: Is a directory" in result.output
    assert list(tmp_path.parent.glob(f".{tmp_path.name}.*")) == []
