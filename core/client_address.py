"""The client's address, as far as the portal can trust it.

``REMOTE_ADDR`` is the address that opened the connection: with no proxy in front, the
client's. Behind proxies, each trusted proxy appends the address it received the request
from to ``X-Forwarded-For``; whatever stands further left was written by the client and
proves nothing. So with ``TRUSTED_PROXY_COUNT = N`` the client is the entry N hops from
the right of the header (the one the outermost trusted proxy wrote), and with 0 (the
default) the header is ignored.

Used by the scan rate limits (``scans/throttle.py``) and the login lockout
(``AXES_CLIENT_IP_CALLABLE``).
"""

import ipaddress

from django.conf import settings


def _valid(candidate: str) -> str | None:
    """The address in its canonical spelling, or None when it is not an IP address."""
    try:
        return str(ipaddress.ip_address(candidate.strip()))
    except ValueError:
        return None


def client_address(request) -> str | None:
    """The client's IP address, or None when the request carries no usable one.

    ``TRUSTED_PROXY_COUNT`` proxies in front: the address that many hops from the right
    of ``X-Forwarded-For``; ``REMOTE_ADDR`` when there are none, when the header has fewer
    entries (the request did not come through them all) or when that entry is not an
    address.
    """
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    hops = settings.TRUSTED_PROXY_COUNT
    if hops <= 0:
        return remote
    entries = [entry for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(entries) < hops:
        return remote
    return _valid(entries[-hops]) or remote
