"""The figures of the hand-computed fixture (see fixture_event.json): each number counted by hand."""

from datetime import date
from decimal import Decimal

from matchfair.core import Event, Opportunity
from matchfair.outcomes import FunnelStage, OrganizationRecord, event_figures


def test_participants_by_country_and_kind(fixture_event: Event):
    figures = event_figures(fixture_event)
    assert figures.organizations == 6
    assert figures.countries == 3
    assert figures.by_country == {"CN": 2, "FI": 2, "DK": 1, "unspecified": 1}
    assert figures.by_kind == {"company": 3, "research": 1, "university": 1, "unspecified": 1}
    assert (figures.first_day, figures.last_day) == (date(2024, 11, 18), date(2024, 11, 18))


def test_meetings_requested_counts_accepted_pairs_once(fixture_event: Event):
    figures = event_figures(fixture_event)
    # tegnology/tsinghua asked each other (one meeting); the requested and the
    # declined request do not count.
    assert figures.meetings_requested == 4
    assert figures.meetings_scheduled == 3
    assert figures.meetings_held == 3
    assert figures.meetings_no_show == 1
    assert figures.meetings_cancelled == 0


def test_outcomes_take_the_furthest_result_and_flag_disputes(fixture_event: Event):
    figures = event_figures(fixture_event)
    assert figures.outcomes_by_result == {
        "no-fit": 0,
        "follow-up": 0,
        "intention": 1,
        "agreement": 1,
        "unreported": 1,
    }
    assert sum(figures.outcomes_by_result.values()) == figures.meetings_held
    assert figures.disputed_meetings == 1
    # haaga-helia did not report; neither side of the guest meeting did.
    assert figures.missing_feedback == 3


def test_funnel(fixture_event: Event):
    assert event_figures(fixture_event).funnel == [
        FunnelStage("requested", 4),
        FunnelStage("scheduled", 3),
        FunnelStage("held", 3),
        FunnelStage("follow-up", 2),
        FunnelStage("intention", 2),
        FunnelStage("agreement", 1),
    ]


def test_agreements_by_status_and_type(fixture_event: Event):
    figures = event_figures(fixture_event)
    assert figures.agreements == 5
    assert figures.agreements_by_status == {
        "intention": 1,
        "signed": 2,
        "implemented": 1,
        "cancelled": 1,
    }
    assert figures.agreements_signed == 3
    assert figures.agreements_by_type == {
        "technology-transfer": 1,
        "joint-research": 1,
        "investment": 1,
        "joint-venture": 0,
        "commercial": 1,
        "strategic": 1,
        "other": 0,
    }


def test_investment_leaves_out_cancelled_agreements(fixture_event: Event):
    figures = event_figures(fixture_event)
    assert figures.investment_by_currency == {
        "CNY": Decimal("21751500000.50"),
        "EUR": Decimal("2000000"),
    }
    assert figures.investment_by_status == {
        "intention": {"EUR": Decimal("2000000")},
        "signed": {"CNY": Decimal("1500000.50")},
        "implemented": {"CNY": Decimal("21750000000")},
        "cancelled": {"USD": Decimal("300000")},
    }


def test_organization_records(fixture_event: Event):
    records = {
        record.organization: record for record in event_figures(fixture_event).organization_records
    }
    assert records["tegnology"] == OrganizationRecord(
        organization="tegnology",
        name="TEGnology",
        country="DK",
        kind="company",
        meetings_requested=2,
        meetings_scheduled=2,
        meetings_held=1,
        results={"intention": 1},
        agreements=["agr-1", "agr-4", "agr-5"],
    )
    assert records["guest"] == OrganizationRecord(
        organization="guest",
        name="Guest delegation",
        country=None,
        kind=None,
        meetings_requested=1,
        meetings_scheduled=0,
        meetings_held=1,
        results={"unreported": 1},
        agreements=[],
    )


def test_event_without_meetings_or_outcomes_has_zero_figures(fixture_event: Event):
    bare = fixture_event.model_copy(update={"meetings": None, "outcomes": None})
    figures = event_figures(bare)
    assert figures.meetings_scheduled == 0
    assert figures.meetings_held == 0
    assert figures.agreements == 0
    assert figures.investment_by_currency == {}
    assert [stage.count for stage in figures.funnel] == [4, 0, 0, 0, 0, 0]


def test_participants_by_section_count_each_organization_once_per_section(fixture_event: Event):
    assert event_figures(fixture_event).by_section == {}
    first, second = fixture_event.organizations[:2]
    first.nace, second.nace = ["D", "C"], ["D"]
    fixture_event.opportunities.append(
        Opportunity(id="offer", organization=first.id, kind="offer", title="Grid", nace=["D", "M"])
    )
    assert event_figures(fixture_event).by_section == {"D": 2, "C": 1, "M": 1}
