"""A participant's download of their organization's agenda as PDF.

The organizer's downloads are pages of ``orga`` (``orga/views/downloads.py``); this one
is a participant page, on its way to the portal's pages.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from matchfair.web.accounts.permissions import delegate_participation
from matchfair.web.exports.printing import agendas_pdf


def _download(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """A file to save; Django quotes or encodes its name, whatever characters an id holds."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


@login_required
def organization_agenda(request: HttpRequest, participation_id: int) -> HttpResponse:
    """One organization's agenda, for its delegates and the organizers."""
    participation = delegate_participation(request, participation_id)
    return _download(
        agendas_pdf(participation.event, [participation], drafts=False),
        f"{participation.event.code}-{participation.pk}-agenda.pdf",
        "application/pdf",
    )
