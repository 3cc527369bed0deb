"""Server commands: ``import`` and ``export`` of events in the database, ``serve`` and ``demo``.

They use the database configured by MATCHFAIR_HOME or MATCHFAIR_DATABASE_URL and
migrate it first, so the first command on a fresh machine creates it.
"""

from pathlib import Path
from typing import Annotated

import typer

from matchfair.cli.app import UserError, app
from matchfair.core import read_event, write_document
from matchfair.i18n import gettext as _

DEFAULT_PORT = 8000

PortOption = Annotated[
    int, typer.Option("--port", "-p", min=1, max=65535, help=_("Port on 127.0.0.1."))
]


def _start(*, keep_secret_key: bool = False) -> None:
    from matchfair.web.boot import DatabaseUnavailableError, start_django

    try:
        start_django(keep_secret_key=keep_secret_key)
    except DatabaseUnavailableError as error:
        raise UserError(_("cannot use the database {where}").format(where=error)) from None


@app.command("import")
def import_command(
    event_file: Annotated[Path, typer.Argument(help=_("An event file (matchfair-event/1)."))],
) -> None:
    """Store an event file in the database as a new event and print its id."""
    document = read_event(event_file)
    _start()
    from matchfair.web.directory.domain.identity import OPERATOR
    from matchfair.web.exchange.to_database import import_event

    # The operator holds the database: the file may reuse any directory entry that
    # has no delegates (an import enrolls nobody's account).
    event = import_event(document, standing=OPERATOR)
    typer.echo(event.pk)


@app.command("export")
def export_command(
    event_id: Annotated[int, typer.Argument(help=_("The id that `matchfair import` printed."))],
    output: Annotated[Path, typer.Option("--output", "-o", help=_("The event file to write."))],
) -> None:
    """Write an event of the database as an event file, schedule and outcomes included."""
    _start()
    from matchfair.web.events.models import Event
    from matchfair.web.exchange.errors import StoredDataError
    from matchfair.web.exchange.from_database import export_event

    event = Event.objects.filter(pk=event_id).first()
    if event is None:
        raise UserError(_("there is no event with id {id}").format(id=event_id))
    try:
        document = export_event(event)
    except StoredDataError as error:
        raise UserError(str(error)) from None
    write_document(output, document)


@app.command()
def serve(port: PortOption = DEFAULT_PORT) -> None:
    """Run the web platform and its job worker on 127.0.0.1 until interrupted."""
    _start(keep_secret_key=True)
    from matchfair.web.server import serve as run_server

    typer.echo(_("Matchfair is running at http://127.0.0.1:{port}/").format(port=port))
    run_server(port)


@app.command()
def demo(port: PortOption = DEFAULT_PORT) -> None:
    """Create the demo event (once), print its logins and run the web platform."""
    _start(keep_secret_key=True)
    from matchfair.web.demo.setup import DEMO_PASSWORD, DemoError, ensure_demo
    from matchfair.web.server import serve as run_server

    try:
        demo_event = ensure_demo()
    except DemoError as error:
        raise UserError(
            _("the demo event could not be scheduled: {error}").format(error=error)
        ) from None
    typer.echo(_("Demo event: {name}").format(name=demo_event.event.name))
    typer.echo(
        _("Organizer login: {user} / {password}").format(
            user=demo_event.organizer, password=DEMO_PASSWORD
        )
    )
    for user, organization in demo_event.participants:
        typer.echo(
            _("Participant login ({organization}): {user} / {password}").format(
                organization=organization, user=user, password=DEMO_PASSWORD
            )
        )
    typer.echo(_("Matchfair is running at http://127.0.0.1:{port}/").format(port=port))
    run_server(port)
