"""Merging two directory entries of one organization (``directory.domain.merging``): only by
someone who answers for every event of both, never two entries of one event, and each
event involved keeps an audit entry of it."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.domain.merging import MergeError, may_merge, merge_entries
from matchfair.web.directory.models import Delegate, Organization, Participation
from matchfair.web.events.models import Event
from tests.web.factories import delegate

pytestmark = pytest.mark.django_db


@pytest.fixture
def next_edition(organizer) -> Event:
    event = Event.objects.create(code="next", name="Next edition", timezone="UTC")
    event.organizers.add(organizer)
    return event


@pytest.fixture
def duplicate(next_edition) -> Organization:
    """A separate entry of TEGnology in the next edition, with a delegate of its own."""
    separate = Organization.objects.create(name="TEGnology", country="DK", kind="company")
    participation = Participation.objects.create(
        event=next_edition, organization=separate, code="tegnology"
    )
    delegate(participation, "karin")
    return separate


def test_an_organizer_of_both_events_merges_the_duplicate_into_the_entry_that_stays(
    organizer, event, next_edition, duplicate, entry
):
    into = entry(event, "tegnology").organization
    assert may_merge(duplicate=duplicate, into=into, by=organizer)
    merge_entries(duplicate=duplicate, into=into, by=organizer)
    assert not Organization.objects.filter(pk=duplicate.pk).exists()
    assert entry(next_edition, "tegnology").organization == into
    assert Delegate.objects.get(user__username="karin").organization == into
    merged = AuditEntry.objects.filter(
        action="organization.merged", subject=f"organization:{into.pk}"
    )
    assert {entry.event_id for entry in merged} == {event.pk, next_edition.pk}
    assert "TEGnology (DK) → TEGnology (DK)" in merged[0].summary


def test_an_organizer_of_one_of_the_events_only_may_not_merge(stranger, event, duplicate, entry):
    into = entry(event, "tegnology").organization
    assert not may_merge(duplicate=duplicate, into=into, by=stranger)
    with pytest.raises(MergeError):
        merge_entries(duplicate=duplicate, into=into, by=stranger)
    assert Organization.objects.filter(pk=duplicate.pk).exists()
    assert not AuditEntry.objects.filter(action="organization.merged").exists()


def test_two_entries_of_one_event_are_never_merged(organizer, event, entry):
    teg = entry(event, "tegnology").organization
    smart_eye = entry(event, "smart-eye").organization
    assert not may_merge(duplicate=smart_eye, into=teg, by=organizer)
    with pytest.raises(MergeError):
        merge_entries(duplicate=smart_eye, into=teg, by=organizer)
    assert entry(event, "smart-eye").organization == smart_eye


def test_an_entry_is_not_merged_into_itself(organizer, event, entry):
    teg = entry(event, "tegnology").organization
    with pytest.raises(MergeError):
        merge_entries(duplicate=teg, into=teg, by=organizer)
    assert Organization.objects.filter(pk=teg.pk).exists()
