"""A person's own data through the API: the same document as the settings page's download."""

from typing import Any

from django.http import HttpRequest
from ninja import Router

from matchfair.web.api.errors import ERROR_CODES, ErrorBody
from matchfair.web.exports.personal_data import export_personal_data

router = Router(tags=["personal data"])


@router.get(
    "/me/personal-data",
    response={200: dict[str, Any], ERROR_CODES: ErrorBody},
    summary="Everything held about the caller (matchfair-personal-data/1)",
)
def my_personal_data(request: HttpRequest) -> dict[str, Any]:
    """The caller's account, own rows and their organization's participations; logged as read."""
    return export_personal_data(user=request.auth, way="api")
