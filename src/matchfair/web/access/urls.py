"""The organizer's API tokens (/tokens/) and an event's people and roles (/events/ID/people/)."""

from django.urls import path

from matchfair.web.access.views import people, tokens

urlpatterns = [
    path("tokens/", tokens.tokens, name="api_tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.revoke, name="revoke_api_token"),
    path("events/<int:event_id>/people/", people.people, name="event_people"),
    path(
        "events/<int:event_id>/people/<int:user_id>/withdraw/",
        people.withdraw,
        name="withdraw_role",
    ),
]
