"""Who may reuse a directory entry, which entries are the same or look alike, and how an
import finds its organizations in the directory (``directory.domain.identity``)."""

import pytest
from django.contrib.auth.models import AnonymousUser

from matchfair.web.directory.domain.identity import (
    NOBODY,
    OPERATOR,
    events_of,
    find_or_create_organizations,
    may_reuse,
    possible_duplicates,
    same_organization,
    standing_of,
)
from matchfair.web.directory.models import Delegate, Organization
from matchfair.web.events.models import Event
from tests.web.factories import person

pytestmark = pytest.mark.django_db


def empty_event() -> Event:
    """The next edition, with nobody in it yet."""
    return Event.objects.create(code="next", name="Next edition", timezone="UTC")


def test_an_anonymous_visitor_answers_for_no_event():
    assert standing_of(AnonymousUser()) == NOBODY


def test_a_superuser_answers_for_every_event(db):
    admin = person("admin")
    admin.is_superuser = True
    admin.save()
    assert standing_of(admin) == OPERATOR


def test_an_organizer_answers_for_the_events_they_organize(organizer, event, other_event):
    assert standing_of(organizer).events == frozenset({event.pk})


def test_an_entry_is_reused_only_by_whoever_answers_for_all_its_events(
    organizer, stranger, event, other_event, entry
):
    shared = entry(event, "tegnology").organization
    assert events_of(shared) == {event.pk, other_event.pk}
    assert not may_reuse(shared, standing_of(organizer))
    assert not may_reuse(shared, standing_of(stranger))
    assert may_reuse(shared, OPERATOR)
    unused = Organization.objects.create(name="Nobody's Own", country="SE")
    assert may_reuse(unused, NOBODY)


def test_names_that_read_the_same_are_the_same_organization(event, entry):
    teg = entry(event, "tegnology").organization
    assert same_organization(" ＴＥＧnology  ", "DK", "company") == [teg]
    assert same_organization("TEGnology", "SE", "company") == []


def test_a_look_alike_name_is_flagged_both_ways(event, entry):
    teg = entry(event, "tegnology").organization
    fake = Organization.objects.create(name="ТЕGnology", country="DK", kind="company")
    found = possible_duplicates([teg, fake])
    assert [lookalike.pk for lookalike in found[teg.pk]] == [fake.pk]
    assert [lookalike.pk for lookalike in found[fake.pk]] == [teg.pk]


def test_an_import_reuses_an_entry_it_answers_for_that_has_no_delegates(event, entry):
    teg = entry(event, "tegnology").organization
    found = find_or_create_organizations(
        event=empty_event(), organizations=[(" ＴＥＧnology", "DK", "company")], standing=OPERATOR
    )
    assert found == [teg]


def test_an_import_makes_a_new_entry_for_one_already_in_the_event(event, entry):
    teg = entry(event, "tegnology").organization
    found = find_or_create_organizations(
        event=event, organizations=[("TEGnology", "DK", "company")], standing=OPERATOR
    )
    assert found[0].pk != teg.pk


def test_an_import_never_reuses_an_entry_with_delegates(event, entry):
    teg = entry(event, "tegnology").organization
    Delegate.objects.create(user=person("teg"), organization=teg)
    found = find_or_create_organizations(
        event=empty_event(), organizations=[("TEGnology", "DK", "company")], standing=OPERATOR
    )
    assert found[0].pk != teg.pk


def test_an_import_reuses_no_entry_of_an_event_the_importer_does_not_answer_for(event, entry):
    teg = entry(event, "tegnology").organization
    found = find_or_create_organizations(
        event=empty_event(), organizations=[("TEGnology", "DK", "company")], standing=NOBODY
    )
    assert found[0].pk != teg.pk
    assert found[0].name == "TEGnology"


def test_two_rows_of_one_name_stay_two_entries(db):
    event = empty_event()
    before = Organization.objects.count()
    found = find_or_create_organizations(
        event=event,
        organizations=[("Nordic  Heat", "NO", ""), ("nordic heat", "NO", "")],
        standing=OPERATOR,
    )
    assert found[0].pk != found[1].pk
    assert [o.name for o in found] == ["Nordic Heat", "nordic heat"]
    assert Organization.objects.count() == before + 2
