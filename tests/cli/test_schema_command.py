import json

import jsonschema
import pytest
from typer.testing import CliRunner

from matchfair.cli.main import app
from matchfair.core import parse_event


@pytest.mark.parametrize(
    ("document", "key"),
    [("event", "format"), ("schedule", "format"), ("recommendations", "format"), ("rates", "base")],
)
def test_schema_prints_a_json_schema_that_rejects_unknown_keys(document: str, key: str):
    result = CliRunner().invoke(app, ["schema", document])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["additionalProperties"] is False
    assert key in schema["properties"]


def test_event_schema_validates_the_spec_example(examples):
    schema = json.loads(CliRunner().invoke(app, ["schema", "event"]).output)
    data = json.loads((examples / "event.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    parse_event(data)


def test_unknown_document_kind_is_a_usage_error():
    result = CliRunner().invoke(app, ["schema", "agenda"])
    assert result.exit_code == 2
