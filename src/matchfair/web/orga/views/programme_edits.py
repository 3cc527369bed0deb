"""Editing and deleting a session or an agenda item of the programme.

Deleting asks first, on a page that says what goes with it and whether published
meetings forbid it; the deletion itself is a POST from that page.
"""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from matchfair.web.eventday.domain.waitlists import change_agenda_item
from matchfair.web.events.domain.errors import EventRuleError
from matchfair.web.events.domain.programme import delete_agenda_item
from matchfair.web.events.forms import AgendaItemForm, SessionForm
from matchfair.web.events.models import AgendaItem, Event, Session
from matchfair.web.events.rules import organizer_required
from matchfair.web.meetings.domain.sessions import (
    change_session,
    delete_session,
    session_dependents,
)
from matchfair.web.site_url import site_url


@organizer_required
def edit_session(request: HttpRequest, event: Event, session_id: int) -> HttpResponse:
    session = get_object_or_404(Session, pk=session_id, event=event)
    form = SessionForm(
        request.POST or None, instance=Session(event=event), initial=_initial(session)
    )
    if request.method == "POST" and form.is_valid():
        try:
            dropped = change_session(session=session, **form.cleaned_data)
        except EventRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Session saved."))
            if dropped:
                messages.warning(request, _dropped_drafts(dropped))
            return redirect("orga:programme", event_id=event.pk)
    return render(
        request,
        "orga/events/edit.html",
        {
            "event": event,
            "form": form,
            "heading": _("Session %(code)s") % {"code": session.code},
            "note": _(
                "Published meetings keep their slots: a change that moves them is refused. "
                "Draft meetings that no longer fit are removed; run the scheduler again."
            ),
            "delete_url": "orga:delete_session",
            "object_id": session.pk,
            "times": True,
        },
    )


@organizer_required
def remove_session(request: HttpRequest, event: Event, session_id: int) -> HttpResponse:
    session = get_object_or_404(Session, pk=session_id, event=event)
    if request.method == "POST":
        try:
            dependents = delete_session(session=session)
        except EventRuleError as error:
            messages.error(request, str(error))
            return redirect("orga:delete_session", event_id=event.pk, session_id=session.pk)
        messages.success(request, _("Session %(code)s deleted.") % {"code": session.code})
        if dependents.drafts:
            messages.warning(request, _dropped_drafts(dependents.drafts))
        return redirect("orga:programme", event_id=event.pk)
    dependents = session_dependents(session=session)
    blockers = []
    if dependents.published:
        blockers.append(
            ngettext(
                "It holds %(count)d published meeting: move it to another session first.",
                "It holds %(count)d published meetings: move them to another session first.",
                dependents.published,
            )
            % {"count": dependents.published}
        )
    consequences = []
    if dependents.drafts:
        consequences.append(_dropped_drafts(dependents.drafts))
    if dependents.restricted_requests:
        consequences.append(
            ngettext(
                "%(count)d meeting request is limited to sessions including this one; it loses "
                "this session, and may be held in any session if it had no other.",
                "%(count)d meeting requests are limited to sessions including this one; they lose "
                "this session, and may be held in any session if they had no other.",
                dependents.restricted_requests,
            )
            % {"count": dependents.restricted_requests}
        )
    return render(
        request,
        "orga/events/confirm_delete.html",
        {
            "event": event,
            "heading": _("Delete session %(code)s?") % {"code": session.code},
            "blockers": blockers,
            "consequences": consequences,
            "back_url": "orga:edit_session",
            "object_id": session.pk,
        },
    )


@organizer_required
def edit_agenda_item(request: HttpRequest, event: Event, item_id: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem, pk=item_id, event=event)
    form = AgendaItemForm(
        request.POST or None, instance=AgendaItem(event=event), initial=_initial(item)
    )
    if request.method == "POST" and form.is_valid():
        try:
            change_agenda_item(item=item, site_url=site_url(request), **form.cleaned_data)
        except EventRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Agenda item saved."))
            return redirect("orga:programme", event_id=event.pk)
    return render(
        request,
        "orga/events/edit.html",
        {
            "event": event,
            "form": form,
            "heading": item.title,
            "note": "",
            "delete_url": "orga:delete_agenda_item",
            "object_id": item.pk,
            "times": True,
        },
    )


@organizer_required
def remove_agenda_item(request: HttpRequest, event: Event, item_id: int) -> HttpResponse:
    item = get_object_or_404(AgendaItem, pk=item_id, event=event)
    if request.method == "POST":
        delete_agenda_item(item=item)
        messages.success(request, _("“%(title)s” deleted.") % {"title": item.title})
        return redirect("orga:programme", event_id=event.pk)
    signed_up = item.signups.count()
    consequences = (
        [
            ngettext(
                "%(count)d organization is signed up for it; its sign-up is removed.",
                "%(count)d organizations are signed up for it; their sign-ups are removed.",
                signed_up,
            )
            % {"count": signed_up}
        ]
        if signed_up
        else []
    )
    return render(
        request,
        "orga/events/confirm_delete.html",
        {
            "event": event,
            "heading": _("Delete “%(title)s”?") % {"title": item.title},
            "blockers": [],
            "consequences": consequences,
            "back_url": "orga:edit_agenda_item",
            "object_id": item.pk,
        },
    )


def _initial(instance: Session | AgendaItem) -> dict[str, object]:
    """The row's values for a form bound to a blank instance (the service saves, not the form)."""
    return {field.name: getattr(instance, field.name) for field in instance._meta.fields}


def _dropped_drafts(count: int) -> str:
    return ngettext(
        "%(count)d draft meeting was removed; run the scheduler again to place it.",
        "%(count)d draft meetings were removed; run the scheduler again to place them.",
        count,
    ) % {"count": count}
