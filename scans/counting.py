"""Counting scans without slowing the scan down and without losing one.

With Redis (``REDIS_URL``), a scan is one ``HINCRBY`` on a pending hash: atomic, so a
burst from many workers loses nothing, and the redirect writes nothing to the
database. ``flush()`` (run by ``run_periodic_tasks``) renames the hash away in one
step — scans arriving meanwhile start a new one — adds its counts to ``ScanDay``
rows in one transaction, and only then deletes it; a failed flush leaves the
renamed hash to be retried.

Without Redis (a laptop, the embedded default) each scan adds to its ``ScanDay``
row directly: correct, one small write per scan. So does a scan while Redis is down
(``core.cache``'s breaker open, or the ``HINCRBY`` failing): counted, never dropped —
a producer's figures are worth one small database write per scan for the outage.
"""

import logging
import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from redis.exceptions import ResponseError

from core import cache as shared_cache

from .models import DeviceClass, ScanCode, ScanDay

logger = logging.getLogger(__name__)

SEPARATOR = "|"


def _pending() -> str:
    return f"{settings.SCAN_BUFFER_KEY}:pending"


def _flushing_prefix() -> str:
    return f"{settings.SCAN_BUFFER_KEY}:flushing:"


_BOTS = ("bot", "crawl", "spider", "slurp", "preview", "facebookexternalhit", "zalo", "headless", "curl", "wget")


def device_class(user_agent: str) -> str:
    agent = (user_agent or "").lower()
    if not agent or any(word in agent for word in _BOTS):
        return DeviceClass.BOT
    if "ipad" in agent or "tablet" in agent:
        return DeviceClass.TABLET
    if "mobi" in agent or "android" in agent or "iphone" in agent:
        return DeviceClass.PHONE
    return DeviceClass.DESKTOP


def referrer_host(referrer: str, own_host: str) -> str:
    """The referring site's host name only (never the path, which can carry personal data)."""
    host = (urlsplit(referrer or "").hostname or "")[:100]
    return "" if host == own_host.split(":")[0] else host


def _redis():
    """The raw Redis client of the default cache, or None when the cache is not Redis or is down now."""
    if not settings.REDIS_URL:
        return None
    return shared_cache.redis_client(_pending())


def record(code_id: int, device: str, host: str) -> None:
    day = timezone.localdate().isoformat()
    client = _redis()
    if client is not None:
        try:
            client.hincrby(_pending(), SEPARATOR.join((day, str(code_id), device, host)), 1)
            return
        except shared_cache.ERRORS as error:
            shared_cache.failed(error)  # logged by the breaker; this scan is counted in the database
    _add(day, code_id, device, host, 1)


def _add(day: str, code_id: int, device: str, host: str, count: int) -> None:
    updated = ScanDay.objects.filter(day=day, code_id=code_id, device=device, referrer_host=host).update(
        count=F("count") + count
    )
    if not updated:
        try:
            with transaction.atomic():
                ScanDay.objects.create(day=day, code_id=code_id, device=device, referrer_host=host, count=count)
        except IntegrityError:
            logger.info("Scan counts: the row for %s, code %s was created meanwhile; adding to it", day, code_id)
            ScanDay.objects.filter(day=day, code_id=code_id, device=device, referrer_host=host).update(
                count=F("count") + count
            )


def _flushing_batches(client) -> list[str]:
    """Batches a failed flush left behind. SCAN, never KEYS: KEYS blocks Redis over every key."""
    # SCAN may name a key twice: a batch counted twice would be written twice.
    names = client.scan_iter(match=_flushing_prefix() + "*", count=500)
    return sorted({name.decode() if isinstance(name, bytes) else name for name in names})


def waiting_by_code(since_day=None, producer_id=None) -> dict[int, int]:
    """Scans counted in Redis but not yet flushed, by code id (from ``since_day`` on; of one
    producer's products only, if given). Reads only.

    A page that shows scan figures adds these instead of flushing: a GET never writes.
    """
    client = _redis()
    if client is None:
        return {}
    since = since_day.isoformat() if since_day else ""
    waiting: dict[int, int] = {}
    try:
        for name in [_pending(), *_flushing_batches(client)]:
            for field, value in client.hgetall(name).items():
                field = field.decode() if isinstance(field, bytes) else field
                day, code_id, _ = field.split(SEPARATOR, 2)
                if day >= since:
                    waiting[int(code_id)] = waiting.get(int(code_id), 0) + int(value)
    except shared_cache.ERRORS as error:
        shared_cache.failed(error)  # the figures show what the database holds until Redis answers
        return {}
    if waiting and producer_id is not None:
        own = set(
            ScanCode.objects.filter(pk__in=waiting, product__producer_id=producer_id).values_list("pk", flat=True)
        )
        waiting = {code_id: count for code_id, count in waiting.items() if code_id in own}
    return waiting


def flush() -> int:
    """Move buffered counts into the database; returns how many scans were moved."""
    client = _redis()
    if client is None:
        return 0
    names = _flushing_batches(client)
    batch = _flushing_prefix() + uuid.uuid4().hex
    # No pending hash: nothing was scanned since the last flush (RENAME would answer "no such key").
    if client.exists(_pending()):
        try:
            client.rename(_pending(), batch)
            names.append(batch)
        except ResponseError as error:
            if client.exists(_pending()):  # not a hash that vanished meanwhile: a real failure
                raise
            logger.info("Scan counts: the pending hash was taken by a concurrent flush: %s", error)
    moved = 0
    for name in names:
        counts = client.hgetall(name)
        with transaction.atomic():
            for field, value in counts.items():
                field = field.decode() if isinstance(field, bytes) else field
                day, code_id, device, host = field.split(SEPARATOR, 3)
                _add(day, int(code_id), device, host, int(value))
                moved += int(value)
        client.delete(name)
    return moved
