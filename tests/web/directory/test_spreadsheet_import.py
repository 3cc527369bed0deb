"""Excel/CSV import: column guessing, every bad row reported by number and field, all or nothing."""

import pytest

from matchfair.web.directory.models import Opportunity, Participation
from matchfair.web.directory.spreadsheets.importing import SpreadsheetImportError
from matchfair.web.directory.spreadsheets.mapping import guess_mapping
from matchfair.web.directory.spreadsheets.reading import SpreadsheetError, read_table
from matchfair.web.exchange.spreadsheets import import_rows
from tests.web.factories import make_event, xlsx_bytes

pytestmark = pytest.mark.django_db

HEADERS = ["Organization", "Country", "Sectors", "Languages", "Offer or request", "Opportunity"]


def test_an_excel_sheet_adds_organizations_and_their_opportunities():
    event = make_event()
    table = read_table(
        "fair.xlsx",
        xlsx_bytes(
            [
                HEADERS,
                ["Nokia", "FI", "telecom; ai", "en, fi", "offer", "5G private networks"],
                ["Nokia", "FI", "telecom; ai", "en, fi", "request", "Smart port partners"],
                ["成都天府永兴实验室", "CN", "energy", "zh", "request", "碳中和技术合作"],
            ]
        ),
    )
    summary = import_rows(event, table, guess_mapping(table.headers))
    assert (summary.organizations, summary.opportunities) == (2, 3)
    nokia = Participation.objects.get(event=event, organization__name="Nokia")
    assert (nokia.sectors, nokia.languages) == (["telecom", "ai"], ["en", "fi"])
    assert list(nokia.opportunities.values_list("kind", flat=True)) == ["offer", "request"]
    chinese = Participation.objects.get(event=event, organization__name="成都天府永兴实验室")
    assert chinese.code == "成都天府永兴实验室"


def test_every_bad_row_is_reported_and_nothing_is_imported():
    event = make_event()
    before = (Participation.objects.count(), Opportunity.objects.count())
    table = read_table(
        "fair.csv",
        (
            b"Organization;Country;Languages;Offer or request;Opportunity\n"
            b"Good Oy;FI;fi;offer;Fine thing\n"
            b"Bad Country AB;XX;sv;offer;Something\n"
            b";SE;sv;offer;No name\n"
            b"Bad Kind AS;NO;no;swap;Odd kind\n"
        ),
    )
    with pytest.raises(SpreadsheetImportError) as raised:
        import_rows(event, table, guess_mapping(table.headers))
    found = [(issue.row, str(issue.field)) for issue in raised.value.issues]
    assert found == [
        (3, "Country (ISO code)"),
        (4, "Organization name"),
        (5, "Offer or request"),
    ]
    assert "'XX' is not an ISO 3166-1 code" in raised.value.issues[0].message
    assert (Participation.objects.count(), Opportunity.objects.count()) == before


def test_a_formula_is_refused_with_its_cell_not_evaluated():
    content = xlsx_bytes([["Organization", "Country"], ["Evil Corp", '=HYPERLINK("x")']])
    with pytest.raises(SpreadsheetError, match=r"evil\.xlsx: cell B2 holds a formula"):
        read_table("evil.xlsx", content)


def test_a_file_that_is_not_a_spreadsheet_is_a_clear_error():
    with pytest.raises(SpreadsheetError, match=r"notes\.xlsx: not a readable Excel"):
        read_table("notes.xlsx", b"plain text")
    with pytest.raises(SpreadsheetError, match=r"notes\.pdf: import an Excel"):
        read_table("notes.pdf", b"%PDF")


def test_an_organization_described_twice_differently_is_an_error_naming_both_rows():
    event = make_event()
    table = read_table("fair.csv", b"Organization,Country,Opportunity\nAcme,FI,One\nAcme,SE,Two\n")
    mapping = guess_mapping(table.headers)
    with pytest.raises(SpreadsheetImportError) as raised:
        import_rows(event, table, mapping)
    assert [str(issue) for issue in raised.value.issues] == [
        "row 3, Organization name: describes Acme differently from row 2"
    ]


def test_a_nace_column_files_organizations_and_opportunities_under_sections():
    event = make_event()
    table = read_table(
        "fair.csv",
        (
            "Organization;NACE;Sectors;Opportunity;Opportunity NACE\n"
            "Vety Oy;d, m;Hydrogen Storage;Electrolysers;C\n"
            "成都能源;D、C;氢能;储氢合作;\n"
        ).encode(),
    )
    import_rows(event, table, guess_mapping(table.headers))
    vety = Participation.objects.get(event=event, organization__name="Vety Oy")
    assert (vety.nace, vety.sectors) == (["D", "M"], ["hydrogen-storage"])
    assert vety.opportunities.get().nace == ["C"]
    assert Participation.objects.get(event=event, organization__name="成都能源").nace == ["D", "C"]


def test_an_unknown_section_is_reported_with_its_row_and_column():
    event = make_event()
    table = read_table(
        "fair.csv",
        b"Organization;NACE;Opportunity;Opportunity NACE\n"
        b"Good Oy;J;Apps;J\nBad AB;Energy;Grid;D\nGood Oy;J;Games;Z\n",
    )
    with pytest.raises(SpreadsheetImportError) as raised:
        import_rows(event, table, guess_mapping(table.headers))
    assert [(issue.row, str(issue.field)) for issue in raised.value.issues] == [
        (3, "NACE sections (letters A to U)"),
        (4, "Opportunity NACE sections"),
    ]
    assert "'Energy' is not a NACE Rev. 2 section" in raised.value.issues[0].message
    assert not Participation.objects.filter(event=event, organization__name="Good Oy").exists()
