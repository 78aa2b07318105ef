"""Counting scans without slowing the scan down and without losing one.

With Redis (``REDIS_URL``), a scan is one ``HINCRBY`` on a pending hash: atomic, so a
burst from many workers loses nothing, and the redirect writes nothing to the
database. ``flush()`` (run by ``run_periodic_tasks``) renames the hash away in one
step — scans arriving meanwhile start a new one — adds its counts to ``ScanDay``
rows in one transaction, and only then deletes it; a failed flush leaves the
renamed hash to be retried.

Without Redis (a laptop, the embedded default) each scan adds to its ``ScanDay``
row directly: correct, one small write per scan.
"""

import uuid
from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from .models import DeviceClass, ScanCode, ScanDay

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
    """The raw Redis client of the default cache, or None when the cache is not Redis."""
    if not settings.REDIS_URL:
        return None
    from django.core.cache import cache

    return cache._cache.get_client(_pending(), write=True)  # Django's RedisCache keeps redis-py clients


def record(code_id: int, device: str, host: str) -> None:
    day = timezone.localdate().isoformat()
    client = _redis()
    if client is not None:
        client.hincrby(_pending(), SEPARATOR.join((day, str(code_id), device, host)), 1)
        return
    _add(day, code_id, device, host, 1)


def _add(day: str, code_id: int, device: str, host: str, count: int) -> None:
    updated = ScanDay.objects.filter(day=day, code_id=code_id, device=device, referrer_host=host).update(
        count=F("count") + count
    )
    if not updated:
        try:
            with transaction.atomic():
                ScanDay.objects.create(day=day, code_id=code_id, device=device, referrer_host=host, count=count)
        except Exception:  # created meanwhile by a concurrent scan: add to it instead
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
    for name in [_pending(), *_flushing_batches(client)]:
        for field, value in client.hgetall(name).items():
            field = field.decode() if isinstance(field, bytes) else field
            day, code_id, _ = field.split(SEPARATOR, 2)
            if day >= since:
                waiting[int(code_id)] = waiting.get(int(code_id), 0) + int(value)
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
    try:
        client.rename(_pending(), batch)
        names.append(batch)
    except Exception as error:  # no pending hash: nothing was scanned since the last flush
        if "no such key" not in str(error).lower():
            raise
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
