"""The one place where the web tests build data: accounts, events, worlds, spreadsheets.

- ``make_user``, ``make_event``: an account, and the full test event of ``documents.py``;
- ``build_world``: that event with every role in it (organizers, a viewer, delegates),
  a published and a draft meeting, and a second event of another organizer;
- ``organizer``, ``event``, ``participant`` ...: a small bilingual event for the portal
  tests, with a German, a French and a Chinese organization registered as the sign-up
  page does;
- ``xlsx_bytes`` and the hostile workbooks: Excel files, plain or made to attack the reader.

No hidden defaults: each builder takes what it needs as arguments.
"""

import io
import zipfile
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from openpyxl import Workbook

from matchfair.web.access.models import EventViewer
from matchfair.web.directory.domain.identity import OPERATOR
from matchfair.web.directory.models import Delegate, Opportunity, Organization, Participation
from matchfair.web.events.domain.events import create_event
from matchfair.web.events.domain.programme import add_session
from matchfair.web.events.models import Event, Series, Session
from matchfair.web.exchange.to_database import import_event
from matchfair.web.meetings.models import Meeting
from matchfair.web.notify.domain.participants import Registration, register, save_opportunity
from tests.web.documents import full_event


def make_user(username: str, *, staff: bool = False) -> AbstractBaseUser:
    return get_user_model().objects.create_user(
        username=username, password="a-long-test-password", is_staff=staff
    )


def make_event(organizer: AbstractBaseUser | None = None) -> Event:
    """The full test event, organized by ``organizer`` when given.

    Imported as the operator does (``matchfair import``), so that two test events share
    the directory entries that have no delegates yet, as editions of one series do.
    """
    return import_event(
        full_event(), organizers=[organizer] if organizer else [], standing=OPERATOR
    )


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def own_event(organizer: AbstractBaseUser, name: str = "Mallory's fair") -> Event:
    """An empty event of ``organizer`` (no sessions, no organizations), as the new-event page makes."""
    return create_event(name=name, code="", timezone="UTC", organizer=organizer)


# One event with every role in it, and a second event with its own organizer.
#
# The full test event has TEGnology and Tsinghua with an accepted (tailor-made)
# request and a published meeting between them, and Smart Eye with a request to
# Tsinghua still unanswered. Each organization gets one delegate here; a draft
# meeting between Smart Eye and TEGnology stands for an unpublished schedule.


@dataclass(frozen=True)
class World:
    event: Event
    other_event: Event
    organizer: AbstractBaseUser
    other_organizer: AbstractBaseUser
    viewer: AbstractBaseUser
    tegnology: Participation
    tsinghua: Participation
    smart_eye: Participation
    teg_user: AbstractBaseUser
    tsinghua_user: AbstractBaseUser
    smart_eye_user: AbstractBaseUser
    published: Meeting
    draft: Meeting


def person(username: str, *, staff: bool = False) -> AbstractBaseUser:
    """An account without a password (tests log in with force_login: no slow hashing)."""
    return get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.org",
        first_name=username.title(),
        is_staff=staff,
    )


def delegate(participation: Participation, username: str) -> AbstractBaseUser:
    user = person(username)
    Delegate.objects.create(user=user, organization=participation.organization, title="CEO")
    return user


def build_world() -> World:
    organizer = person("organizer", staff=True)
    other_organizer = person("other-organizer", staff=True)
    event = make_event(organizer)
    other_event = make_event(other_organizer)
    viewer = person("viewer")
    EventViewer.objects.create(event=event, user=viewer)
    by_code = {p.code: p for p in Participation.objects.filter(event=event)}
    published = Meeting.objects.get(event=event, published=True)
    session = Session.objects.get(event=event, code="day1-pm")
    start = session.start + timedelta(minutes=50)
    draft = Meeting.objects.create(
        event=event,
        a=by_code["smart-eye"],
        b=by_code["tegnology"],
        session=session,
        start=start,
        end=start + timedelta(minutes=20),
        online=True,
        published=False,
    )
    return World(
        event=event,
        other_event=other_event,
        organizer=organizer,
        other_organizer=other_organizer,
        viewer=viewer,
        tegnology=by_code["tegnology"],
        tsinghua=by_code["tsinghua-energy"],
        smart_eye=by_code["smart-eye"],
        teg_user=delegate(by_code["tegnology"], "teg"),
        tsinghua_user=delegate(by_code["tsinghua-energy"], "tsinghua"),
        smart_eye_user=delegate(by_code["smart-eye"], "smarteye"),
        published=published,
        draft=draft,
    )


# A small bilingual event for the portal tests: a German, a French and a Chinese organization.

PASSWORD = "Pr0file-and-agenda!"
BERLIN = ZoneInfo("Europe/Berlin")


def organizer(username: str = "organizer") -> AbstractBaseUser:
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, is_staff=True, email=f"{username}@fair.example"
    )


