"""The catalog and agenda pages run a fixed number of queries, however much they show.

The load benchmark (bench/web_load.py) has 200 participants open these pages: a query
per organization, opportunity or meeting (an N+1) would multiply their cost by the
size of the event. The counts are pinned exactly, so that a new query on these pages
is a decision made in this file, not an accident.
"""

from datetime import datetime, timedelta

import pytest
from django.db.models.signals import post_init
from django.urls import reverse

from matchfair.web.directory.models import Participation
from matchfair.web.eventday.domain.badges import refresh_badges
from matchfair.web.eventday.domain.waitlists import sign_up
from matchfair.web.events.domain.programme import add_agenda_item
from matchfair.web.events.models import Session
from matchfair.web.meetings.domain.publishing import publish_schedule
from matchfair.web.meetings.models import Meeting, Recommendation
from matchfair.web.notify.domain.participants import save_opportunity
from tests.web import factories

# Session, user, participation (with event and organization), delegate, personal settings,
# the page's count, its participants, their opportunities, the countries and the sectors
# of the filters, unread notifications, recommendations (with their partners), unread
# messages (the menu).
CATALOG_QUERIES = 13
# Session, user, participation, delegate, personal settings, meetings (with partners and
# interpreters), the items signed up for, their ids for the buttons, unread notifications,
# the programme with its places taken and waiting, the event's waitlists (for the
# positions), the accepted requests left off the agenda (two more when there are any:
# the pairs met and the run's reasons), the meetings still to cancel and the cancellations,
# the day rules (whether Meet now is offered), today's meetings for the live block (two
# more on a day with meetings: their presences and the day's rules), the reader's own
# badge for its QR code (made on the first visit when the organizer has not made the
# badges yet: a few more, once), unread messages (the menu), whether a session is left
# today (Meet now).
AGENDA_QUERIES = 19


def _more_participants(fair, count: int) -> list:
    """``count`` organizations with two opportunities each, as the sign-up pages make them."""
    made = []
    for number in range(count):
        other = factories.participant(
            fair, name=f"Partner {number}", country="JP", email=f"p{number}@partner.example"
        )
        for kind in ("offer", "request"):
            save_opportunity(
                participation=other,
                opportunity=None,
                kind=kind,
                type="technology",
                title=f"{kind} {number}",
                description="",
                sectors=[f"sector-{number}"],
            )
        made.append(other)
    return made


def test_the_catalog_page_costs_the_same_queries_for_two_or_twelve_participants(
    german_client, german, french, fair, django_assert_num_queries
):
    page = reverse("portal:catalog", args=[german.pk])
    Recommendation.objects.create(
        event=fair, participation=german, partner=french, score=0.8, reasons=["energy"]
    )
    with django_assert_num_queries(CATALOG_QUERIES):
        assert german_client.get(page).status_code == 200
    for partner in _more_participants(fair, 10):
        Recommendation.objects.create(
            event=fair, participation=german, partner=partner, score=0.5, reasons=["sector"]
        )
    with django_assert_num_queries(CATALOG_QUERIES):
        response = german_client.get(page)
    assert len(response.context["entries"]) == 12
    assert len(response.context["recommendations"]) == 11


def test_the_catalog_reads_one_page_of_participants_not_the_whole_event(
    german_client, german, fair, monkeypatch
):
    monkeypatch.setattr("matchfair.web.portal.views.catalog.PAGE_SIZE", 5)
    _more_participants(fair, 10)
    read = []

    def count(sender, instance, **kwargs) -> None:
        read.append(instance)

    post_init.connect(count, sender=Participation)
    try:
        response = german_client.get(reverse("portal:catalog", args=[german.pk]), {"page": "3"})
    finally:
        post_init.disconnect(count, sender=Participation)
    names = [entry.participation.organization.name for entry in response.context["entries"]]
    assert names == ["Sonnenwerk GmbH"]
    assert response.context["count"] == 11
    assert "page 3 of 3" in response.content.decode()
    # The page's own participation (for the access check) and the one participant shown.
    assert len(read) == 2


@pytest.mark.parametrize("meetings", [1, 4])
def test_the_agenda_page_costs_the_same_queries_for_one_or_many_meetings(
    german_client, german, fair, meetings, django_assert_num_queries
):
    session = Session.objects.get(event=fair)
    for number, partner in enumerate(_more_participants(fair, meetings)):
        start = session.start + timedelta(minutes=30 * number)
        Meeting.objects.create(
            event=fair,
            a=german,
            b=partner,
            session=session,
            start=start,
            end=start + timedelta(minutes=30),
            location=f"table-{number + 1}",
        )
        item = add_agenda_item(
            event=fair,
            kind="talk",
            title=f"Talk {number}",
            start=datetime(2026, 12, 2, 9 + number, 0, tzinfo=factories.BERLIN),
            end=datetime(2026, 12, 2, 9 + number, 45, tzinfo=factories.BERLIN),
        )
        sign_up(item=item, participation=german)
    publish_schedule(event=fair)
    refresh_badges(event=fair)
    with django_assert_num_queries(AGENDA_QUERIES):
        response = german_client.get(reverse("portal:agenda", args=[german.pk]))
    assert len(response.context["entries"]) == 2 * meetings
