"""The typer application every command module registers on.

User mistakes (a malformed file, an unwritable output path) are caught here, once,
for every command, and reported as a message and exit status 2: a person who
mistyped a path should never see a traceback.
"""

import functools
from collections.abc import Callable
from typing import Any, TypeVar

import typer
from rich.console import Console

from matchfair.core import FormatError
from matchfair.i18n import gettext as _
from matchfair.i18n import ngettext

USER_ERROR = 2

stderr = Console(stderr=True, highlight=False, soft_wrap=True)

Command = TypeVar("Command", bound=Callable[..., Any])


class UserError(Exception):
    """A problem the user can fix (bad option value, missing database...), not a bug."""


def report_user_errors(command: Command) -> Command:
    """Turn the user's mistakes raised by ``command`` into messages and exit status 2."""

    @functools.wraps(command)
    def reporting(*args: Any, **kwargs: Any) -> Any:
        try:
            return command(*args, **kwargs)
        except FormatError as error:
            for line in str(error).splitlines():
                stderr.print(line, markup=False)
            stderr.print(
                ngettext(
                    "{count} problem found; nothing was written.",
                    "{count} problems found; nothing was written.",
                    len(error.issues),
                ).format(count=len(error.issues)),
                markup=False,
            )
            raise typer.Exit(USER_ERROR) from None
        except UserError as error:
            stderr.print(_("error: {message}").format(message=error), markup=False)
            raise typer.Exit(USER_ERROR) from None
        except OSError as error:
            where = f"{error.filename}: " if error.filename else ""
            problem = error.strerror or str(error)
            stderr.print(
                _("error: {where}{problem}").format(where=where, problem=problem), markup=False
            )
            raise typer.Exit(USER_ERROR) from None

    return reporting  # type: ignore[return-value]


class MatchfairTyper(typer.Typer):
    """A Typer whose every command reports user errors the same way."""

    def command(self, *args: Any, **kwargs: Any) -> Callable[[Command], Command]:
        register = super().command(*args, **kwargs)

        def decorator(function: Command) -> Command:
            register(report_user_errors(function))
            return function

        return decorator


app = MatchfairTyper(
    name="matchfair",
    help=_("Matchfair: partner matching, meeting scheduling and outcome tracking for B2B events."),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


@app.callback()
def _main() -> None:
    """Matchfair: partner matching, meeting scheduling and outcome tracking for B2B events."""
