"""Scheduler and recommendation runs: start one, watch its progress, re-run a failed one."""

from datetime import datetime
from typing import Literal

from django.db.models import QuerySet
from django.http import HttpRequest
from django.shortcuts import get_object_or_404
from ninja import Field, Query, Router, Schema, Status
from ninja.pagination import paginate

from matchfair.web import stored_text
from matchfair.web.api.errors import ERROR_CODES, ApiError, ErrorBody
from matchfair.web.api.pagination import Pages
from matchfair.web.api.scope import Id, organizer_access
from matchfair.web.jobs.domain.queue import rerun, start_job
from matchfair.web.jobs.domain.states import fail_stale_jobs
from matchfair.web.jobs.forms import MAX_MIN_MEETINGS
from matchfair.web.jobs.models import Job
from matchfair.web.jobs.queries import runs_of

router = Router(tags=["runs"])

MAX_TIME_LIMIT = 3600.0


class RunOut(Schema):
    id: int
    kind: str
    status: str
    progress: float
    message: str
    error: str
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None
    retry_of: int | None = Field(..., alias="retry_of_id")

    @staticmethod
    def resolve_message(job: Job) -> str:
        """A finished run's result in the language the client asks for."""
        return stored_text.render(job.result, job.message)


class RunIn(Schema):
    kind: Literal["schedule", "recommend", "series_directory"]
    time_limit: float | None = Field(
        None, gt=0, le=MAX_TIME_LIMIT, description="Seconds the scheduler may search"
    )
    seed: int | None = Field(None, ge=0, le=2**31 - 1)
    min_meetings: int | None = Field(
        None,
        ge=0,
        le=MAX_MIN_MEETINGS,
        description="Scheduler runs: meetings every organization with that many accepted "
        "requests should get (the command line's --min-meetings)",
    )


class RunFilter(Schema):
    kind: Literal["schedule", "recommend", "series_directory"] | None = None
    status: Literal["queued", "running", "succeeded", "failed"] | None = None


@router.get("/events/{event_id}/runs", response={200: list[RunOut], ERROR_CODES: ErrorBody})
@paginate(Pages)
def list_runs(request: HttpRequest, event_id: Id, filters: Query[RunFilter]) -> QuerySet[Job]:
    event = organizer_access(request, event_id).event
    fail_stale_jobs()
    return runs_of(event, kind=filters.kind or "", status=filters.status or "")


@router.post("/events/{event_id}/runs", response={202: RunOut, ERROR_CODES: ErrorBody})
def start_run(request: HttpRequest, event_id: Id, payload: RunIn) -> Status[Job]:
    """Queue a run; poll ``GET .../runs/{id}`` for its progress."""
    event = organizer_access(request, event_id).event
    options: dict[str, object] = {}
    if payload.time_limit is not None:
        options["time_limit"] = payload.time_limit
    if payload.seed is not None:
        options["seed"] = payload.seed
    if payload.min_meetings is not None:
        if payload.kind != Job.Kind.SCHEDULE:
            raise ApiError(422, "Only a scheduler run takes a target.", field="min_meetings")
        options["min_meetings"] = payload.min_meetings
    return Status(
        202, start_job(event=event, kind=payload.kind, user=request.auth, options=options)
    )


@router.get("/events/{event_id}/runs/{run_id}", response={200: RunOut, ERROR_CODES: ErrorBody})
def get_run(request: HttpRequest, event_id: Id, run_id: Id) -> Job:
    event = organizer_access(request, event_id).event
    fail_stale_jobs()
    return get_object_or_404(runs_of(event), pk=run_id)


@router.post(
    "/events/{event_id}/runs/{run_id}/rerun", response={202: RunOut, ERROR_CODES: ErrorBody}
)
def rerun_run(request: HttpRequest, event_id: Id, run_id: Id) -> Status[Job]:
    """Start a new run with the same kind and options (typically after a failure)."""
    job = get_object_or_404(runs_of(organizer_access(request, event_id).event), pk=run_id)
    return Status(202, rerun(job=job, user=request.auth))
