"""The event's organizations, searchable, and the invitation of a new participant."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.directory.domain.identity import Lookalike, possible_duplicates, standing_of
from matchfair.web.directory.domain.invitations import (
    Invitation,
    InvitationError,
    invite_participant,
)
from matchfair.web.directory.domain.merging import MergeError, may_merge, merge_entries
from matchfair.web.directory.forms import InvitationForm
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.directory.queries import participations_of, search_participations
from matchfair.web.directory.series_directory import directory_entry
from matchfair.web.events.models import Event
from matchfair.web.events.rules import event_reader_required, organizer_required

PAGE_SIZE = 50


@event_reader_required
def organizations(request: HttpRequest, event: Event) -> HttpResponse:
    query = request.GET.get("q", "").strip()
    participations = search_participations(event, query) if query else participations_of(event)
    participations = participations.annotate(
        opportunity_count=Count("opportunities", distinct=True)
    ).order_by("organization__name", "pk")
    page = Paginator(participations, PAGE_SIZE).get_page(request.GET.get("page"))
    lookalikes = possible_duplicates(p.organization for p in page)
    others = {lookalike.pk for found in lookalikes.values() for lookalike in found}
    entries = Organization.objects.in_bulk(others)
    for participation in page:
        participation.lookalikes = lookalikes.get(participation.organization_id, [])
        participation.mergeable_into = {
            other.pk
            for other in participation.lookalikes
            if may_merge(
                duplicate=participation.organization, into=entries[other.pk], by=request.user
            )
        }
    return render(
        request,
        "orga/directory/organizations.html",
        {"event": event, "page": page, "query": query},
    )


def duplicate_warning(invitation: Invitation, lookalike: Lookalike) -> str:
    """Tell the organizer that the invited organization has a look-alike in the directory."""
    return _(
        "%(organization)s is a separate directory entry, a possible duplicate of "
        "%(other)s (%(country)s): check that you invited the right organization."
    ) % {
        "organization": invitation.participation.organization.name,
        "other": lookalike.name,
        "country": lookalike.country or "—",
    }


def _returning(request: HttpRequest, event: Event) -> dict[str, str]:
    """The invitation form filled in for an organization of the series (``?returning=``)."""
    number = request.GET.get("returning", "")
    if not number.isascii() or not number.isdigit():
        return {}
    organization = directory_entry(event, int(number))
    if organization is None:
        raise Http404
    return {
        "organization_name": organization.name,
        "country": organization.country,
        "kind": organization.kind,
    }


def _contact_for(request: HttpRequest, event: Event) -> Participation | None:
    """The organization of this event a contact is invited for (``?participation=``), if any."""
    number = request.GET.get("participation", "")
    if not number.isascii() or not number.isdigit():
        return None
    return get_object_or_404(
        Participation.objects.select_related("organization"), pk=int(number), event=event
    )


@organizer_required
def invite(request: HttpRequest, event: Event) -> HttpResponse:
    """Invite a new participant, or (``?participation=``) a contact for one without any.

    The requests page links here for an organization nobody can answer for, and the
    series directory (``?returning=``) for one of an earlier edition; its name, country
    and kind are filled in, so the invitation joins its existing entry.
    """
    contact_for = _contact_for(request, event)
    initial = _returning(request, event)
    if contact_for is not None:
        initial = {
            "organization_name": contact_for.organization.name,
            "country": contact_for.organization.country,
            "kind": contact_for.organization.kind,
            "attendance": contact_for.attendance,
        }
    form = InvitationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            invitation = invite_participant(
                event=event,
                by=standing_of(request.user),
                site_url=request.build_absolute_uri("/"),
                **form.cleaned_data,
            )
        except InvitationError as error:
            form.add_error(error.field, str(error))
        else:
            for lookalike in invitation.lookalikes:
                messages.warning(request, duplicate_warning(invitation, lookalike))
            messages.success(
                request,
                _("%(organization)s is invited; the welcome link was sent to %(email)s.")
                % {
                    "organization": invitation.participation.organization.name,
                    "email": form.cleaned_data["email"],
                },
            )
            return redirect("orga:organizations", event_id=event.pk)
    return render(
        request,
        "orga/directory/invite.html",
        {"event": event, "form": form, "contact_for": contact_for},
    )


@organizer_required
@require_POST
def merge(request: HttpRequest, event: Event, participation_id: int) -> HttpResponse:
    """Merge this event's entry into the look-alike the organizer chose (``directory.domain.merging``)."""
    participation = get_object_or_404(
        Participation.objects.select_related("organization"), pk=participation_id, event=event
    )
    into_id = request.POST.get("into", "")
    if not into_id.isascii() or not into_id.isdigit():
        raise Http404
    into = get_object_or_404(Organization, pk=int(into_id))
    duplicate = participation.organization
    try:
        merge_entries(duplicate=duplicate, into=into, by=request.user)
    except MergeError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("%(duplicate)s is merged into %(original)s.")
            % {"duplicate": duplicate.name, "original": into.name},
        )
    return redirect("orga:organizations", event_id=event.pk)
