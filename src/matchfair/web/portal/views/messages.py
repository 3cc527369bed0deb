"""A delegate's conversations with other organizations of the event: the list, a thread, a report.

Only the delegates of the two organizations open these pages (``talk.rules``); the
organizer reads a message only once a participant reports it (``orga``'s reported
messages). Opening a thread marks it read for the person reading.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.models import Participation
from matchfair.web.talk.domain.errors import MessageRuleError
from matchfair.web.talk.domain.messages import (
    MESSAGE_LENGTH,
    conversation_between,
    mark_read,
    send_message,
)
from matchfair.web.talk.domain.reports import report_message
from matchfair.web.talk.domain.switch import messaging_enabled
from matchfair.web.talk.forms import MessageForm, ReportForm
from matchfair.web.talk.models import Message
from matchfair.web.talk.queries import conversations_of, last_message_id, partner_in, thread
from matchfair.web.talk.rules import conversation_page, partner_of


@conversation_page
def conversations(request: HttpRequest, side: Participation) -> HttpResponse:
    rows = [
        (conversation, partner_in(conversation, side))
        for conversation in conversations_of(request.user, side)
    ]
    return render(
        request,
        "portal/messages/conversations.html",
        {
            "section": "messages",
            "participation": side,
            "portal_event": side.event,
            "rows": rows,
            "enabled": messaging_enabled(side.event),
        },
    )


@conversation_page
def conversation(request: HttpRequest, side: Participation, partner_id: int) -> HttpResponse:
    partner = partner_of(side, partner_id)
    enabled = messaging_enabled(side.event)
    form = MessageForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            send_message(
                side=side, partner=partner, author=request.user, text=form.cleaned_data["text"]
            )
        except MessageRuleError as error:
            form.add_error(error.field, str(error))
        else:
            return redirect("portal:conversation", side.pk, partner.pk)
    found = conversation_between(side, partner)
    if found is not None:
        mark_read(conversation=found, user=request.user, up_to=last_message_id(found))
    return render(
        request,
        "portal/messages/conversation.html",
        {
            "section": "messages",
            "participation": side,
            "portal_event": side.event,
            "partner": partner,
            "lines": thread(found, side, partner),
            "form": form,
            "report_form": ReportForm(),
            "enabled": enabled,
            "limit": MESSAGE_LENGTH,
        },
    )


@require_POST
@conversation_page
def report(
    request: HttpRequest, side: Participation, partner_id: int, message_id: int
) -> HttpResponse:
    partner = partner_of(side, partner_id)
    found = conversation_between(side, partner)
    message = get_object_or_404(
        Message.objects.select_related("side__organization"),
        pk=message_id,
        conversation=found,
        hidden_at__isnull=True,
    )
    form = ReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Say why you report this message."))
    else:
        try:
            report_message(
                side=side,
                message=message,
                reporter=request.user,
                reason=form.cleaned_data["reason"],
            )
        except MessageRuleError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Thank you: the organizer will look at this message."))
    return redirect("portal:conversation", side.pk, partner.pk)
