"""``matchfair import`` and ``matchfair export``: ids printed, files round-tripped, errors exit 2."""

import json
import re

import pytest
from typer.testing import CliRunner

from matchfair.cli.main import app
from tests.web.documents import full_event_data

pytestmark = pytest.mark.django_db

runner = CliRunner()


def _number(output: str) -> int:
    """The database number ``matchfair import`` printed in its first line."""
    from matchfair.web.events.models import Event

    return Event.objects.get(code=_slug(output)).pk


def _slug(output: str) -> str:
    return re.search(r"Imported event (\S+) \(", output).group(1)


def test_import_then_export_then_import_writes_the_same_file_under_a_free_slug(tmp_path):
    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")

    imported = runner.invoke(app, ["import", str(source)])
    assert imported.exit_code == 0, imported.output
    assert _slug(imported.stdout) == "nordic-2024"
    first_export = tmp_path / "first.json"
    assert runner.invoke(app, ["export", "nordic-2024", "-o", str(first_export)]).exit_code == 0

    reimported = runner.invoke(app, ["import", str(first_export)])
    assert _slug(reimported.stdout) == "nordic-2024-2"
    second_export = tmp_path / "second.json"
    exported = runner.invoke(app, ["export", "nordic-2024-2", "-o", str(second_export)])
    assert exported.exit_code == 0, exported.output

    first = json.loads(first_export.read_text(encoding="utf-8"))
    second = json.loads(second_export.read_text(encoding="utf-8"))
    assert second["event"].pop("id") == "nordic-2024-2"
    first["event"].pop("id")
    assert second == first


def test_export_still_takes_the_database_number(tmp_path):
    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")
    number = _number(runner.invoke(app, ["import", str(source)]).stdout)

    result = runner.invoke(app, ["export", str(number), "-o", str(tmp_path / "out.json")])

    assert result.exit_code == 0, result.output
    assert json.loads((tmp_path / "out.json").read_text())["event"]["id"] == "nordic-2024"


def test_import_says_what_it_created_and_where_to_open_it(tmp_path, settings):
    settings.MATCHFAIR_SITE_URL = "https://fair.example.org"
    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")

    result = runner.invoke(app, ["import", str(source)])

    number = _number(result.stdout)
    assert (
        f"Imported event nordic-2024 (number {number}): Chengdu-Europe Industrial Dialogue"
        in result.stdout
    )
    assert "3 organizations, 2 opportunities, 2 meeting requests, 1 meeting" in result.stdout
    assert f"Open it at https://fair.example.org/events/{number}/" in result.stdout
    assert "It has no organizer yet" in result.stdout
    assert "matchfair export nordic-2024" in result.stdout


def test_import_makes_the_named_user_its_organizer(tmp_path):
    from matchfair.web.events.models import Event
    from tests.web.factories import make_user

    alice = make_user("alice")
    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")

    result = runner.invoke(app, ["import", str(source), "--organizer", "alice"])

    assert result.exit_code == 0, result.output
    assert list(Event.objects.get(code="nordic-2024").organizers.all()) == [alice]
    assert "Organizers: alice" in result.stdout


def test_an_unknown_organizer_is_a_user_error_and_nothing_is_imported(tmp_path):
    from matchfair.web.events.models import Event

    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")

    result = runner.invoke(app, ["import", str(source), "--organizer", "nobody"])

    assert result.exit_code == 2
    assert "there is no user nobody" in result.stderr
    assert "Traceback" not in result.output
    assert Event.objects.count() == 0


def test_a_bad_event_file_is_reported_by_json_path_and_nothing_is_stored(tmp_path):
    from matchfair.web.events.models import Event

    data = full_event_data()
    data["organizations"][0]["country"] = "XX"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data), encoding="utf-8")

    result = runner.invoke(app, ["import", str(source)])

    assert result.exit_code == 2
    assert "organizations[0].country" in result.stderr
    assert Event.objects.count() == 0


def test_exporting_an_unknown_event_is_a_user_error(tmp_path):
    result = runner.invoke(app, ["export", "4242", "-o", str(tmp_path / "out.json")])
    assert result.exit_code == 2
    assert "no event with id 4242" in result.stderr
    assert not (tmp_path / "out.json").exists()


def test_exporting_an_event_with_a_bad_stored_value_names_it_without_a_traceback(tmp_path):
    from matchfair.web.directory.models import Participation

    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")
    event_id = _number(runner.invoke(app, ["import", str(source)]).stdout)
    Participation.objects.filter(event_id=event_id, code="tegnology").update(languages=["dk"])

    result = runner.invoke(app, ["export", str(event_id), "-o", str(tmp_path / "out.json")])

    assert result.exit_code == 2
    assert "TEGnology: languages: 'dk' is not an ISO 639-1 code" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.json").exists()
