"""Outcome figures of events and series: funnel, agreements, investment, histories.

An engine in the sense of DESIGN.md: it knows only ``matchfair.core`` and computes
from an event file, so the command line, the dashboards and the reports share one
definition of every figure.
"""

from matchfair.outcomes.document import REPORT_FORMAT, figures_document, investment_total
from matchfair.outcomes.figures import (
    AGREEMENT_STATUSES,
    AGREEMENT_TYPES,
    FUNNEL_STAGES,
    ORGANIZATION_KINDS,
    UNSPECIFIED,
    EventFigures,
    FunnelStage,
    event_figures,
)
from matchfair.outcomes.history import OrganizationRecord
from matchfair.outcomes.meeting_results import (
    RESULTS,
    UNREPORTED,
    MeetingResult,
    furthest_result,
    meeting_results,
)
from matchfair.outcomes.money import (
    ConvertedTotal,
    MissingRateError,
    RateTable,
    convert_total,
    sum_by_currency,
)
from matchfair.outcomes.rates_file import parse_rates, read_rates
from matchfair.outcomes.series import (
    EditionRecord,
    OrganizationHistory,
    SeriesFigures,
    series_figures,
)

__all__ = [
    "AGREEMENT_STATUSES",
    "AGREEMENT_TYPES",
    "FUNNEL_STAGES",
    "ORGANIZATION_KINDS",
    "REPORT_FORMAT",
    "RESULTS",
    "UNREPORTED",
    "UNSPECIFIED",
    "ConvertedTotal",
    "EditionRecord",
    "EventFigures",
    "FunnelStage",
    "MeetingResult",
    "MissingRateError",
    "OrganizationHistory",
    "OrganizationRecord",
    "RateTable",
    "SeriesFigures",
    "convert_total",
    "event_figures",
    "figures_document",
    "furthest_result",
    "investment_total",
    "meeting_results",
    "parse_rates",
    "read_rates",
    "series_figures",
    "sum_by_currency",
]