def event(owner: AbstractBaseUser, name: str = "EU-China Cooperation Fair 2026") -> Event:
    created = create_event(
        name=name, code="", timezone="Europe/Berlin", organizer=owner, tables=4, online_rooms=4
    )
    add_session(
        event=created,
        code="day1",
        start=datetime(2026, 12, 1, 9, 0, tzinfo=BERLIN),
        end=datetime(2026, 12, 1, 12, 0, tzinfo=BERLIN),
        slot_minutes=30,
    )
    return created


def participant(
    in_event: Event,
    *,
    name: str,
    country: str,
    email: str,
    timezone: str = "UTC",
    language: str = "en",
    attendance: str = "onsite",
    kind: str = "company",
) -> Participation:
    """Register an organization with one delegate, as the sign-up page does."""
    delegate = register(
        event=in_event,
        registration=Registration(
            organization_name=name,
            country=country,
            kind=kind,
            attendance=attendance,
            first_name=name.split()[0],
            last_name="Delegate",
            email=email,
            password=PASSWORD,
            timezone=timezone,
            language=language,
        ),
    )
    return Participation.objects.get(event=in_event, organization=delegate.organization)


def side_of(in_event: Event, code: str) -> Participation:
    """The event's participation with this code (a side of a meeting or an agreement)."""
    return Participation.objects.get(event=in_event, code=code)


def user_of(participation: Participation) -> AbstractBaseUser:
    return Delegate.objects.filter(organization=participation.organization).first().user


def german_battery_maker(in_event: Event) -> Participation:
    maker = participant(
        in_event,
        name="Sonnenwerk GmbH",
        country="DE",
        email="anna@sonnenwerk.example",
        timezone="Europe/Berlin",
        language="de",
    )
    maker.description = "Wir entwickeln Batteriespeicher für Solaranlagen."
    maker.sectors = ["energy"]
    maker.save()
    save_opportunity(
        participation=maker,
        opportunity=None,
        kind="offer",
        type="technology",
        title="Batteriespeicher für Photovoltaik",
        description="Lithium-Speichersysteme für Solarparks.",
        sectors=["energy"],
    )
    return maker


def french_winery(in_event: Event) -> Participation:
    winery = participant(
        in_event,
        name="Vignoble Exportateur",
        country="FR",
        email="paul@vignoble.example",
        timezone="Europe/Paris",
        language="fr",
        attendance="online",
    )
    save_opportunity(
        participation=winery,
        opportunity=None,
        kind="request",
        type="commercial",
        title="Distributeurs de vin en Chine",
        description="Nous cherchons des importateurs de vin.",
        sectors=["food"],
    )
    return winery


# Hostile Excel files: formulas, DDE, an external link, an XML entity bomb, zip bombs.

ENTITY_BOMB = (
    '<?xml version="1.0"?><!DOCTYPE bomb ['
    '<!ENTITY a "aaaaaaaaaa">'
    + "".join(
        f'<!ENTITY {chr(98 + level)} "{("&" + chr(97 + level) + ";") * 10}">' for level in range(8)
    )
    + ']><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
    '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&i;</t></is></c></row>'
    "</sheetData></worksheet>"
)
EXTERNAL_LINK = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<externalLink xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    '<externalBook r:id="rId1"><sheetNames><sheetName val="Sheet1"/></sheetNames>'
    "</externalBook></externalLink>"
)
EXTERNAL_LINK_RELS = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/externalLinkPath" Target="http://127.0.0.1:9/secrets.xlsx" '
    'TargetMode="External"/></Relationships>'
)


def with_parts(content: bytes, replaced: dict[str, str]) -> bytes:
    """The workbook with some of its zip members replaced or added."""
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name in source.namelist():
            if name not in replaced:
                target.writestr(name, source.read(name))
        for name, text in replaced.items():
            target.writestr(name, text)
    return buffer.getvalue()


def formula_workbook(formula: str) -> bytes:
    return xlsx_bytes([["name", "country"], ["Acme", "DE"], [formula, "FR"]])


def external_link_workbook() -> bytes:
    """A cell computed from another workbook on a server, with the link part Excel writes."""
    content = formula_workbook("=[1]Sheet1!A1")
    return with_parts(
        content,
        {
            "xl/externalLinks/externalLink1.xml": EXTERNAL_LINK,
            "xl/externalLinks/_rels/externalLink1.xml.rels": EXTERNAL_LINK_RELS,
        },
    )


def entity_bomb_workbook() -> bytes:
    return with_parts(xlsx_bytes([["name"], ["Acme"]]), {"xl/worksheets/sheet1.xml": ENTITY_BOMB})


