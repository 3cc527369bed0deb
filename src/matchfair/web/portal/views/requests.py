"""The organization's meeting requests: those it sent, and those it received to answer."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.requests import RequestRuleError, requests_sent
from matchfair.web.meetings.models import MeetingRequest
from matchfair.web.meetings.queries import mark_unplaced
from matchfair.web.meetings.unanswered import with_answerer
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.domain.requests import answer_request
from matchfair.web.notify.rules import participant_page
from matchfair.web.site_url import site_url


@participant_page
def requests_page(request: HttpRequest, participation: Participation) -> HttpResponse:
    requests = MeetingRequest.objects.filter(event=participation.event).select_related(
        "requester__organization", "recipient__organization", "note"
    )
    rules = rules_of(participation.event)
    return render(
        request,
        "portal/requests.html",
        {
            "section": "requests",
            "participation": participation,
            "portal_event": participation.event,
            "received": mark_unplaced(
                participation.event, requests.filter(recipient=participation)
            ),
            "sent_requests": mark_unplaced(
                participation.event, with_answerer(requests.filter(requester=participation))
            ),
            "sent": requests_sent(participation),
            "rules": rules,
        },
    )


@require_POST
@participant_page
def answer(request: HttpRequest, participation: Participation, request_id: int) -> HttpResponse:
    meeting_request = get_object_or_404(
        MeetingRequest.objects.select_related("requester__organization"),
        pk=request_id,
        event=participation.event,
    )
    accept = request.POST.get("answer") == "accept"
    try:
        answer_request(
            recipient=participation,
            meeting_request=meeting_request,
            accept=accept,
            site_url=site_url(request),
        )
    except RequestRuleError as error:
        messages.error(request, str(error))
    else:
        name = meeting_request.requester.organization.name
        messages.success(
            request,
            _("You accepted to meet %(name)s.") % {"name": name}
            if accept
            else _("You declined to meet %(name)s.") % {"name": name},
        )
    return redirect("portal:requests", participation.pk)
