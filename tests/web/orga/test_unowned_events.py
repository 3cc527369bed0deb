"""An event nobody organizes (``matchfair import`` without ``--organizer``) is no dead end.

Staff users find it on their home page and assign its first organizer on a page of
its own, which the audit trail records; opening its pages leads there instead of a 403.
"""

import pytest
from django.urls import reverse

from matchfair.web.access.domain.roles import RoleError, assign_first_organizer
from matchfair.web.audit.models import AuditEntry
from matchfair.web.exchange.to_database import import_event
from tests.web.documents import full_event
from tests.web.factories import make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def unowned():
    return import_event(full_event())


def test_a_staff_user_finds_the_event_on_the_home_page_with_a_link_to_assign(client_for, unowned):
    page = client_for(make_user("staff", staff=True)).get("/").content.decode()
    assert "Events without an organizer" in page
    assert reverse("orga:assign_organizer", args=[unowned.pk]) in page


def test_a_participant_account_is_not_shown_events_without_organizer(client_for, unowned):
    page = client_for(make_user("someone")).get("/").content.decode()
    assert "Events without an organizer" not in page


def test_a_staff_user_assigns_themselves_and_lands_on_the_dashboard(client_for, unowned):
    staff = make_user("staff", staff=True)
    client = client_for(staff)
    response = client.post(
        reverse("orga:assign_organizer", args=[unowned.pk]), {"username": "staff"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("orga:event", args=[unowned.pk])
    assert list(unowned.organizers.all()) == [staff]
    entry = AuditEntry.objects.get(action="role.organizer.assigned")
    assert entry.event_id == unowned.pk


def test_opening_the_event_leads_a_staff_user_to_the_assignment_not_a_403(client_for, unowned):
    client = client_for(make_user("staff", staff=True))
    for name in ("orga:event", "orga:organizations", "orga:event_settings"):
        response = client.get(reverse(name, args=[unowned.pk]))
        assert response.status_code == 302, name
        assert response["Location"] == reverse("orga:assign_organizer", args=[unowned.pk])


def test_an_unknown_or_participant_account_is_refused_on_the_form(client_for, unowned):
    client = client_for(make_user("staff", staff=True))
    make_user("delegate-ish")
    for name, words in (
        ("nobody", "There is no account nobody"),
        ("delegate-ish", "not an organizer"),
    ):
        response = client.post(
            reverse("orga:assign_organizer", args=[unowned.pk]), {"username": name}
        )
        assert response.status_code == 200
        assert words in response.content.decode()
    assert not unowned.organizers.exists()


def test_once_organized_the_page_is_closed_to_other_staff(client_for, unowned):
    first = make_user("first", staff=True)
    assign_first_organizer(event=unowned, username="first", by=first)
    other = make_user("other", staff=True)
    assert (
        client_for(other).get(reverse("orga:assign_organizer", args=[unowned.pk])).status_code
        == 403
    )
    assert client_for(other).get(reverse("orga:event", args=[unowned.pk])).status_code == 403
    with pytest.raises(RoleError):
        assign_first_organizer(event=unowned, username="other", by=other)


def test_a_non_staff_account_may_not_assign(client_for, unowned):
    someone = make_user("someone")
    assert (
        client_for(someone).get(reverse("orga:assign_organizer", args=[unowned.pk])).status_code
        == 403
    )
