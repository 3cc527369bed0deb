"""``matchfair schema``: the JSON Schema of each file format, for integrators and editors."""

import json
from enum import StrEnum

import typer

from matchfair.cli.app import app
from matchfair.core import json_schema


class DocumentKind(StrEnum):
    event = "event"
    schedule = "schedule"
    recommendations = "recommendations"
    rates = "rates"


@app.command()
def schema(document: DocumentKind) -> None:
    """Print the JSON Schema of the event, schedule, recommendations or exchange-rates file."""
    typer.echo(json.dumps(json_schema(document.value), ensure_ascii=False, indent=2))
