"""The event file carries every outcome record of the database: export -> import -> export is
identical, and a reference that points nowhere fails by JSON path with nothing stored."""

import json
import re
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from matchfair.cli.main import app
from matchfair.core import Event as CoreEvent
from matchfair.core import FormatError, dump_document, parse_event
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.events.models import Event, Series
from matchfair.web.exchange.from_database import export_event
from matchfair.web.exchange.outcomes import rate_table_for
from matchfair.web.exchange.to_database import import_event
from matchfair.web.meetings.models import Meeting
from matchfair.web.outcomes.domain.agreements import confirm_agreement, create_agreement
from matchfair.web.outcomes.domain.feedback import report_meeting
from matchfair.web.outcomes.domain.projects import create_project, express_interest
from matchfair.web.outcomes.domain.rates import set_rate_table
from matchfair.web.outcomes.models import (
    Agreement,
    AgreementSource,
    CooperationProject,
    ExchangeRateTable,
    FeedbackRecord,
)
from matchfair.web.outcomes.queries import agreement_history, waiting_parties
from tests.web.documents import SESSION_START, full_event_data
from tests.web.factories import make_user

pytestmark = pytest.mark.django_db

runner = CliRunner()


def event_data() -> dict[str, Any]:
    """The web tests' full event with every key that Matchfair 0.1 added to ``outcomes``."""
    data: dict[str, Any] = full_event_data()
    outcomes = data["outcomes"]
    outcomes["meetings"][0]["feedback"].append(
        {"by": "tsinghua-energy", "result": "agreement", "note": "by phone", "by_organizer": True}
    )
    outcomes["agreements"][0].update(
        status="signed",
        date="2025-03-02",
        history=[
            {"status": "intention", "date": "2024-11-18"},
            {"status": "signed", "date": "2025-03-02", "note": "signed online"},
        ],
        confirmed_by=["tsinghua-energy", "tegnology"],
        meetings=[{"a": "tegnology", "b": "tsinghua-energy", "start": SESSION_START}],
    )
    outcomes["rates"] = {"base": "CNY", "rates": {"EUR": 7.6213, "USD": 7.1}, "date": "2024-11-18"}
    outcomes["projects"] = [
        {
            "id": "tianfu-pv-park",
            "host": "tsinghua-energy",
            "title": "Tianfu PV demonstration park",
            "sector": "energy",
            "location": "Tianfu New Area",
            "planned_investment": {"amount": 21750000000.5, "currency": "CNY"},
            "contact": "invest@example.cn",
            "description": "光伏储能示范园区",
            "published": True,
            "interests": [{"by": "tegnology", "message": "We build modules."}, {"by": "smart-eye"}],
        },
        {
            "id": "draft",
            "host": "smart-eye",
            "title": "Eye-tracking test centre",
            "published": False,
        },
    ]
    return data


def _text(document: CoreEvent) -> str:
    return json.dumps(dump_document(document), ensure_ascii=False, indent=1)


def _without_slug(document: CoreEvent) -> str:
    """The exported text but its ``event.id``: a second import of one file gets a free slug."""
    data = dump_document(document)
    data["event"].pop("id")
    return json.dumps(data, ensure_ascii=False, indent=1)


def test_every_added_outcome_key_survives_export_import_export():
    data = event_data()
    first = export_event(import_event(parse_event(data)))
    assert dump_document(first)["outcomes"] == data["outcomes"]

    second = export_event(import_event(parse_event(json.loads(_text(first)))))

    assert _without_slug(second) == _without_slug(first)


def test_the_import_stores_what_the_outcome_pages_read():
    event = import_event(parse_event(event_data()))

    assert list(FeedbackRecord.objects.values_list("feedback__by__code", "by_organizer")) == [
        ("tsinghua-energy", True)
    ]
    agreement = Agreement.objects.get(event=event)
    assert [(s.status, s.date) for s in agreement_history(agreement)] == [
        ("intention", date(2024, 11, 18)),
        ("signed", date(2025, 3, 2)),
    ]
    assert waiting_parties(agreement) == []
    source = AgreementSource.objects.select_related("outcome__a").get(agreement=agreement)
    assert source.outcome.a.code == "tegnology"
    rates = rate_table_for(event)
    assert (rates.base, rates.rates) == ("CNY", {"EUR": Decimal("7.6213"), "USD": Decimal("7.1")})
    project = CooperationProject.objects.get(code="tianfu-pv-park")
    assert project.planned_investment == Decimal("21750000000.5")
    assert [i.participation.code for i in project.interests.order_by("id")] == [
        "tegnology",
        "smart-eye",
    ]


