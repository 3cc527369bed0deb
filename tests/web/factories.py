"""Small builders for the web tests: users, events and spreadsheets, no hidden defaults."""

import io

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from openpyxl import Workbook

from matchfair.web.directory.domain.identity import OPERATOR
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import import_event
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
