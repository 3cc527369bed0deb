"""PDF agendas and table plans: Chinese, Japanese and European names come out as text."""

import io

import pytest
from django.urls import reverse
from pypdf import PdfReader

from matchfair.web.directory.models import Organization
from matchfair.web.exports.scripts import script_language

pytestmark = pytest.mark.django_db


def _text(content: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)


def test_names_are_tagged_by_script():
    assert script_language("清华四川能源互联网研究院") == "zh"
    assert script_language("トヨタ自動車株式会社") == "ja"
    assert script_language("삼성전자") == "ko"
    assert script_language("Smørrebrød Æblegrød ApS") == ""


def test_an_organizations_agenda_prints_its_partner_in_chinese(organizer_client, event):
    tegnology = event.participations.get(code="tegnology")
    response = organizer_client.get(reverse("portal:organization_agenda_pdf", args=[tegnology.pk]))
    assert response["Content-Type"] == "application/pdf"
    text = _text(response.content)
    assert "TEGnology" in text
    assert "清华四川能源互联网研究院" in text


def test_the_table_plan_prints_japanese_and_nordic_names(organizer_client, event):
    Organization.objects.filter(name="TEGnology").update(name="Ærø Energi – トヨタ")
    response = organizer_client.get(reverse("orga:export_tables", args=[event.pk]))
    text = _text(response.content)
    assert "table-1" in text
    assert "Ærø Energi – トヨタ" in text
    assert "清华四川能源互联网研究院" in text
