"""Every portal page has its own title and a label for every form field."""

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from matchfair.web.notify.domain.portal_rules import rules_of


class _Fields(HTMLParser):
    """Collects the page title, the fields a person fills in, and the labels' targets."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.fields: list[str] = []
        self.labelled: set[str] = set()
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "label" and values.get("for"):
            self.labelled.add(values["for"] or "")
        elif tag in {"input", "select", "textarea"} and values.get("type") not in {
            "hidden",
            "submit",
        }:
            self.fields.append(values.get("id") or f"<{tag} name={values.get('name')}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data


def _check(html: str) -> _Fields:
    page = _Fields()
    page.feed(html)
    return page


@pytest.mark.parametrize(
    "name",
    ["profile", "new_opportunity", "catalog", "requests", "agenda", "team"],
)
def test_participant_pages(german_client, german, french, name):
    page = _check(german_client.get(reverse(f"portal:{name}", args=[german.pk])).content.decode())
    assert page.title.strip() not in {"", "Matchfair · Matchfair"}
    assert [field for field in page.fields if field not in page.labelled] == []


@pytest.mark.parametrize(
    "name", ["portal:settings", "portal:notifications", "portal:my_events", "portal:password_reset"]
)
def test_personal_pages(german_client, name):
    page = _check(german_client.get(reverse(name)).content.decode())
    assert page.title.strip() not in {"", "Matchfair · Matchfair"}
    assert [field for field in page.fields if field not in page.labelled] == []


def test_sign_up_and_partner_pages(client, german_client, german, french, fair):
    pages = [
        client.get(reverse("portal:join", args=[rules_of(fair).invitation_token])),
        german_client.get(reverse("portal:partner", args=[german.pk, french.pk])),
    ]
    for response in pages:
        page = _check(response.content.decode())
        assert page.title.strip() not in {"", "Matchfair · Matchfair"}
        assert [field for field in page.fields if field not in page.labelled] == []
