"""The event's opportunities, offers and requests of every organization, filtered and paged.

Organizers look here for what the event has to offer in a field or a language before
they invite, recommend or place meetings by hand; each row leads to its organization.
"""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from matchfair.web.directory.languages import language_name, written_in
from matchfair.web.directory.models import Opportunity
from matchfair.web.directory.queries import (
    OpportunityFilters,
    listed_opportunities,
    opportunity_rows,
    sectors_of,
    spoken_languages,
)
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
    page = Paginator(listed_opportunities(event, filters), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    page.object_list = opportunity_rows(list(page.object_list))
    # The page's own rows are told apart here; the whole event only when filtered by
    # language (``written_languages``), which costs seconds in an event of 100,000.
    shown = written_in(page.object_list)
    for opportunity in page:
        opportunity.language_name = language_name(shown[opportunity.pk])
    codes = spoken_languages(event) | set(shown.values()) | {filters.language}
    languages = sorted(
        ((code, language_name(code)) for code in codes - {""}), key=lambda choice: choice[1]
    )
    sections, keywords = sectors_of(event)
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
            "sections": sections,
            "keywords": keywords,
        },
    )
