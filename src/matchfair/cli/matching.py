"""``matchfair recommend`` and ``matchfair search``: partners and search across languages.

Both read an event file and need no database. Embeddings are cached on disk (see
``--cache-dir``), so a second run over the same texts skips the encoders.
"""

import json
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from matchfair import core
from matchfair.cli.app import UserError, app
from matchfair.core import check_writable, read_event, write_document
from matchfair.i18n import gettext as _
from matchfair.i18n import ngettext
from matchfair.matching import (
    DEFAULT_SPEC,
    EmbeddingCache,
    EncoderSpecError,
    NoCache,
    SearchIndex,
    default_cache_dir,
    recommend,
)

EncoderOption = Annotated[
    str,
    typer.Option(
        "--encoder",
        envvar="MATCHFAIR_ENCODER",
        help=_("Encoders: auto, use, e5, st:MODEL, or several joined by +."),
    ),
]
CacheOption = Annotated[
    Path | None,
    typer.Option(
        "--cache-dir",
        envvar="MATCHFAIR_CACHE",
        help=_(
            "Where embeddings are cached (default: $MATCHFAIR_HOME/cache or ~/.matchfair/cache)."
        ),
    ),
]
NoCacheOption = Annotated[
    bool, typer.Option("--no-cache", help=_("Neither read nor write the embedding cache."))
]
TopOption = Annotated[int, typer.Option("--top", min=1, help=_("How many results to give."))]


def _cache(directory: Path | None, disabled: bool) -> EmbeddingCache | NoCache:
    if disabled:
        return NoCache()
    return EmbeddingCache(directory or default_cache_dir())


@contextmanager
def _progress_bars() -> Iterator[core.ProgressCallback]:
    """Rich progress bars on standard error, one per encoder, for the embedding step."""
    bars = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, int] = {}

    def report(progress: core.Progress) -> None:
        label, total = progress.phase, progress.total
        if label not in tasks:
            tasks[label] = bars.add_task(_("embedding ({model})").format(model=label), total=total)
        bars.update(tasks[label], completed=progress.done, total=total)

    with bars:
        yield report


@contextmanager
def _encoder_errors() -> Iterator[None]:
    """A wrong ``--encoder`` or a missing optional package is the user's to fix."""
    try:
        yield
    except EncoderSpecError as error:
        raise UserError(str(error)) from None
    except ImportError as error:
        raise UserError(
            _("this encoder needs a package that is not installed: {name}").format(
                name=error.name or error
            )
        ) from None


@app.command("recommend")
def recommend_command(
    event_file: Annotated[Path, typer.Argument(help=_("The event file."))],
    output: Annotated[
        Path, typer.Option("--output", "-o", help=_("The recommendations file to write."))
    ],
    top: TopOption = 10,
    encoder: EncoderOption = DEFAULT_SPEC,
    cache_dir: CacheOption = None,
    no_cache: NoCacheOption = False,
) -> None:
    """Recommend partners to every organization of an event, with reasons."""
    check_writable(output)
    event = read_event(event_file)
    with _encoder_errors(), _progress_bars() as progress:
        recommendations = recommend(
            event, top=top, spec=encoder, cache=_cache(cache_dir, no_cache), progress=progress
        )
    write_document(output, recommendations)
    count = sum(len(partners) for partners in recommendations.recommendations.values())
    typer.echo(
        ngettext(
            "{recommendations} for {organizations} organization written to {path}",
            "{recommendations} for {organizations} organizations written to {path}",
            len(recommendations.recommendations),
        ).format(
            recommendations=ngettext(
                "{count} recommendation", "{count} recommendations", count
            ).format(count=count),
            organizations=len(recommendations.recommendations),
            path=output,
        )
    )


@app.command("search")
def search_command(
    event_file: Annotated[Path, typer.Argument(help=_("The event file."))],
    query: Annotated[str, typer.Argument(help=_("What to look for, in any language."))],
    top: TopOption = 10,
    encoder: EncoderOption = DEFAULT_SPEC,
    cache_dir: CacheOption = None,
    no_cache: NoCacheOption = False,
    as_json: Annotated[bool, typer.Option("--json", help=_("Print the results as JSON."))] = False,
) -> None:
    """Find the opportunities and organizations that best match a query, in any language."""
    if not query.strip():
        raise UserError(_("the query is empty: give the words to look for"))
    event = read_event(event_file)
    with _encoder_errors(), _progress_bars() as progress:
        index = SearchIndex.build(
            event, spec=encoder, cache=_cache(cache_dir, no_cache), progress=progress
        )
        results = index.search(query, top=top)
    if as_json:
        typer.echo(json.dumps(asdict(results), ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    for heading, hits in (
        (_("Opportunities"), results.opportunities),
        (_("Organizations"), results.organizations),
    ):
        table = Table(title=heading, title_justify="left")
        for column in (_("score"), _("id"), _("title"), _("organization"), _("language")):
            table.add_column(column)
        for hit in hits:
            table.add_row(f"{hit.score:.2f}", hit.id, hit.title, hit.organization, hit.language)
        console.print(table)
