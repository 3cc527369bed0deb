"""The organization's agenda PDF at the first participant pages' address, /events/my/ID/agenda.pdf.

No page links here any more; the address stays for those who kept it (as ``old_links``
keeps /events/my/ID/). Unlike the portal's own PDF (``agenda.agenda_pdf``, in the
reader's time zone), it is printed in the event's time zone, as it always was, and
opens for the organization's delegates and the event's organizers.
"""

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils.http import content_disposition_header

from matchfair.web.directory.rules import delegate_participation
from matchfair.web.exports.printing import agendas_pdf


@login_required
def organization_agenda(request: HttpRequest, participation_id: int) -> HttpResponse:
    """One organization's agenda, for its delegates and the organizers."""
    participation = delegate_participation(request, participation_id)
    response = HttpResponse(
        agendas_pdf(participation.event, [participation], drafts=False),
        content_type="application/pdf",
    )
    filename = f"{participation.event.code}-{participation.pk}-agenda.pdf"
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response
