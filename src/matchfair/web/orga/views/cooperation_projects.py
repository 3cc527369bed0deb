"""The organizer's list of cooperation projects published by host cities and districts."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.outcomes.domain.checks import OutcomeRuleError
from matchfair.web.outcomes.domain.projects import create_project
from matchfair.web.outcomes.forms import ProjectForm
from matchfair.web.outcomes.models import CooperationProject

PAGE_SIZE = 50


@organizer_required
def project_list(request: HttpRequest, event: Event) -> HttpResponse:
    form = ProjectForm(event, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            create_project(
                event=event,
                host=data["host"],
                title=data["title"],
                sector=data["sector"],
                location=data["location"],
                contact=data["contact"],
                planned_investment=data["planned_investment"],
                currency=data["currency"],
                description=data["description"],
                published=data["published"],
            )
        except OutcomeRuleError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Project saved."))
            return redirect("orga:cooperation_projects", event_id=event.pk)
    projects = (
        CooperationProject.objects.filter(event=event)
        .select_related("host__organization")
        .prefetch_related("interests__participation__organization")
    )
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "orga/cooperation_projects/projects.html",
        {"event": event, "projects": page, "page": page, "form": form},
    )