SHEET = "xl/worksheets/sheet1.xml"
SHEET_START = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def inline_cell(text: str, reference: str = "") -> str:
    where = f' r="{reference}"' if reference else ""
    return f'<c{where} t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_workbook(sheet_data: str, dimension: str = "") -> bytes:
    """A workbook whose first sheet is the given ``<sheetData>`` content, written as is."""
    head = SHEET_START + (f'<dimension ref="{dimension}"/>' if dimension else "")
    sheet = head + "<sheetData>" + sheet_data + "</sheetData></worksheet>"
    return with_parts(xlsx_bytes([["name"]]), {SHEET: sheet})


def shared_string_workbook(text: str, rows: int) -> bytes:
    """Rows of a name and one long text kept once in the shared-strings table: a small
    file whose cells hold ``rows`` times the text."""
    strings = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        f"<si><t>{text}</t></si></sst>"
    )
    base = sheet_workbook(
        "<row>"
        + inline_cell("name")
        + inline_cell("profile")
        + "</row>"
        + ("<row>" + inline_cell("Acme") + '<c t="s"><v>0</v></c></row>') * rows
    )
    types = zipfile.ZipFile(io.BytesIO(base)).read("[Content_Types].xml").decode()
    override = (
        '<Override PartName="/xl/sharedStrings.xml" ContentType="application/'
        'vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    )
    return with_parts(
        base,
        {
            "[Content_Types].xml": types.replace("</Types>", override + "</Types>"),
            "xl/sharedStrings.xml": strings,
        },
    )


def zip_bomb_workbook(rows: int) -> bytes:
    """The finding's bomb: identical rows without row numbers compress about 1,000 times,
    so a few hundred kilobytes hold a million rows."""
    row = "<row>" + inline_cell("Acme") + "</row>"
    return sheet_workbook("<row>" + inline_cell("name") + "</row>" + row * rows)


def wide_header_workbook(columns: int, rows: int) -> bytes:
    """The finding's wide sheet: a header of many columns over rows of one short cell each,
    which the old reader stored padded to the header's width."""
    header = "".join(inline_cell(f"c{number}") for number in range(columns))
    return sheet_workbook(
        "<row>" + header + "</row>" + ("<row>" + inline_cell("x") + "</row>") * rows
    )


def with_lying_directory(content: bytes, name: str, declared_size: int) -> bytes:
    """The archive with ``name``'s unpacked size in the zip directory (and its local
    header) replaced, as a hand-made bomb would do to pass a check of the directory."""
    archive = zipfile.ZipFile(io.BytesIO(content))
    info = archive.getinfo(name)
    data = bytearray(content)
    size = declared_size.to_bytes(4, "little")
    data[info.header_offset + 22 : info.header_offset + 26] = size
    encoded = name.encode()
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(encoded)] != encoded:
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 24 : central + 28] = size
    return bytes(data)


@dataclass
class SeriesEditions:
    """Two editions of one series: Vetytekniikka took part in both, the rest in one."""

    earlier: Event
    later: Event
    returning: Organization
    lake_cooling: Organization
    gearbox: Organization
    hydrogen_park: Organization


def series_editions(owner: AbstractBaseUser) -> SeriesEditions:
    """The series directory's test world, organized by ``owner`` (texts in several languages)."""
    series = Series.objects.create(name="Chengdu-Nordic Dialogue")
    earlier = event(owner, "Chengdu-Nordic Dialogue 2025")
    later = event(owner, "Chengdu-Nordic Dialogue 2026")
    Event.objects.filter(pk__in=[earlier.pk, later.pk]).update(series=series)
    earlier.refresh_from_db()
    later.refresh_from_db()

    def take_part(edition: Event, organization: Organization, description: str, title: str):
        participation = Participation.objects.create(
            event=edition,
            organization=organization,
            code=f"{organization.pk}-{edition.pk}",
            description=description,
        )
        Opportunity.objects.create(
            event=edition,
            participation=participation,
            code=f"offer-{participation.pk}",
            kind="offer",
            title=title,
        )

    returning = Organization.objects.create(name="Vetytekniikka Oy", country="FI", kind="company")
    lake = Organization.objects.create(name="Sjökyla AB", country="SE", kind="company")
    gearbox = Organization.objects.create(name="Sichuan Gearbox", country="CN", kind="company")
    park = Organization.objects.create(name="Chengdu Hydrogen Park", country="CN", kind="company")
    take_part(earlier, returning, "Hydrogen burners for industrial furnaces", "hydrogen burners")
    take_part(later, returning, "Hydrogen burners for industrial furnaces", "vetypolttimet")
    take_part(earlier, lake, "District cooling with lake water", "district cooling with lake water")
    take_part(earlier, gearbox, "Gearboxes for wind turbines", "wind turbine gearboxes")
    take_part(later, park, "Industrial park for hydrogen", "hydrogen industrial furnaces park")
    return SeriesEditions(earlier, later, returning, lake, gearbox, park)
