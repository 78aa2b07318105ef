"""How many times this client scanned in the current window — and the content version — in
one cache round trip.

Every scan needs both: the count decides whether the scan is counted (``SCAN_COUNT_RATE``)
or refused (``SCAN_BLOCK_RATE``); the version says whether a remembered code → product
answer still holds (see ``scans.views._resolve``). With Redis they come in one pipelined
round trip. The counter is keyed by a keyed hash of the client's address and lives one
window: no address is stored, nothing outlives the minute.

While Redis is down (``core.cache``'s breaker) there is no version — the scan asks the
database — and no window: every scan is answered and counted (the limits fail open rather
than refuse a phone because a cache is missing).
"""

import functools
import hashlib
import hmac
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

from core import cache as shared_cache
from core import page_cache
from core.client_address import client_address

from . import counting

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_rate(rate: str) -> tuple[int, int]:
    """``"30/m"`` → (30, 60): so many scans per so many seconds."""
    match = _RATE.match(rate or "")
    if match is None:
        raise ImproperlyConfigured(f"A scan rate looks like 30/m or 300/5m, not {rate!r}")
    number, multiplier, unit = match.groups()
    return int(number), int(multiplier or 1) * _UNIT_SECONDS[unit]


def limits() -> tuple[int, float, float]:
    """(window in seconds, scans counted per window, scans allowed per window)."""
    return _limits(settings.SCAN_BLOCK_RATE, settings.SCAN_COUNT_RATE)


@functools.lru_cache(maxsize=8)
def _limits(block_rate: str, count_rate: str) -> tuple[int, float, float]:
    blocked, window = parse_rate(block_rate)
    counted, per = parse_rate(count_rate)
    return window, counted * window / per, blocked


def _client_key(request, window: int) -> str:
    address = client_address(request) or ""
    digest = hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()[:24]
    return f"scans:window:{int(time.time() // window)}:{digest}"


def read(request) -> tuple[int | None, int]:
    """(content version, this client's scans in the current window, this one included).

    The version is None while the shared cache is down: nothing may then be remembered by it.
    """
    window = limits()[0]
    key = _client_key(request, window)
    client = counting._redis()
    if client is not None:
        counter = cache.make_key(key)
        pipeline = client.pipeline(transaction=False)
        pipeline.get(cache.make_key(page_cache.VERSION_KEY))
        pipeline.incr(counter)
        pipeline.expire(counter, window + 1)
        try:
            version, count, _ = pipeline.execute()
        except shared_cache.ERRORS as error:
            shared_cache.failed(error)  # logged by the breaker; no window, no version (below)
            return None, 1
        return (int(version) if version is not None else page_cache.content_version()), count
    if shared_cache.down():
        return None, 1
    return page_cache.content_version(), shared_cache.count_in_window(key, window)


def check_rates(app_configs=None, **kwargs):
    """A mistyped rate stops the site at start-up, not on every scan."""
    from django.core.checks import Error

    errors = []
    for name in ("SCAN_COUNT_RATE", "SCAN_BLOCK_RATE"):
        try:
            parse_rate(getattr(settings, name))
        except ImproperlyConfigured as error:
            errors.append(Error(f"{name}: {error}", id="scans.E001"))
    return errors
