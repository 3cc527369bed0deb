"""The contact person and e-mail columns of the spreadsheet import (issue 13, dead ends).

Imported organizations had nobody to answer their requests: the columns were dropped
without a word. Now every address is the organization's delegate, invited as the
invite page does it; a bad address names its row and column and nothing is written.
"""

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import TestCase
from django.urls import reverse

from matchfair.web.directory.domain.identity import standing_of
from matchfair.web.directory.models import Delegate, Participation
from matchfair.web.directory.spreadsheets.importing import SpreadsheetImportError
from matchfair.web.directory.spreadsheets.mapping import guess_mapping
from matchfair.web.directory.spreadsheets.reading import read_table
from matchfair.web.exchange.spreadsheets import import_rows
from tests.web.factories import delegate, make_event, make_user, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADERS = ["Organization", "Country", "Contact person", "E-Mail", "Opportunity"]


@pytest.fixture
def organizer():
    return make_user("organizer", staff=True)


@pytest.fixture
def event(organizer):
    return make_event(organizer)


def _import(event, organizer, rows):
    table = read_table("fair.xlsx", xlsx_bytes([HEADERS, *rows]))
    return import_rows(
        event,
        table,
        guess_mapping(table.headers),
        standing=standing_of(organizer),
        site_url="https://fair.example.org/",
    )


def _user(email):
    return get_user_model().objects.get(email=email)


def test_the_columns_are_recognised_by_their_usual_names():
    mapping = guess_mapping(["Company", "Contact", "E-Mail"])
    assert (mapping["contact_name"], mapping["contact_email"]) == (1, 2)
    assert guess_mapping(["名称", "联系人", "邮箱"])["contact_email"] == 2


def test_each_contact_becomes_a_delegate_and_gets_the_invitation(event, organizer):
    with TestCase.captureOnCommitCallbacks(execute=True):
        summary = _import(
            event,
            organizer,
            [
                ["Nokia", "FI", "Anna Virtanen", "anna@nokia.example", "5G networks"],
                ["Nokia", "FI", "Anna Virtanen", "anna@nokia.example", "Smart port"],
                ["Ericsson", "SE", "Erik Berg; Sara Lind", "erik@e.example; sara@e.example", ""],
            ],
        )
    assert summary.invitations == 3
    nokia = Participation.objects.get(event=event, organization__name="Nokia")
    anna = _user("anna@nokia.example")
    assert (anna.first_name, anna.last_name, anna.has_usable_password()) == (
        "Anna",
        "Virtanen",
        False,
    )
    assert anna.delegate.organization == nokia.organization
    assert sorted(m.to[0] for m in mail.outbox) == [
        "anna@nokia.example",
        "erik@e.example",
        "sara@e.example",
    ]
    assert "https://fair.example.org/welcome/" in mail.outbox[0].body
    assert _user("sara@e.example").first_name == "Sara"


def test_an_address_with_an_account_keeps_that_account(event, organizer):
    existing = make_user("anna@nokia.example")
    existing.email = "Anna@Nokia.example"
    existing.save()
    _import(event, organizer, [["Nokia", "FI", "Anna", "anna@nokia.example", ""]])
    assert get_user_model().objects.filter(email__iexact="anna@nokia.example").count() == 1
    assert Delegate.objects.get(user=existing).organization.name == "Nokia"


def test_a_bad_address_names_row_and_column_and_nothing_is_written(event, organizer):
    before = Participation.objects.count()
    with pytest.raises(SpreadsheetImportError) as raised:
        _import(
            event,
            organizer,
            [
                ["Nokia", "FI", "Anna", "anna@nokia.example", ""],
                ["Ericsson", "SE", "Erik", "erik(at)e.example", ""],
                ["Saab", "SE", "Nils", "", ""],
            ],
        )
    found = [str(issue) for issue in raised.value.issues]
    assert found == [
        "row 3, Contact e-mail: “erik(at)e.example” in column “E-Mail” is not an e-mail address",
        "row 4, Contact e-mail: Nils has no e-mail address: add it in column “E-Mail”, or "
        "leave the contact person out",
    ]
    assert Participation.objects.count() == before
    assert not get_user_model().objects.filter(email="anna@nokia.example").exists()
    assert mail.outbox == []


def test_one_address_for_two_organizations_is_refused_naming_the_first_row(event, organizer):
    with pytest.raises(SpreadsheetImportError) as raised:
        _import(
            event,
            organizer,
            [
                ["Nokia", "FI", "Anna", "anna@example.org", ""],
                ["Ericsson", "SE", "Anna", "anna@example.org", ""],
            ],
        )
    [issue] = raised.value.issues
    assert issue.row == 3
    assert "contact of Nokia in row 2 already" in issue.message


def test_an_address_of_another_organizations_delegate_is_refused(event, organizer):
    teg = Participation.objects.get(event=event, code="tegnology")
    user = delegate(teg, "teg")
    user.email = "teg@example.org"
    user.save()
    with pytest.raises(SpreadsheetImportError) as raised:
        _import(event, organizer, [["Nokia", "FI", "Teg", "teg@example.org", ""]])
    assert "is a delegate of TEGnology already" in raised.value.issues[0].message
    assert mail.outbox == []


def test_the_upload_page_says_how_many_contacts_were_invited(client_for, event, organizer):
    client = client_for(organizer)
    upload = xlsx_bytes([HEADERS, ["Nokia", "FI", "Anna", "anna@nokia.example", ""]])
    response = client.post(
        reverse("orga:spreadsheet_upload", args=[event.pk]),
        {"file": SimpleUploadedFile("fair.xlsx", upload)},
    )
    mapping_page = response["Location"]
    form = client.get(mapping_page).context["form"]
    data = {name: field.initial or "" for name, field in form.fields.items()}
    data.update(form.initial)
    with TestCase.captureOnCommitCallbacks(execute=True):
        response = client.post(mapping_page, data, follow=True)
    assert "1 contact person was sent a link to choose a password." in response.content.decode()
    assert mail.outbox[0].to == ["anna@nokia.example"]
