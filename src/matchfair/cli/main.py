"""Entry point of the ``matchfair`` command: importing a command module registers its commands."""

from matchfair.cli import (
    matching,  # noqa: F401 (imported for its commands)
    report,  # noqa: F401 (imported for its commands)
    scheduling,  # noqa: F401 (imported for its commands)
    schema,  # noqa: F401 (imported for its commands)
    web,  # noqa: F401 (imported for its commands)
)
from matchfair.cli.app import app


def run() -> None:
    """Run the command line (the ``matchfair`` console script)."""
    app()
