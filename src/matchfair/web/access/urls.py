"""An organizer's API tokens (/tokens/): the pages of their own account that integrators need."""

from django.urls import path

from matchfair.web.access.views import tokens

app_name = "tokens"

urlpatterns = [
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.revoke, name="revoke"),
]
