"""Interpreters' rules for every way in: the core's id and language rules, unique ids,
windows on the event's sessions, published meetings kept working, drafts unassigned."""

import pytest

from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.models import Interpreter
from matchfair.web.meetings.domain.interpreters import (
    InterpreterRuleError,
    add_interpreter,
    change_interpreter,
    delete_interpreter,
)
from matchfair.web.meetings.models import Meeting
from tests.web.factories import World

pytestmark = pytest.mark.django_db
DAY2 = [{"start": "2024-11-19T09:00:00+08:00", "end": "2024-11-19T10:00:00+08:00"}]


def interp(world: World) -> Interpreter:
    return Interpreter.objects.get(event=world.event, code="interp-1")


def test_an_interpreter_is_added_with_the_cores_language_codes_and_audited(world: World):
    added = add_interpreter(
        event=world.event, code="interp-2", languages=["zh", "da"], availability=DAY2
    )
    stored = Interpreter.objects.get(pk=added.pk)
    assert (stored.languages, stored.availability) == (["zh", "da"], DAY2)
    assert AuditEntry.objects.filter(action="interpreter.added").count() == 1


@pytest.mark.parametrize(
    ("code", "languages", "availability", "fields"),
    [
        ("interp-1", ["zh", "en"], None, {"code"}),
        ("", ["zh", "en"], None, {"code"}),
        ("interp-2", ["zh"], None, {"languages"}),
        ("interp-2", ["zh", "dk"], None, {"languages"}),
        (
            "interp-2",
            ["zh", "en"],
            [{"start": "2024-11-20T09:00:00+08:00", "end": "2024-11-20T10:00:00+08:00"}],
            {"availability"},
        ),
    ],
)
def test_a_bad_interpreter_is_refused_naming_the_field(
    world: World, code, languages, availability, fields
):
    with pytest.raises(InterpreterRuleError) as raised:
        add_interpreter(
            event=world.event, code=code, languages=languages, availability=availability
        )
    assert set(raised.value.errors) == fields
    assert Interpreter.objects.filter(event=world.event).count() == 1


def test_a_change_that_breaks_a_published_meeting_names_it(world: World):
    with pytest.raises(InterpreterRuleError) as raised:
        change_interpreter(
            interpreter=interp(world), code="interp-1", languages=["de", "fr"], availability=DAY2
        )
    errors = raised.value.errors
    assert errors["languages"] == [
        "The published meeting TEGnology – 清华四川能源互联网研究院 needs a language of each side."
    ]
    assert "lies outside these times" in errors["availability"][0]
    assert interp(world).languages == ["zh", "en"]


def test_a_change_unassigns_the_drafts_it_no_longer_fits(world: World):
    Meeting.objects.filter(pk=world.published.pk).update(published=False)
    dropped = change_interpreter(
        interpreter=interp(world), code="zh-en", languages=["zh", "en"], availability=DAY2
    )
    assert dropped == 1
    assert Meeting.objects.get(pk=world.published.pk).interpreter is None
    assert interp_code(world) == ["zh-en"]


def interp_code(world: World) -> list[str]:
    return list(Interpreter.objects.filter(event=world.event).values_list("code", flat=True))


def test_deleting_an_interpreter_of_a_published_meeting_is_refused_by_name(world: World):
    with pytest.raises(InterpreterRuleError) as raised:
        delete_interpreter(interpreter=interp(world))
    assert "TEGnology – 清华四川能源互联网研究院" in str(raised.value)
    assert interp_code(world) == ["interp-1"]


def test_deleting_one_with_drafts_only_leaves_them_without_interpreter(world: World):
    Meeting.objects.filter(pk=world.published.pk).update(published=False)
    assert delete_interpreter(interpreter=interp(world)) == 1
    assert interp_code(world) == []
    assert Meeting.objects.get(pk=world.published.pk).interpreter is None
