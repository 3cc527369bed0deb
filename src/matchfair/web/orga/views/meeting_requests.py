"""Meeting requests and the organizer's tailor-made meetings, with search across languages."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.matching import EncoderSpecError
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.exchange.search_index import search_partners
from matchfair.web.meetings.domain.errors import MeetingRuleError
from matchfair.web.meetings.domain.tailor_made import add_tailor_made_meeting
from matchfair.web.meetings.forms import TailorMadeForm
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.meetings.queries import mark_unplaced, suggested_pairs
from matchfair.web.meetings.unanswered import recipients_without_contact, with_answerer

PAGE_SIZE = 50


@organizer_required
def meeting_requests(request: HttpRequest, event: Event) -> HttpResponse:
    form = TailorMadeForm(
        event,
        request.POST or None,
        initial={"first": request.GET.get("first"), "second": request.GET.get("second")},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            add_tailor_made_meeting(
                event=event,
                first=data["first"],
                second=data["second"],
                weight=data["weight"],
                sessions=[session.code for session in data["sessions"]],
            )
        except MeetingRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("Tailor-made meeting %(a)s – %(b)s added.")
                % {"a": data["first"].organization.name, "b": data["second"].organization.name},
            )
            return redirect("orga:meeting_requests", event_id=event.pk)
    query = request.GET.get("q", "").strip()
    hits, search_error = [], ""
    if query:
        try:
            hits = search_partners(event, query)
        except EncoderSpecError as error:
            search_error = str(error)
    only_mandatory = request.GET.get("mandatory") == "1"
    requests = with_answerer(
        MeetingRequest.objects.filter(event=event).select_related(
            "requester__organization", "recipient__organization"
        )
    )
    if only_mandatory:
        requests = requests.filter(mandatory=True)
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    page.object_list = mark_unplaced(event, page.object_list)
    return render(
        request,
        "orga/meetings/requests.html",
        {
            "event": event,
            "form": form,
            "query": query,
            "hits": hits,
            "suggestions": suggested_pairs(event),
            "without_contact": recipients_without_contact(event),
            "search_error": search_error,
            "first": request.GET.get("first", ""),
            "only_mandatory": only_mandatory,
            "page": page,
        },
    )
