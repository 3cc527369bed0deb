"""The organizer's Campaigns page: write a message per language, pick a segment, preview, send.

A campaign is previewed before it is sent: the first submit shows the count of
recipients and each language's text; only the second (``send``) queues the mails.
The bulk invitations (contacts without a password, an earlier edition's people) are
one button each on the same page.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.notify.domain.campaigns import preview_campaign, send_campaign
from matchfair.web.notify.domain.portal_rules import PortalRuleError
from matchfair.web.notify.domain.reinvitations import (
    earlier_edition_people,
    invite_contacts,
    invite_earlier_edition,
    uninvited_contacts,
)
from matchfair.web.notify.forms import CampaignForm
from matchfair.web.notify.models import Campaign

HISTORY = 50


def _site(request: HttpRequest) -> str:
    return request.build_absolute_uri("/").rstrip("/")


@organizer_required
def campaigns(request: HttpRequest, event: Event) -> HttpResponse:
    form = CampaignForm(request.POST or None, event=event)
    preview = None
    if request.method == "POST" and form.is_valid():
        try:
            if "send" in request.POST:
                campaign = send_campaign(
                    event=event,
                    by=request.user,
                    segment=form.segment(),
                    texts=form.texts(),
                    site_url=_site(request),
                )
                messages.success(
                    request,
                    ngettext(
                        "The campaign is queued for %(count)d person.",
                        "The campaign is queued for %(count)d people.",
                        campaign.recipients,
                    )
                    % {"count": campaign.recipients},
                )
                return redirect("orga:campaigns", event.pk)
            preview = preview_campaign(event=event, segment=form.segment(), texts=form.texts())
        except PortalRuleError as error:
            form.add_error(error.field if error.field in form.fields else None, str(error))
    return render(
        request,
        "orga/campaigns/campaigns.html",
        {
            "event": event,
            "form": form,
            "preview": preview,
            "languages": [
                (code, name, form[f"subject_{code}"], form[f"body_{code}"])
                for code, name in form.fields["languages"].choices
            ],
            "segment_fields": [form[name] for name in CampaignForm.SEGMENT_FIELDS],
            "contacts": len(uninvited_contacts(event)),
            "earlier": len(earlier_edition_people(event)),
            "history": Campaign.objects.filter(event=event).select_related("sent_by")[:HISTORY],
        },
    )


@organizer_required
@require_POST
def invitations(request: HttpRequest, event: Event) -> HttpResponse:
    """Invite again every contact without a password, or the earlier edition's people."""
    send = invite_earlier_edition if request.POST.get("to") == "earlier" else invite_contacts
    try:
        campaign = send(event=event, by=request.user, site_url=_site(request))
    except PortalRuleError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            ngettext(
                "%(count)d invitation is queued.",
                "%(count)d invitations are queued.",
                campaign.recipients,
            )
            % {"count": campaign.recipients},
        )
    return redirect("orga:campaigns", event.pk)
