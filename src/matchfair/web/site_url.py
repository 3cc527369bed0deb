"""The address people use to reach the site, for links in e-mails sent from a request."""

from django.http import HttpRequest


def site_url(request: HttpRequest) -> str:
    """The site's root as the request reached it (scheme and host), ending in ``/``."""
    return request.build_absolute_uri("/")
