"""Report pages: an event's dashboard and report files, a series' dashboard across editions."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.http import content_disposition_header

from matchfair.outcomes import event_figures
from matchfair.web.events.models import Event, Series
from matchfair.web.events.rules import event_reader_required, is_organizer
from matchfair.web.exchange.from_database import export_event
from matchfair.web.exchange.outcomes import rate_table_for
from matchfair.web.languages import REPORT_LANGUAGES, ReportLanguage, report_language
from matchfair.web.reports.dashboards import event_dashboard, series_dashboard, usable_rates
from matchfair.web.reports.rendering import report_html, report_pdf


def _page_language() -> ReportLanguage:
    """The report language closest to the page's: the page's own, or English."""
    try:
        return report_language(translation.get_language() or "en")
    except KeyError:
        return REPORT_LANGUAGES["en"]


@event_reader_required
def event_report(request: HttpRequest, event: Event) -> HttpResponse:
    return render(
        request,
        "reports/event_dashboard.html",
        {
            "event": event,
            "dashboard": event_dashboard(event, _page_language()),
            "languages": REPORT_LANGUAGES.values(),
        },
    )


@event_reader_required
def event_report_file(request: HttpRequest, event: Event, language: str, kind: str) -> HttpResponse:
    """The event report as a file in one of the four languages, HTML or PDF."""
    if language not in REPORT_LANGUAGES or kind not in ("html", "pdf"):
        raise Http404
    chosen = REPORT_LANGUAGES[language]
    document = export_event(event)
    # With a rate missing the file gives sums per currency; the dashboard says which rate.
    rates = usable_rates(rate_table_for(event), event_figures(document).investment_by_currency)
    render_file = report_pdf if kind == "pdf" else report_html
    content = render_file(document, chosen, rates.rates)
    content_type = "application/pdf" if kind == "pdf" else "text/html; charset=utf-8"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(
        True, f"{event.code}-report-{language}.{kind}"
    )
    return response


@login_required
def series_report(request: HttpRequest, series_id: int) -> HttpResponse:
    """The series across its editions, for anyone who organizes one of them."""
    series = get_object_or_404(Series, pk=series_id)
    if not any(is_organizer(request.user, event) for event in series.editions.all()):
        raise PermissionDenied
    return render(
        request,
        "reports/series_dashboard.html",
        {"series": series, "dashboard": series_dashboard(series, _page_language())},
    )
