"""Server commands: ``import`` and ``export`` of events in the database, ``serve`` and ``demo``.

They use the database configured by MATCHFAIR_HOME or MATCHFAIR_DATABASE_URL and
migrate it first, so the first command on a fresh machine creates it.
"""

import getpass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from matchfair.cli.app import UserError, app
from matchfair.core import Event, read_event, write_document
from matchfair.i18n import gettext as _
from matchfair.i18n import ngettext

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from matchfair.web.events.models import Event as StoredEvent

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


def _organizer(username: str) -> "AbstractBaseUser":
    """The account ``--organizer`` names, by user name or e-mail address; unknown is a user error."""
    from django.contrib.auth import get_user_model
    from django.db.models import Q

    users = get_user_model().objects.filter(Q(username=username) | Q(email__iexact=username))
    found = list(users[:2])
    if len(found) != 1:
        raise UserError(
            _("there is no user {user}: create the account first, nothing was imported").format(
                user=username
            )
            if not found
            else _("{user} names several accounts: give the user name").format(user=username)
        )
    return found[0]


def _print_created(event: "StoredEvent", document: Event) -> None:
    """Say what the import made and where to find it, so that nobody has to look it up."""
    from django.conf import settings
    from django.urls import reverse

    typer.echo(
        _("Imported event {slug} (number {number}): {name}").format(
            name=event.name, slug=event.code, number=event.pk
        )
    )
    organizations = len(document.organizations)
    opportunities = len(document.opportunities)
    requests = len(document.meeting_requests)
    meetings = len(document.meetings or [])
    counts = (
        ngettext("{count} organization", "{count} organizations", organizations).format(
            count=organizations
        ),
        ngettext("{count} opportunity", "{count} opportunities", opportunities).format(
            count=opportunities
        ),
        ngettext("{count} meeting request", "{count} meeting requests", requests).format(
            count=requests
        ),
        ngettext("{count} meeting", "{count} meetings", meetings).format(count=meetings),
    )
    typer.echo(", ".join(counts))
    site = settings.MATCHFAIR_SITE_URL.rstrip("/")
    typer.echo(_("Open it at {url}").format(url=site + reverse("orga:event", args=[event.pk])))
    organizers = ", ".join(user.get_username() for user in event.organizers.all())
    if organizers:
        typer.echo(_("Organizers: {users}").format(users=organizers))
    else:
        typer.echo(
            _(
                "It has no organizer yet: a staff user assigns one from the home page ({url}), "
                "or import with --organizer USER."
            ).format(url=site + "/")
        )
    typer.echo(_("Export it with: matchfair export {slug} -o event.json").format(slug=event.code))


@app.command("import")
def import_command(
    event_file: Annotated[Path, typer.Argument(help=_("An event file (matchfair-event/1)."))],
    organizer: Annotated[
        str | None,
        typer.Option(
            "--organizer", help=_("The user name of an account to make the event's organizer.")
        ),
    ] = None,
) -> None:
    """Store an event file in the database as a new event and say what it created."""
    document = read_event(event_file)
    _start()
    from matchfair.web.directory.domain.identity import OPERATOR
    from matchfair.web.exchange.to_database import import_event

    organizers = [_organizer(organizer)] if organizer is not None else []
    # The operator holds the database: the file may reuse any directory entry that
    # has no delegates (an import enrolls nobody's account).
    event = import_event(document, organizers=organizers, standing=OPERATOR)
    _print_created(event, document)


@app.command("export")
def export_command(
    event_id: Annotated[
        str,
        typer.Argument(
            help=_(
                "The event's slug (the id in its file) or number, as `matchfair import` printed."
            )
        ),
    ],
    output: Annotated[Path, typer.Option("--output", "-o", help=_("The event file to write."))],
) -> None:
    """Write an event of the database as an event file, schedule and outcomes included."""
    _start()
    from matchfair.web.audit.access_log import EVENT_FILE, record_export
    from matchfair.web.events.domain.slugs import event_by_slug_or_number
    from matchfair.web.exchange.errors import StoredDataError
    from matchfair.web.exchange.from_database import export_event

    event = event_by_slug_or_number(event_id)
    if event is None:
        raise UserError(_("there is no event with id {id}").format(id=event_id))
    try:
        document = export_event(event)
    except StoredDataError as error:
        raise UserError(str(error)) from None
    write_document(output, document)
    # The file holds every delegate's e-mail: the event's access log notes who wrote it.
    record_export(
        event=event,
        action=EVENT_FILE,
        detail={"by": f"command line ({getpass.getuser()})", "file": str(output)},
    )


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
    from matchfair.web.demo.mail_sink import start_demo_sink

    sink = start_demo_sink()
    typer.echo(
        _(
            "The demo's e-mails go to its own mail server (127.0.0.1:{port}): read them on the organizer's home."
        ).format(port=sink.port)
    )
    typer.echo(_("Matchfair is running at http://127.0.0.1:{port}/").format(port=port))
    try:
        run_server(port)
    finally:
        sink.stop()
