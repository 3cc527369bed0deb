"""events.domain.slugs: every event has its own slug, from its file, its name or its organizer."""

import pytest
from django.db import transaction
from django.urls import reverse

from matchfair.web.audit.models import AuditEntry
from matchfair.web.events.domain.events import create_event, update_event
from matchfair.web.events.domain.slugs import SlugTakenError, event_by_slug_or_number
from matchfair.web.events.models import Event
from matchfair.web.exchange.to_database import import_event
from tests.web.documents import full_event
from tests.web.factories import make_user

pytestmark = pytest.mark.django_db


def _event(name: str, code: str = ""):
    organizer = make_user(f"organizer-{Event.objects.count()}", staff=True)
    return create_event(name=name, code=code, timezone="UTC", organizer=organizer)


def test_events_created_with_the_same_name_get_different_slugs():
    assert [_event("Nordic Fair").code, _event("Nordic Fair").code] == [
        "nordic-fair",
        "nordic-fair-2",
    ]


def test_a_name_with_no_latin_letters_still_gives_a_slug():
    assert _event("成都欧洲产业对话").code == "event"


def test_a_typed_slug_another_event_has_is_refused_naming_a_free_one():
    _event("First", "fair")
    with pytest.raises(SlugTakenError, match="try “fair-2”"):
        _event("Second", "fair")


def test_a_second_import_of_one_file_gets_the_next_free_slug():
    assert [import_event(full_event()).code, import_event(full_event()).code] == [
        "nordic-2024",
        "nordic-2024-2",
    ]


def test_changing_the_slug_is_refused_when_taken_and_audited_when_done():
    taken = _event("Taken", "taken")
    event = _event("Mine", "mine")
    with pytest.raises(SlugTakenError):
        update_event(event=event, name="Mine", code=taken.code, timezone="UTC")
    event.refresh_from_db()
    assert event.code == "mine"

    update_event(event=event, name="Mine", code="mine-2026", timezone="UTC")

    entry = AuditEntry.objects.get(action="event.slug_changed")
    assert entry.detail == {"old": "mine", "new": "mine-2026"}


def test_keeping_ones_own_slug_is_no_change():
    event = _event("Mine", "mine")
    update_event(event=event, name="Mine again", code="mine", timezone="UTC")
    assert not AuditEntry.objects.filter(action="event.slug_changed").exists()


def test_the_command_line_finds_an_event_by_slug_or_by_number():
    event = _event("Mine", "mine")
    assert event_by_slug_or_number("mine") == event
    assert event_by_slug_or_number(str(event.pk)) == event
    assert event_by_slug_or_number("other") is None


def test_the_settings_page_shows_a_taken_slug_on_its_field(client_for):
    taken = _event("Taken", "taken")
    event = _event("Mine", "mine")
    organizer = event.organizers.get()
    response = client_for(organizer).post(
        reverse("orga:event_settings", args=[event.pk]),
        {"name": "Mine", "code": taken.code, "timezone": "UTC"},
    )
    assert response.status_code == 200
    assert "belongs to another event" in response.content.decode()
    event.refresh_from_db()
    assert event.code == "mine"


def test_the_new_event_page_refuses_a_taken_slug(client_for):
    taken = _event("Taken", "taken")
    creator = make_user("creator", staff=True)
    response = client_for(creator).post(
        reverse("orga:new_event"), {"name": "Other", "code": taken.code, "timezone": "UTC"}
    )
    assert response.status_code == 200
    assert "belongs to another event" in response.content.decode()


def test_the_dashboard_shows_the_slug_the_command_line_takes(client_for):
    event = _event("Mine", "mine-2026")
    page = client_for(event.organizers.get()).get(reverse("orga:event", args=[event.pk]))
    assert "<code>mine-2026</code>" in page.content.decode()


def test_a_slug_taken_between_look_up_and_insert_moves_on_to_the_next(monkeypatch):
    from matchfair.web.events.domain import slugs

    _event("Fair", "fair")
    real = slugs.free_code
    answers = iter(["fair"])  # a concurrent creation took "fair" after the look-up

    def racing(base, **kwargs):
        return next(answers, None) or real(base, **kwargs)

    monkeypatch.setattr(slugs, "free_code", racing)
    assert _event("Fair").code == "fair-2"


def test_a_typed_slug_taken_by_a_concurrent_creation_is_refused_on_its_field(monkeypatch):
    from matchfair.web.events.domain import slugs

    _event("Fair", "fair")
    monkeypatch.setattr(slugs, "check_slug_free", lambda slug, **kwargs: None)
    with pytest.raises(SlugTakenError), transaction.atomic():
        _event("Other", "fair")
