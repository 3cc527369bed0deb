"""meetings.domain.participation: editing what an organization brings, as its meetings allow."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.directory.models import Participation
from matchfair.web.meetings.domain.participation import (
    ParticipationRuleError,
    change_participation,
    shared_with_other_events,
)
from matchfair.web.meetings.models import Meeting
from tests.web.factories import World


def _fields(participation: Participation, **changes) -> dict[str, object]:
    organization = participation.organization
    values = {
        "name": organization.name,
        "country": organization.country,
        "kind": organization.kind,
        "code": participation.code,
        "group": participation.group or "",
        "attendance": participation.attendance,
        "delegates": participation.delegates,
        "languages": participation.languages,
        "nace": participation.nace,
        "sectors": participation.sectors,
        "description": participation.description or "",
    }
    return values | changes


def test_an_entry_shared_with_another_edition_keeps_its_name(world: World):
    assert shared_with_other_events(participation=world.smart_eye)
    with pytest.raises(ParticipationRuleError) as refused:
        change_participation(
            participation=world.smart_eye, **_fields(world.smart_eye, name="Smart Eyes AB")
        )
    assert "name" in refused.value.errors


def test_a_taken_id_is_refused_field_by_field(world: World):
    with pytest.raises(ParticipationRuleError) as refused:
        change_participation(
            participation=world.smart_eye, **_fields(world.smart_eye, code=world.tegnology.code)
        )
    assert list(refused.value.errors) == ["code"]


def test_attendance_cannot_change_under_a_published_meeting(world: World):
    other = "online" if world.tegnology.attendance != "online" else "onsite"
    with pytest.raises(ParticipationRuleError) as refused:
        change_participation(
            participation=world.tegnology, **_fields(world.tegnology, attendance=other)
        )
    assert "attendance" in refused.value.errors


def test_a_new_attendance_drops_the_drafts_and_is_audited(world: World):
    other = "online" if world.smart_eye.attendance != "online" else "onsite"
    dropped = change_participation(
        participation=world.smart_eye, **_fields(world.smart_eye, attendance=other)
    )
    assert dropped == 1
    assert not Meeting.objects.filter(pk=world.draft.pk).exists()
    entry = AuditEntry.objects.get(action="participation.changed")
    assert entry.summary.endswith("; 1 draft meeting removed")


def test_sections_and_keywords_are_stored_as_the_core_reads_them(world: World):
    change_participation(
        participation=world.smart_eye,
        **_fields(world.smart_eye, nace=["j", "M"], sectors=["Machine Vision", "machine-vision"]),
    )
    world.smart_eye.refresh_from_db()
    assert world.smart_eye.nace == ["J", "M"]
    assert world.smart_eye.sectors == ["machine-vision"]


def test_an_unknown_section_is_refused_on_its_field(world: World):
    with pytest.raises(ParticipationRuleError) as refused:
        change_participation(participation=world.smart_eye, **_fields(world.smart_eye, nace=["Z"]))
    assert list(refused.value.errors) == ["nace"]
    assert "'Z' is not a NACE Rev. 2 section" in refused.value.errors["nace"][0]
