"""``matchfair recommend`` and ``matchfair search`` from the command line."""

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from matchfair.cli.main import app
from matchfair.core import read_recommendations

from .conftest import event_data


@pytest.fixture
def event_file(tmp_path: Path) -> Path:
    path = tmp_path / "event.json"
    path.write_text(json.dumps(event_data(), ensure_ascii=False), encoding="utf-8")
    return path


def _run(*arguments: str | Path):
    return CliRunner().invoke(app, [str(argument) for argument in arguments])


def test_recommend_writes_a_valid_recommendations_file(event_file: Path, tmp_path: Path):
    output = tmp_path / "recs.json"
    result = _run(
        "recommend",
        event_file,
        "-o",
        output,
        "--top",
        "3",
        "--encoder",
        "fake",
        "--cache-dir",
        tmp_path / "cache",
    )
    assert result.exit_code == 0, result.output
    recommendations = read_recommendations(output)
    count = sum(len(partners) for partners in recommendations.recommendations.values())
    organizations = len(recommendations.recommendations)
    assert f"{count} recommendations for {organizations} organizations written to" in (
        result.output
    )
    assert recommendations.event == "fixture"
    assert all(len(partners) == 3 for partners in recommendations.recommendations.values())
    assert (tmp_path / "cache" / "fake-64").is_dir()


def test_recommend_with_no_cache_leaves_no_cache_behind(event_file: Path, tmp_path: Path):
    output = tmp_path / "recs.json"
    result = _run(
        "recommend",
        event_file,
        "-o",
        output,
        "--encoder",
        "fake",
        "--no-cache",
        "--cache-dir",
        tmp_path / "cache",
    )
    assert result.exit_code == 0, result.output
    assert not (tmp_path / "cache").exists()


def test_a_bad_event_file_fails_clearly_and_writes_nothing(tmp_path: Path):
    data = event_data()
    data["opportunities"][0]["kind"] = "gift"
    data["organizations"][1]["country"] = "XX"
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(data), encoding="utf-8")
    output = tmp_path / "recs.json"
    result = _run("recommend", bad, "-o", output, "--encoder", "fake", "--no-cache")
    assert result.exit_code == 2
    assert "opportunities[0].kind" in result.output
    assert "organizations[1].country" in result.output
    assert "Traceback" not in result.output
    assert not output.exists()


def test_a_missing_event_file_fails_clearly(tmp_path: Path):
    result = _run("recommend", tmp_path / "none.json", "-o", tmp_path / "recs.json")
    assert result.exit_code == 2
    assert "none.json" in result.output
    assert "Traceback" not in result.output


def test_an_unknown_encoder_is_a_user_error(event_file: Path, tmp_path: Path):
    output = tmp_path / "recs.json"
    result = _run("recommend", event_file, "-o", output, "--encoder", "word2vec", "--no-cache")
    assert result.exit_code == 2
    assert "unknown encoder 'word2vec'" in result.output
    assert not output.exists()


def test_search_prints_json_hits_with_languages(event_file: Path, tmp_path: Path):
    result = _run(
        "search",
        event_file,
        "Sistemas de riego por goteo",
        "--encoder",
        "fake",
        "--json",
        "--no-cache",
        "--top",
        "2",
    )
    assert result.exit_code == 0, result.output
    found = json.loads(result.output)
    assert found["query_language"] == "es"
    assert found["opportunities"][0]["id"] == "riegos-sur-1"
    assert found["opportunities"][0]["language"] == "es"
    assert found["organizations"][0]["id"] == "riegos-sur"
    assert len(found["opportunities"]) == 2


def test_search_prints_tables(event_file: Path):
    result = _run("search", event_file, "riego por goteo", "--encoder", "fake", "--no-cache")
    assert result.exit_code == 0, result.output
    assert "riegos-sur-1" in result.output
    assert "Organizations" in result.output


def test_an_empty_query_is_refused(event_file: Path):
    result = _run("search", event_file, "  ")
    assert result.exit_code == 2
    assert "the query is empty" in result.output


def test_recommend_names_an_output_that_is_a_folder(event_file: Path, tmp_path: Path):
    result = _run("recommend", event_file, "-o", tmp_path, "--encoder", "fake", "--no-cache")
    assert result.exit_code == 2
    assert f"{tmp_path}: Is a directory" in result.output
