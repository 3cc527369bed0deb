"""``matchfair report``: JSON, HTML and PDF from an event file; user mistakes exit 2 and write nothing."""

import json
from pathlib import Path

import pytest
from pypdf import PdfReader
from typer.testing import CliRunner

from matchfair.cli.main import app
from matchfair.core import read_event
from tests.outcomes.conftest import FIXTURE


def _run(*arguments: str):
    return CliRunner().invoke(app, ["report", *arguments])


def test_json_report_prints_the_figures():
    result = _run(str(FIXTURE))
    assert result.exit_code == 0, result.output
    document = json.loads(result.output)
    assert document["meetings_held"] == 3
    assert document["investment_by_currency"] == {"CNY": "21751500000.5", "EUR": "2000000"}


def test_rates_add_the_converted_total(tmp_path: Path):
    rates = tmp_path / "rates.json"
    rates.write_text(json.dumps({"base": "EUR", "rates": {"CNY": "0.125"}}))
    result = _run(str(FIXTURE), "--rates", str(rates))
    assert result.exit_code == 0, result.output
    # 21,751,500,000.50 x 0.125 + 2,000,000
    assert json.loads(result.output)["investment_total"]["amount"] == "2720937500.0625"


def test_a_missing_rate_is_a_user_error_naming_the_file(tmp_path: Path):
    rates = tmp_path / "rates.json"
    rates.write_text(json.dumps({"base": "USD", "rates": {"EUR": "1.1"}}))
    output = tmp_path / "report.json"
    result = _run(str(FIXTURE), "--rates", str(rates), "-o", str(output))
    assert result.exit_code == 2
    assert f"{rates}: the exchange-rate table has no rate to USD for CNY" in result.output
    assert not output.exists()


def test_html_report_is_written_to_the_output_file(tmp_path: Path):
    output = tmp_path / "report.html"
    result = _run(str(FIXTURE), "--format", "html", "--lang", "fr", "-o", str(output))
    assert result.exit_code == 0, result.output
    html = output.read_text(encoding="utf-8")
    assert '<html lang="fr">' in html
    assert "6 organisations ont participé" in html
    assert [path.name for path in tmp_path.iterdir()] == ["report.html"]


def test_pdf_report(tmp_path: Path):
    output = tmp_path / "report.pdf"
    result = _run(str(FIXTURE), "-f", "pdf", "-l", "de", "-o", str(output))
    assert result.exit_code == 0, result.output
    text = "".join(page.extract_text() for page in PdfReader(output).pages)
    assert "3 Kooperationsvereinbarungen wurden geschlossen" in text


def test_an_output_folder_that_does_not_exist_is_named(tmp_path: Path):
    output = tmp_path / "missing" / "report.html"
    result = _run(str(FIXTURE), "-f", "html", "-o", str(output))
    assert result.exit_code == 2
    assert f"{output}: No such file or directory" in result.output


def test_pdf_needs_an_output_file():
    result = _run(str(FIXTURE), "--format", "pdf")
    assert result.exit_code == 2
    assert "a PDF report needs an output file" in result.output


def test_a_broken_event_file_names_the_path_and_writes_nothing(tmp_path: Path):
    broken = tmp_path / "event.json"
    data = json.loads(FIXTURE.read_text(encoding="utf-8"))
    data["outcomes"]["agreements"][0]["value"]["currency"] = "RMB"
    broken.write_text(json.dumps(data), encoding="utf-8")
    output = tmp_path / "report.html"
    result = _run(str(broken), "-f", "html", "-o", str(output))
    assert result.exit_code == 2
    assert (
        f"{broken}: outcomes.agreements[0].value.currency: 'RMB' is not an ISO 4217 code"
        in result.output
    )
    assert not output.exists()


def test_an_unknown_language_is_a_usage_error():
    result = _run(str(FIXTURE), "--lang", "es")
    assert result.exit_code == 2


@pytest.mark.django_db
def test_an_event_in_the_database_reports_the_same_figures_as_its_file():
    from matchfair.web.exchange.to_database import import_event

    stored = import_event(read_event(FIXTURE))
    from_database = _run(str(stored.pk))
    from_file = _run(str(FIXTURE))
    assert from_database.exit_code == 0, from_database.output
    assert json.loads(from_database.output) == json.loads(from_file.output)


@pytest.mark.django_db
def test_an_unknown_event_id_is_a_user_error():
    result = _run("4242")
    assert result.exit_code == 2
    assert "no event with id 4242" in result.output


@pytest.mark.django_db
def test_an_event_in_the_database_is_named_by_its_slug():
    from matchfair.web.exchange.to_database import import_event

    stored = import_event(read_event(FIXTURE))
    by_slug = _run(stored.code)
    assert by_slug.exit_code == 0, by_slug.output
    assert json.loads(by_slug.output) == json.loads(_run(str(stored.pk)).output)


@pytest.mark.django_db
def test_an_unknown_slug_is_a_user_error_and_a_missing_file_stays_a_file_error():
    unknown = _run("no-such-event")
    assert unknown.exit_code == 2
    assert "no event with id no-such-event" in unknown.output
    missing = _run("missing.json")
    assert missing.exit_code == 2
    assert "no event with id" not in missing.output
