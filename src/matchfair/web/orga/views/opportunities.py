"""The event's opportunities, offers and requests of every organization, filtered and paged.

Organizers look here for what the event has to offer in a field or a language before
they invite, recommend or place meetings by hand; each row leads to its organization.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchfair.web.directory.languages import language_name
from matchfair.web.directory.models import Opportunity
from matchfair.web.directory.queries import OpportunityFilters, listed_opportunities, sectors_of
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required

PAGE_SIZE = 50


@organizer_required
def opportunity_list(request: HttpRequest, event: Event) -> HttpResponse:
    filters = OpportunityFilters(
        **{
            name: request.GET.get(name, "").strip()
            for name in OpportunityFilters.__dataclass_fields__
        }
    )
    listed = listed_opportunities(event, filters)
    page = Paginator(listed.opportunities, PAGE_SIZE).get_page(request.GET.get("page"))
    for opportunity in page:
        opportunity.language_name = language_name(listed.languages[opportunity.pk])
    languages = sorted(
        ((code, language_name(code)) for code in listed.language_choices),
        key=lambda choice: choice[1],
    )
    return render(
        request,
        "orga/directory/opportunities.html",
        {
            "event": event,
            "page": page,
            "filters": filters,
            "kinds": Opportunity.Kind.choices,
            "types": Opportunity.Type.choices,
            "languages": languages,
            "sectors": sectors_of(event),
        },
    )
