"""The report's "Meetings on the day": held, no-show, cancelled in HTML, PDF and JSON alike.

The event is the hand-computed outcome fixture with two meetings cancelled on the day
(tests/outcomes/test_day_figures.py): 3 held, 1 no-show, 2 cancelled, counted by hand.
"""

from io import BytesIO

import pytest
from django.urls import reverse
from pypdf import PdfReader

from matchfair.core import Event
from matchfair.web.exchange.to_database import import_event
from matchfair.web.languages import report_language
from matchfair.web.reports.rendering import report_html
from tests.outcomes.test_day_figures import day_event


def _rows(html: str) -> str:
    """The report's meetings table, whitespace squeezed."""
    start = html.index('<section class="meetings">')
    return " ".join(html[start : html.index("</section>", start)].split())


def test_the_html_report_tables_the_three_counts(fixture_event: Event):
    html = report_html(day_event(fixture_event), report_language("en"))
    table = _rows(html)
    assert "Meetings on the day" in table
    assert '<td class="term">held</td><td class="amount">3</td>' in table
    assert '<td class="term">no-show</td><td class="amount">1</td>' in table
    assert '<td class="term">cancelled</td><td class="amount">2</td>' in table


def test_the_counts_are_in_the_reports_language(fixture_event: Event):
    table = _rows(report_html(day_event(fixture_event), report_language("zh")))
    assert '<td class="term">已取消</td><td class="amount">2</td>' in table
    assert "活动当天的洽谈" in table


def test_a_report_before_the_day_has_no_such_table(fixture_event: Event):
    before = fixture_event.model_copy(update={"outcomes": None})
    assert '<section class="meetings">' not in report_html(before, report_language("en"))


@pytest.mark.django_db
def test_the_pages_pdf_and_api_show_the_same_counts(organizer, organizer_client, fixture_event):
    event = import_event(day_event(fixture_event), organizers=[organizer])
    page = organizer_client.get(reverse("reports:event_report", args=[event.pk]))
    assert '<td class="term">cancelled</td><td class="amount">2</td>' in _rows(
        page.content.decode()
    )
    pdf = organizer_client.get(reverse("reports:event_report_file", args=[event.pk, "de", "pdf"]))
    text = "".join(page.extract_text() for page in PdfReader(BytesIO(pdf.content)).pages)
    assert "Termine am Veranstaltungstag" in text
    assert "abgesagt 2" in " ".join(text.split())
    figures = organizer_client.get(f"/api/events/{event.pk}/report").json()
    assert (
        figures["meetings_held"],
        figures["meetings_no_show"],
        figures["meetings_cancelled"],
    ) == (3, 1, 2)
