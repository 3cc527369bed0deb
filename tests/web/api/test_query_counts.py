"""The API endpoints of the load benchmark run a fixed number of queries.

`bench/web_load.py` has 200 participants list their meetings and the catalog and send
requests through the API. Each query is a round trip to PostgreSQL during which the
request holds a server thread; the counts are pinned so that a new one is a decision
made here, and so that a query per row (N+1) fails.
"""

from tests.web.factories import World

# Session, user, event, organizer check, own participation, the count, the page.
MEETINGS_QUERIES = 7
# Session, user, event, organizer check, own participation, the partners whose contacts
# may be shown, the access log's entry (the answer carries contacts), the count, the
# page, the delegates of the page's organizations.
ORGANIZATIONS_QUERIES = 10


def test_a_participant_lists_its_meetings_in_a_fixed_number_of_queries(
    client_for, world: World, django_assert_num_queries
):
    client = client_for(world.teg_user)
    with django_assert_num_queries(MEETINGS_QUERIES):
        response = client.get(f"/api/events/{world.event.pk}/meetings")
    assert response.status_code == 200
    assert response.json()["count"] == 1


def test_the_catalog_through_the_api_costs_the_same_queries_for_one_or_three_rows(
    client_for, world: World, django_assert_num_queries
):
    client = client_for(world.teg_user)
    for limit in (1, 3):
        with django_assert_num_queries(ORGANIZATIONS_QUERIES):
            response = client.get(f"/api/events/{world.event.pk}/organizations?limit={limit}")
        assert len(response.json()["items"]) == limit
