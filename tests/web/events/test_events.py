"""events.domain.events: creating an edition in its series and changing its settings."""

from matchfair.web.events.domain.events import create_event, update_event
from matchfair.web.events.models import Series
from tests.web.factories import make_user


def test_a_new_event_gets_its_organizer_a_code_from_its_name_and_its_series(db):
    organizer = make_user("organizer", staff=True)
    event = create_event(
        name="Nordic Fair 2026",
        code="",
        timezone="Europe/Copenhagen",
        organizer=organizer,
        series_name="Nordic Fair",
    )
    assert event.code == "nordic-fair-2026"
    assert event.series.name == "Nordic Fair"
    assert list(event.organizers.all()) == [organizer]


def test_two_editions_of_one_series_share_it(db):
    organizer = make_user("organizer", staff=True)
    first = create_event(
        name="2025", code="", timezone="UTC", organizer=organizer, series_name="Fair"
    )
    second = create_event(
        name="2026", code="", timezone="UTC", organizer=organizer, series_name="Fair"
    )
    assert first.series == second.series
    assert Series.objects.count() == 1


def test_an_update_keeps_the_code_when_none_is_given_and_may_leave_the_series(db):
    organizer = make_user("organizer", staff=True)
    event = create_event(
        name="Fair", code="fair", timezone="UTC", organizer=organizer, series_name="Fairs"
    )
    update_event(event=event, name="Fair 2", code="", timezone="Asia/Shanghai", tables=3)
    event.refresh_from_db()
    assert (event.name, event.code, event.timezone, event.tables) == (
        "Fair 2",
        "fair",
        "Asia/Shanghai",
        3,
    )
    assert event.series is None