def test_records_made_on_the_site_export_and_come_back_the_same():
    document = parse_event(full_event_data())
    event = import_event(document.model_copy(update={"outcomes": None}))
    user = make_user("organizer")
    sides = {p.code: p for p in Participation.objects.filter(event=event)}
    meeting = Meeting.objects.get(event=event)
    outcome = report_meeting(
        meeting=meeting,
        side=sides["tsinghua-energy"],
        status="held",
        result="intention",
        by_organizer=True,
    )
    agreement = create_agreement(
        event=event,
        code="agr-1",
        parties=[sides["tegnology"], sides["tsinghua-energy"]],
        type="joint-research",
        title="Photovoltaic efficiency pilot",
        on=date(2024, 11, 18),
        sources=[outcome],
    )
    for code in ("tegnology", "tsinghua-energy"):
        confirm_agreement(agreement=agreement, party=sides[code], user=user, on=date(2024, 11, 20))
    set_rate_table(event=event, base="EUR", rates={"CNY": Decimal("0.13")})
    project = create_project(
        event=event,
        host=sides["tsinghua-energy"],
        title="Tianfu PV demonstration park",
        sector="energy",
        location="Tianfu New Area",
        contact="invest@example.cn",
        published=True,
    )
    express_interest(project=project, participation=sides["smart-eye"])

    first = export_event(event)
    exported = dump_document(first)["outcomes"]
    assert exported["meetings"][0]["feedback"][0]["by_organizer"] is True
    assert exported["agreements"][0]["confirmed_by"] == ["tegnology", "tsinghua-energy"]
    assert [step["status"] for step in exported["agreements"][0]["history"]] == [
        "intention",
        "signed",
    ]
    assert exported["projects"][0]["id"] == f"project-{project.pk}"
    second = export_event(import_event(parse_event(json.loads(_text(first)))))
    assert _without_slug(second) == _without_slug(first)


def test_the_event_exports_its_own_rate_table_and_never_its_series_table():
    series = Series.objects.create(name="Chengdu-Europe Industrial Dialogue")
    data = full_event_data()
    event = import_event(parse_event(data), series=series)
    set_rate_table(series=series, base="CNY", rates={"EUR": Decimal("7.5")})
    assert "rates" not in dump_document(export_event(event))["outcomes"]

    set_rate_table(event=event, base="EUR", rates={"CNY": Decimal("0.125")})
    assert dump_document(export_event(event))["outcomes"]["rates"] == {
        "base": "EUR",
        "rates": {"CNY": 0.125},
    }
    assert ExchangeRateTable.objects.filter(series=series).exists()


def test_an_event_without_the_added_records_exports_without_their_keys():
    exported = dump_document(export_event(import_event(parse_event(full_event_data()))))
    assert exported["outcomes"] == full_event_data()["outcomes"]


def test_the_commands_carry_every_added_key(tmp_path: Path):
    source = tmp_path / "event.json"
    source.write_text(json.dumps(event_data(), ensure_ascii=False), encoding="utf-8")
    exports = []
    for number in (1, 2):
        imported = runner.invoke(app, ["import", str(source)])
        assert imported.exit_code == 0, imported.output
        target = tmp_path / f"export-{number}.json"
        slug = re.search(r"Imported event (\S+) \(", imported.stdout).group(1)
        exported = runner.invoke(app, ["export", slug, "-o", str(target)])
        assert exported.exit_code == 0, exported.output
        exports.append(target.read_text(encoding="utf-8"))
        source = target

    assert json.loads(exports[0])["outcomes"] == event_data()["outcomes"]
    first, second = (json.loads(text) for text in exports)
    assert second["event"].pop("id") == "nordic-2024-2"  # the first import has nordic-2024
    first["event"].pop("id")
    assert second == first


def test_a_file_naming_an_unknown_organization_is_refused_by_path(tmp_path: Path):
    data = event_data()
    data["outcomes"]["projects"][0]["interests"][1]["by"] = "nobody"
    source = tmp_path / "bad.json"
    source.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")

    result = runner.invoke(app, ["import", str(source)])

    assert result.exit_code == 2
    assert "outcomes.projects[0].interests[1].by" in result.stderr
    assert Event.objects.count() == 0


def _unknown_interest(document: CoreEvent) -> None:
    document.outcomes.projects[0].interests[1].by = "nobody"


def _unknown_host(document: CoreEvent) -> None:
    document.outcomes.projects[1].host = "nobody"


def _confirmed_by_a_non_party(document: CoreEvent) -> None:
    document.outcomes.agreements[0].confirmed_by.append("smart-eye")


def _meeting_without_outcome(document: CoreEvent) -> None:
    document.outcomes.agreements[0].meetings[0].b = "smart-eye"


@pytest.mark.parametrize(
    ("spoil", "path"),
    [
        (_unknown_interest, "outcomes.projects[0].interests[1].by"),
        (_unknown_host, "outcomes.projects[1].host"),
        (_confirmed_by_a_non_party, "outcomes.agreements[0].confirmed_by[2]"),
        (_meeting_without_outcome, "outcomes.agreements[0].meetings[0]"),
    ],
)
def test_a_bad_reference_fails_by_path_and_leaves_nothing_written(
    spoil: Callable[[CoreEvent], None], path: str
):
    """Documents built in code skip the file's reference check; the import still refuses them."""
    document = parse_event(event_data())
    spoil(document)

    with pytest.raises(FormatError) as raised:
        import_event(document)

    assert [issue.path for issue in raised.value.issues] == [path]
    assert Event.objects.count() == 0
    assert Organization.objects.count() == 0
    assert CooperationProject.objects.count() == 0
