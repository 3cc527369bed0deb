"""``matchfair schedule`` and ``matchfair check``: make a schedule, or judge one from anywhere."""

import threading
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, TextColumn, TimeElapsedColumn

from matchfair import core
from matchfair.cli.app import UserError, app, stderr
from matchfair.core import Schedule, check_writable, read_event, read_schedule, write_document
from matchfair.i18n import gettext as _
from matchfair.i18n import ngettext
from matchfair.scheduling import (
    SolveOptions,
    build_problem,
    schedule_event,
    schedule_quality,
    validate_schedule,
    weight_bound,
)

PROGRESS_DELAY = 1.0
"""Seconds a run must last before the progress display appears."""

INVALID = 1


class _ProgressDisplay:
    """A progress bar on stderr that appears only once a run has lasted a second.

    The bar follows the time budget (the solver stops at it at the latest) and its
    label follows the solver's reports, so a long run shows both how far it is and
    what it has reached.
    """

    def __init__(self, time_limit: float) -> None:
        self.time_limit = time_limit
        self.label = _("greedy start")
        self.started = time.monotonic()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def __enter__(self) -> "_ProgressDisplay":
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop.set()
        self.thread.join()

    def update(self, progress: core.Progress) -> None:
        phases = {
            "greedy": _("greedy start"),
            "weight": _("maximizing weight"),
            "quality": _("minimizing breaks"),
            "search": _("neighbourhood search"),
        }
        self.label = _("{phase}: {meetings} meetings, weight {weight}").format(
            phase=phases.get(progress.phase, progress.phase),
            meetings=progress.meetings,
            weight=progress.weight,
        )

    def _run(self) -> None:
        if self.stop.wait(PROGRESS_DELAY):
            return
        columns = (
            TextColumn("{task.description}"),
            BarColumn(),
            TimeElapsedColumn(),
        )
        with Progress(*columns, console=stderr, transient=True) as bar:
            task = bar.add_task(self.label, total=self.time_limit)
            while not self.stop.wait(0.2):
                elapsed = time.monotonic() - self.started
                bar.update(task, completed=min(elapsed, self.time_limit), description=self.label)


@app.command()
def schedule(
    event_file: Annotated[Path, typer.Argument(help=_("The event file (matchfair-event/1)."))],
    output: Annotated[Path, typer.Option("-o", "--output", help=_("Where to write the schedule."))],
    time_limit: Annotated[
        float, typer.Option("--time-limit", help=_("Solver budget in seconds."))
    ] = 60.0,
    seed: Annotated[
        int, typer.Option("--seed", help=_("Random seed; same seed, same schedule."))
    ] = 0,
    keep: Annotated[
        Path | None,
        typer.Option("--keep", help=_("A published schedule whose still-valid meetings stay put.")),
    ] = None,
    min_meetings: Annotated[
        int,
        typer.Option(
            "--min-meetings", help=_("Fairness target: meetings every organization should get.")
        ),
    ] = 0,
) -> None:
    """Schedule the accepted meeting requests of an event into slots."""
    if time_limit <= 0:
        raise UserError(_("--time-limit must be a positive number of seconds"))
    if min_meetings < 0:
        raise UserError(_("--min-meetings cannot be negative"))
    if seed < 0:
        raise UserError(_("--seed cannot be negative"))
    check_writable(output)
    event = read_event(event_file)
    published = read_schedule(keep) if keep is not None else None
    if published is not None and published.event != event.event.id:
        raise UserError(
            _("{file} is a schedule of event '{found}', not '{expected}'").format(
                file=keep, found=published.event, expected=event.event.id
            )
        )
    options = SolveOptions(time_limit=time_limit, seed=seed, min_meetings=min_meetings)
    with _ProgressDisplay(time_limit) as display:
        outcome = schedule_event(event, options, published=published, on_progress=display.update)
    write_document(output, outcome.schedule)

    for released in outcome.released:
        stderr.print(
            _("released {a}-{b} ({start}): {reason}").format(
                a=released.a, b=released.b, start=released.start, reason=released.reason
            ),
            markup=False,
        )
    _print_quality(event_file, outcome.schedule)
    for below in outcome.below_target:
        stderr.print(
            _("{id} has {count} of the {target} meetings targeted").format(
                id=below.organization, count=below.meetings, target=below.target
            ),
            markup=False,
        )
    if outcome.below_target:
        stderr.print(
            ngettext(
                "{count} organization below the target; its unscheduled requests say why",
                "{count} organizations below the target; their unscheduled requests say why",
                len(outcome.below_target),
            ).format(count=len(outcome.below_target)),
            markup=False,
        )
    typer.echo(_("schedule written to {path}").format(path=output), err=True)


def _print_quality(event_file: Path, schedule_document: Schedule) -> None:
    event = read_event(event_file)
    quality = schedule_quality(event, schedule_document)
    bound = weight_bound(build_problem(event).problem, quality.mandatory)
    ratio = quality.weight / bound.value if bound.value else 1.0
    lines = [
        _("meetings scheduled: {done} of {asked} accepted requests").format(
            done=quality.meetings, asked=quality.requested
        ),
        _("weight scheduled: {done} of {asked}").format(
            done=quality.weight, asked=quality.requested_weight
        ),
        _("mandatory scheduled: {done} of {asked}").format(
            done=quality.mandatory, asked=quality.requested_mandatory
        ),
        _("breaks: {breaks}, idle slots: {idle}").format(breaks=quality.breaks, idle=quality.idle),
        _(
            "upper bound on weight with as many mandatory meetings: {bound:g} ({method}); ratio {ratio:.2%}"
        ).format(bound=bound.value, method=bound.method, ratio=ratio),
    ]
    for line in lines:
        typer.echo(line)


@app.command()
def check(
    event_file: Annotated[Path, typer.Argument(help=_("The event file (matchfair-event/1)."))],
    schedule_file: Annotated[
        Path, typer.Argument(help=_("The schedule to check (matchfair-schedule/1)."))
    ],
) -> None:
    """Check a schedule against the rules of the format and print its quality."""
    event = read_event(event_file)
    schedule_document = read_schedule(schedule_file)
    violations = validate_schedule(event, schedule_document)
    _print_quality(event_file, schedule_document)
    if violations:
        for violation in violations:
            stderr.print(str(violation), markup=False)
        stderr.print(
            ngettext(
                "invalid: {count} violation", "invalid: {count} violations", len(violations)
            ).format(count=len(violations)),
            markup=False,
        )
        raise typer.Exit(INVALID)
    typer.echo(_("valid: the schedule satisfies rules 1-8"))
