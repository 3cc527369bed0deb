"""An organizer's API tokens (/tokens/): the pages of their own account that integrators need.

Apart from ``api.urls`` because the ninja API already holds the namespace ``api``;
these pages keep the namespace ``tokens``.
"""

from django.urls import path

from matchfair.web.api.views import tokens

app_name = "tokens"

urlpatterns = [
    path("tokens/", tokens.tokens, name="tokens"),
    path("tokens/<int:token_id>/revoke/", tokens.revoke, name="revoke"),
]
