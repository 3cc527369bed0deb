"""Who is asking, as far as the server can tell: the client's network, for counting attempts."""

import ipaddress

from django.http import HttpRequest

# An IPv6 client usually holds a whole /64: counting single addresses would let it
# take a fresh one for every attempt.
IPV6_PREFIX = 64


def client_network(request: HttpRequest) -> str | None:
    """The peer's IPv4 address or IPv6 /64 (a reverse proxy must pass the real one as REMOTE_ADDR)."""
    raw = request.META.get("REMOTE_ADDR") or ""
    try:
        address = ipaddress.ip_address(raw)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.ip_network(f"{address}/{IPV6_PREFIX}", strict=False))
    return str(address)
