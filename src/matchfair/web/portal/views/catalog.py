"""The catalog: every participant, filters, search in any language, one's own recommendations."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from matchfair.matching import EncoderSpecError
from matchfair.web.directory.languages import language_name
from matchfair.web.directory.models import Opportunity, Organization, Participation
from matchfair.web.directory.queries import sectors_of
from matchfair.web.meetings.domain.requests import RequestRuleError, requests_sent
from matchfair.web.meetings.models import MeetingRequest, Recommendation
from matchfair.web.meetings.unanswered import has_contact
from matchfair.web.notify.domain.portal_rules import rules_of
from matchfair.web.notify.domain.requests import send_request
from matchfair.web.notify.rules import participant_page
from matchfair.web.portal.catalog import (
    CatalogPage,
    Filters,
    catalog,
    countries_of,
)
from matchfair.web.portal.forms import RequestForm
from matchfair.web.portal.languages import detected_language
from matchfair.web.site_url import site_url

PAGE_SIZE = 50


@participant_page
def catalog_page(request: HttpRequest, participation: Participation) -> HttpResponse:
    event = participation.event
    filters = Filters(
        **{name: request.GET.get(name, "").strip() for name in Filters.__dataclass_fields__}
    )
    query = request.GET.get("q", "").strip()
    number = request.GET.get("page")
    search_error = ""
    try:
        shown = catalog(
            event, filters, query, viewer=participation, page=number, per_page=PAGE_SIZE
        )
    except EncoderSpecError as error:
        search_error = str(error)
        shown = CatalogPage(Paginator([], PAGE_SIZE).get_page(number), [])
    sections, keywords = sectors_of(event)
    params = request.GET.copy()
    params.pop("page", None)
    recommendations = (
        Recommendation.objects.filter(event=event, participation=participation)
        .select_related("partner__organization")
        .order_by("rank")
    )
    return render(
        request,
        "portal/catalog.html",
        {
            "section": "catalog",
            "participation": participation,
            "portal_event": event,
            "entries": shown.entries,
            "count": shown.page.paginator.count,
            "page": shown.page,
            "filter_query": params.urlencode(),
            "query": query,
            "filters": filters,
            "search_error": search_error,
            "recommendations": recommendations,
            "countries": countries_of(event, filters.country),
            "sections": sections,
            "sectors": keywords,
            "kinds": Organization.Kind.choices,
            "directions": Opportunity.Kind.choices,
            "types": Opportunity.Type.choices,
            "attendances": Participation.Attendance.choices,
        },
    )


@participant_page
def partner(request: HttpRequest, participation: Participation, partner_id: int) -> HttpResponse:
    """A partner's profile, and the form to ask for a meeting."""
    event = participation.event
    other = get_object_or_404(
        Participation.objects.select_related("organization"), pk=partner_id, event=event
    )
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            send_request(
                requester=participation,
                recipient=other,
                message=form.cleaned_data["message"],
                sent_by=request.user,
                site_url=site_url(request),
            )
        except RequestRuleError as error:
            form.add_error(error.field, str(error))
        else:
            messages.success(
                request,
                _("Your request to meet %(name)s is sent.") % {"name": other.organization.name},
            )
            if not has_contact(other):
                messages.warning(
                    request,
                    _(
                        "Nobody at %(name)s can answer yet: it has no contact person on the "
                        "platform. The organizer sees your request and can invite one."
                    )
                    % {"name": other.organization.name},
                )
            return redirect("portal:requests", participation.pk)
    between = MeetingRequest.objects.filter(
        event=event, requester__in=[participation, other], recipient__in=[participation, other]
    ).exclude(requester=participation, recipient=participation)
    quota = rules_of(event).request_quota
    return render(
        request,
        "portal/partner.html",
        {
            "section": "catalog",
            "participation": participation,
            "portal_event": event,
            "other": other,
            "language": language_name(detected_language(other.description or "")),
            "opportunities": [
                (o, language_name(detected_language(f"{o.title}\n{o.description or ''}")))
                for o in other.opportunities.all()
            ],
            "reasons": Recommendation.objects.filter(
                event=event, participation=participation, partner=other
            ).first(),
            "between": between,
            "open_request": between.exclude(status=MeetingRequest.Status.DECLINED).exists(),
            "form": form,
            "quota": quota,
            "sent": requests_sent(participation),
        },
    )
