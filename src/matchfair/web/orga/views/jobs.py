"""Starting a job, watching its progress, re-running a failed one."""

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from matchfair.web import stored_text
from matchfair.web.events.models import Event
from matchfair.web.events.rules import organizer_required
from matchfair.web.jobs.domain.queue import rerun, start_job
from matchfair.web.jobs.forms import RunForm
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.queries import runs_of
from matchfair.web.orga.views.run_quality import quality_lines

PAGE_SIZE = 50


@organizer_required
@require_POST
def start(request: HttpRequest, event: Event) -> HttpResponse:
    form = RunForm(request.POST)
    if request.POST.get("kind", "") not in Job.Kind.values:
        return HttpResponseBadRequest()
    if not form.is_valid():
        # The runs page, with the form's error beside the field that caused it.
        return _runs_page(request, event, form, status=400)
    job = start_job(
        event=event, kind=form.cleaned_data["kind"], user=request.user, options=form.options()
    )
    return redirect("orga:job", event_id=event.pk, job_id=job.pk)


@organizer_required
def detail(request: HttpRequest, event: Event, job_id: int) -> HttpResponse:
    job = get_object_or_404(runs_of(event), pk=job_id)
    return render(
        request,
        "orga/jobs/detail.html",
        {"event": event, "job": job, "quality": quality_lines(job.quality)},
    )


@organizer_required
def status(request: HttpRequest, event: Event, job_id: int) -> JsonResponse:
    """What the progress page polls."""
    job = get_object_or_404(runs_of(event), pk=job_id)
    return JsonResponse(
        {
            "status": job.status,
            "status_label": job.get_status_display(),
            "percent": job.percent,
            "message": stored_text.render(job.result, job.message),
            "finished": job.is_finished,
        }
    )


@organizer_required
@require_POST
def retry(request: HttpRequest, event: Event, job_id: int) -> HttpResponse:
    job = get_object_or_404(runs_of(event), pk=job_id)
    return redirect("orga:job", event_id=event.pk, job_id=rerun(job=job, user=request.user).pk)


@organizer_required
def job_list(request: HttpRequest, event: Event) -> HttpResponse:
    return _runs_page(request, event, RunForm())


def _runs_page(
    request: HttpRequest, event: Event, form: RunForm, status: int = 200
) -> HttpResponse:
    jobs = runs_of(event).select_related("created_by", "retry_of")
    page = Paginator(jobs, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "event": event,
        "jobs": page,
        "page": page,
        "job_kinds": Job.Kind.choices,
        "run_form": form,
    }
    return render(request, "orga/jobs/list.html", context, status=status)
