"""The organizer's badges page: every delegate's badge, names added by hand, the printable PDF."""

from django.contrib import messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.audit.access_log import BADGES, record_export
from matchfair.web.eventday.domain.badges import (
    add_named_badge,
    refresh_badges,
    remove_named_badge,
)
from matchfair.web.eventday.domain.check_in import CheckInError
from matchfair.web.eventday.forms import NamedBadgeForm
from matchfair.web.eventday.models import Badge
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.exports.badges import Layout, badges_pdf


def _event_badges(event: Event) -> QuerySet[Badge]:
    return (
        Badge.objects.filter(event=event)
        .select_related("participation__organization", "check_in")
        .order_by("participation__organization__name", "name", "pk")
    )


@organizer_required
def badges(request: HttpRequest, event: Event) -> HttpResponse:
    """Opening the page makes the badges of delegates added since (and renames changed ones)."""
    form = NamedBadgeForm(request.POST or None, event=event)
    if request.method == "POST" and form.is_valid():
        try:
            badge = add_named_badge(
                event=event,
                participation=form.cleaned_data["participation"],
                name=form.cleaned_data["name"],
            )
        except CheckInError as error:
            form.add_error(error.field or "name", str(error))
        else:
            messages.success(request, _("Badge added for %(name)s.") % {"name": badge.name})
            return redirect("orga:badges", event_id=event.pk)
    added = refresh_badges(event=event)
    return render(
        request,
        "orga/eventday/badges.html",
        {"event": event, "form": form, "badges": _event_badges(event), "added": added},
    )


@organizer_required
@require_POST
def remove_badge(request: HttpRequest, event: Event, badge_id: int) -> HttpResponse:
    badge = get_object_or_404(Badge, pk=badge_id, event=event)
    try:
        remove_named_badge(event=event, badge=badge)
    except CheckInError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Badge of %(name)s removed.") % {"name": badge.name})
    return redirect("orga:badges", event_id=event.pk)


@organizer_required
def badges_download(request: HttpRequest, event: Event) -> HttpResponse:
    """Every badge, A6 one per page (``?layout=a6``) or four per A4 sheet (``?layout=a4``)."""
    try:
        layout = Layout(request.GET.get("layout", Layout.A6.value))
    except ValueError:
        return HttpResponseBadRequest(
            _("layout: choose a6 (one badge per page) or a4 (four badges per sheet)."),
            content_type="text/plain; charset=utf-8",
        )
    refresh_badges(event=event)
    content = badges_pdf(event, list(_event_badges(event)), layout=layout)
    record_export(event=event, action=BADGES, detail={"layout": layout.value})
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(
        True, f"{event.code}-badges-{layout.value}.pdf"
    )
    return response
