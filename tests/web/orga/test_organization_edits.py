"""Editing an organization of the event and taking it out: other events and outcomes stay intact."""

import pytest
from django.urls import reverse

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.forms import ParticipationForm
from matchfair.web.directory.models import Organization, Participation
from matchfair.web.meetings.models import Meeting, MeetingRequest
from tests.web.factories import World

pytestmark = pytest.mark.django_db


def form(participation: Participation, **changes) -> dict[str, object]:
    """What the edit page posts: its prefilled values, with ``changes`` typed over them."""
    return ParticipationForm.initial_of(participation) | changes


def only_here(world: World, name: str) -> Participation:
    """An organization that takes part in this event and no other."""
    organization = Organization.objects.create(name=name, country="SE", kind="company")
    return Participation.objects.create(event=world.event, organization=organization, code="solo")


def test_an_organization_of_this_event_only_is_edited_and_audited(client_for, world: World):
    solo = only_here(world, "Konfidence")
    url = reverse("orga:edit_organization", args=[world.event.pk, solo.pk])
    response = client_for(world.organizer).post(
        url,
        form(
            solo, name="Konfidence AB", languages="SV, en", sectors="security; ai", group="nordic"
        ),
    )
    assert response.status_code == 302
    solo.refresh_from_db()
    assert solo.organization.name == "Konfidence AB"
    assert (solo.languages, solo.sectors, solo.group) == (
        ["sv", "en"],
        ["security", "ai"],
        "nordic",
    )
    entry = AuditEntry.objects.get(event=world.event, action="participation.changed")
    assert entry.summary == "Konfidence (solo) → Konfidence AB (solo)"


def test_an_organization_shared_with_another_event_keeps_its_name(client_for, world: World):
    # Both test events import Smart Eye: its directory entry belongs to both.
    url = reverse("orga:edit_organization", args=[world.event.pk, world.smart_eye.pk])
    client = client_for(world.organizer)
    assert "also takes part in other events" in client.get(url).content.decode()
    client.post(url, form(world.smart_eye, name="Renamed by another organizer", group="x"))
    world.smart_eye.refresh_from_db()
    assert world.smart_eye.organization.name == "Smart Eye"
    assert world.smart_eye.group == "x"


def test_bad_codes_are_named_on_their_fields_and_nothing_is_saved(client_for, world: World):
    url = reverse("orga:edit_organization", args=[world.event.pk, world.smart_eye.pk])
    page = client_for(world.organizer).post(
        url, form(world.smart_eye, languages="en, xx", code="tegnology")
    )
    assert "&#x27;xx&#x27; is not an ISO 639-1 code" in page.content.decode()
    world.smart_eye.refresh_from_db()
    assert world.smart_eye.code == "smart-eye"
    page = client_for(world.organizer).post(url, form(world.smart_eye, code="tegnology"))
    assert "Another organization of this event has the id" in page.content.decode()
    world.smart_eye.refresh_from_db()
    assert world.smart_eye.code == "smart-eye"


def test_a_country_the_core_refuses_is_named_on_its_field(client_for, world: World):
    solo = only_here(world, "Konfidence")
    url = reverse("orga:edit_organization", args=[world.event.pk, solo.pk])
    page = client_for(world.organizer).post(url, form(solo, country="UK"))
    assert "&#x27;UK&#x27; is not an ISO 3166-1 code" in page.content.decode()
    solo.organization.refresh_from_db()
    assert solo.organization.country == "SE"


def test_attendance_cannot_change_under_a_published_meeting(client_for, world: World):
    url = reverse("orga:edit_organization", args=[world.event.pk, world.tegnology.pk])
    page = client_for(world.organizer).post(url, form(world.tegnology, attendance="online"))
    assert "1 published meeting: its attendance cannot change" in page.content.decode()
    world.tegnology.refresh_from_db()
    assert world.tegnology.attendance == "onsite"


def test_a_new_attendance_drops_the_organizations_drafts(client_for, world: World):
    url = reverse("orga:edit_organization", args=[world.event.pk, world.smart_eye.pk])
    client_for(world.organizer).post(url, form(world.smart_eye, attendance="onsite"))
    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
    assert Meeting.objects.filter(pk=world.published.pk).exists()


def test_an_organization_with_a_published_meeting_is_not_removed(client_for, world: World):
    client = client_for(world.organizer)
    url = reverse("orga:remove_organization", args=[world.event.pk, world.tegnology.pk])
    assert "It has 1 published meeting." in client.get(url).content.decode()
    client.post(url)
    assert Participation.objects.filter(pk=world.tegnology.pk).exists()


def test_removing_asks_first_then_takes_the_organization_out_of_this_event_only(
    client_for, world: World
):
    client = client_for(world.organizer)
    url = reverse("orga:remove_organization", args=[world.event.pk, world.smart_eye.pk])
    page = client.get(url).content.decode()
    assert "1 meeting request, 1 draft meeting" in page
    assert Participation.objects.filter(pk=world.smart_eye.pk).exists()
    assert client.post(url).status_code == 302
    assert not Participation.objects.filter(pk=world.smart_eye.pk).exists()
    assert not MeetingRequest.objects.filter(event=world.event, requester__code="smart-eye")
    assert Participation.objects.filter(event=world.other_event, code="smart-eye").exists()
    assert world.smart_eye_user.delegate.organization.name == "Smart Eye"
    assert AuditEntry.objects.filter(event=world.event, action="participation.removed").exists()


def test_another_events_organizer_cannot_edit_or_remove_this_events_organization(
    client_for, world: World
):
    client = client_for(world.other_organizer)
    edit = reverse("orga:edit_organization", args=[world.event.pk, world.smart_eye.pk])
    remove = reverse("orga:remove_organization", args=[world.event.pk, world.smart_eye.pk])
    assert client.post(edit, form(world.smart_eye, group="mine")).status_code == 403
    assert client.post(remove).status_code == 403
    own = reverse("orga:remove_organization", args=[world.other_event.pk, world.smart_eye.pk])
    assert client.post(own).status_code == 404
    world.smart_eye.refresh_from_db()
    assert world.smart_eye.group is None
    assert not AuditEntry.objects.filter(action__startswith="participation.").exists()


def test_names_are_escaped_on_the_edit_and_remove_pages(client_for, world: World):
    solo = only_here(world, "<script>alert(1)</script>")
    client = client_for(world.organizer)
    for name in ("orga:edit_organization", "orga:remove_organization"):
        page = client.get(reverse(name, args=[world.event.pk, solo.pk])).content.decode()
        assert "<script>alert(1)</script>" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_sections_are_ticked_and_an_unknown_one_is_refused(client_for, world: World):
    solo = only_here(world, "Konfidence")
    url = reverse("orga:edit_organization", args=[world.event.pk, solo.pk])
    client = client_for(world.organizer)
    assert client.post(url, form(solo, nace=["J", "M"])).status_code == 302
    solo.refresh_from_db()
    assert solo.nace == ["J", "M"]
    page = client.post(url, form(solo, nace=["J", "Z"]))
    assert page.status_code == 200
    assert "nace" in page.context["form"].errors
    solo.refresh_from_db()
    assert solo.nace == ["J", "M"]
