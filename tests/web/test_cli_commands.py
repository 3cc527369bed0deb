"""``matchfair import`` and ``matchfair export``: ids printed, files round-tripped, errors exit 2."""

import json

import pytest
from typer.testing import CliRunner

from matchfair.cli.main import app
from tests.web.documents import full_event_data

pytestmark = pytest.mark.django_db

runner = CliRunner()


def test_import_then_export_then_import_writes_the_same_file(tmp_path):
    source = tmp_path / "event.json"
    source.write_text(json.dumps(full_event_data(), ensure_ascii=False), encoding="utf-8")

    imported = runner.invoke(app, ["import", str(source)])
    assert imported.exit_code == 0, imported.output
    first_id = int(imported.stdout.strip())
    first_export = tmp_path / "first.json"
    assert runner.invoke(app, ["export", str(first_id), "-o", str(first_export)]).exit_code == 0

    reimported = runner.invoke(app, ["import", str(first_export)])
    second_id = int(reimported.stdout.strip())
    second_export = tmp_path / "second.json"
    assert runner.invoke(app, ["export", str(second_id), "-o", str(second_export)]).exit_code == 0

    assert second_id != first_id
    assert second_export.read_text(encoding="utf-8") == first_export.read_text(encoding="utf-8")


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
    event_id = int(runner.invoke(app, ["import", str(source)]).stdout.strip())
    Participation.objects.filter(event_id=event_id, code="tegnology").update(languages=["dk"])

    result = runner.invoke(app, ["export", str(event_id), "-o", str(tmp_path / "out.json")])

    assert result.exit_code == 2
    assert "TEGnology: languages: 'dk' is not an ISO 639-1 code" in result.stderr
    assert "Traceback" not in result.output
    assert not (tmp_path / "out.json").exists()
