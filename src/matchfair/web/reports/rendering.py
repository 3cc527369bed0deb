"""An event's report as an HTML page or a PDF, in one of the four report languages."""

from django.template.loader import render_to_string
from django.utils import translation

from matchfair.core import Event
from matchfair.outcomes import RateTable
from matchfair.web.languages import ReportLanguage
from matchfair.web.reports.event_report import event_report


def report_html(event: Event, language: ReportLanguage, rates: RateTable | None = None) -> str:
    """The report as a self-contained HTML page (inline CSS and SVG, nothing fetched)."""
    with translation.override(language.django):
        report = event_report(event, language, rates)
        return render_to_string("reports/event_report.html", {"report": report})


def report_pdf(event: Event, language: ReportLanguage, rates: RateTable | None = None) -> bytes:
    """The report as a PDF; Chinese names need Debian's fonts-noto-cjk on the machine."""
    from weasyprint import HTML  # Pango is loaded only by those who make a PDF.

    return HTML(string=report_html(event, language, rates)).write_pdf()
