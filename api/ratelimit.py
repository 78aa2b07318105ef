"""Requests per client address, and per API token, in fixed windows kept in the shared cache.

The same machinery as the scan limits (``scans/throttle.py``): the rate is written as there
(``120/m``, ``1000/5m``), the client is ``core.client_address`` (``TRUSTED_PROXY_COUNT``: a client
cannot dodge the limit by writing ``X-Forwarded-For``), the counter's key is a keyed hash (no
address is stored) and lives one window. A request with a valid ``Authorization: Bearer`` token
(Wagtail's ``APIToken``) is counted per token, at ``API_TOKEN_RATE_LIMIT``; an unknown or revoked
token is a 401. While the cache is down the limits fail open: the API answers rather than refuse
everyone because a cache is missing.
"""

import hashlib
import hmac
import time
from dataclasses import dataclass

from django.conf import settings
from wagtail.models import APIToken

from core import cache as shared_cache
from core.client_address import client_address
from scans.throttle import parse_rate

from .errors import ApiError


@dataclass(frozen=True)
class Verdict:
    allowed: bool
    retry_after: int = 0


def bearer_token(request) -> str | None:
    header = request.META.get("HTTP_AUTHORIZATION", "")
    scheme, _, token = header.partition(" ")
    if scheme.lower() != "bearer":
        return None
    return token.strip() or None


def token_id(token: str) -> int:
    """The id of the live APIToken behind ``token`` (one indexed query), or a 401."""
    if not APIToken.validate_token_format(token):  # checked offline: no query for a made-up token
        raise ApiError(401)
    found = (
        APIToken.objects.filter(
            key_hash__in=APIToken.candidate_key_hashes(token), revoked_at__isnull=True, user__is_active=True
        )
        .values_list("pk", flat=True)
        .first()
    )
    if found is None:
        raise ApiError(401)
    return found


def _digest(value: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), value.encode(), hashlib.sha256).hexdigest()[:24]


def check(request) -> Verdict:
    token = bearer_token(request)
    if token is not None:
        who, rate = f"token:{token_id(token)}", settings.API_TOKEN_RATE_LIMIT
    else:
        who, rate = f"client:{client_address(request) or ''}", settings.API_RATE_LIMIT
    allowed, window = parse_rate(rate)
    now = time.time()
    key = f"api:rate:{window}:{int(now // window)}:{_digest(who)}"
    if shared_cache.down():
        return Verdict(True)
    if shared_cache.count_in_window(key, window) > allowed:
        return Verdict(False, max(1, int(window - now % window) + 1))
    return Verdict(True)
