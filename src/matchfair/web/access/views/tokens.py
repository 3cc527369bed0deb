"""The organizer's API tokens: the list with last use, a new token shown once, revocation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from matchfair.web.access.forms import TokenForm
from matchfair.web.accounts.rules import can_create_events
from matchfair.web.api.domain.tokens import create_token, withdraw_token
from matchfair.web.api.models import ApiToken


def _require_organizer_account(request: HttpRequest) -> None:
    if not can_create_events(request.user):
        raise PermissionDenied


@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    """Lists the user's tokens; a POST makes one and shows it in full on this answer only."""
    _require_organizer_account(request)
    form = TokenForm(request.POST or None)
    issued = None
    if request.method == "POST" and form.is_valid():
        issued = create_token(user=request.user, name=form.cleaned_data["name"])
        form = TokenForm()
    response = render(
        request,
        "access/tokens.html",
        {
            "form": form,
            "issued": issued,
            "tokens": ApiToken.objects.filter(user=request.user),
        },
    )
    add_never_cache_headers(response)
    return response


@login_required
@require_POST
def revoke(request: HttpRequest, token_id: int) -> HttpResponse:
    _require_organizer_account(request)
    token = get_object_or_404(ApiToken, pk=token_id, user=request.user)
    withdraw_token(token=token)
    messages.success(request, _("The token “%(name)s” is revoked.") % {"name": token.name})
    return redirect("tokens:tokens")
