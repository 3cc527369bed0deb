"""Entry point of the ``matchfair`` command: importing a command module registers its commands."""

from matchfair.cli import (
    matching,  # noqa: F401
    report,  # noqa: F401
    scheduling,  # noqa: F401
    schema,  # noqa: F401
    web,  # noqa: F401
)
from matchfair.cli.app import app


def run() -> None:
    """Run the command line (the ``matchfair`` console script)."""
    app()
