"""Django's Redis cache, made fast and fail-soft: Redis down costs the site its speed, never its pages.

- **One client per pool.** Django's ``RedisCacheClient.get_client`` builds a fresh ``redis.Redis``
  for every get, set or incr — about a fifth of a QR scan's time in the profile. A client is
  thread-safe and only wraps the connection pool, so one per pool is kept instead.
- **Short timeouts, no retries.** ``REDIS_TIMEOUT`` bounds connecting and each answer
  (``CACHES`` options in ``portal/settings/base.py``); redis-py retries nothing.
- **A breaker.** A connection error or a timeout opens it: for ``REDIS_RETRY_AFTER`` seconds this
  process treats the cache as absent — every get misses, every write is dropped, no call waits —
  and it logs once per opening. The first call after that tries Redis again; it closes by itself.
  It lives in the process (not in Redis, the thing that is down), one per Redis location.
- **Recovery moves the versions.** Changes published while Redis was down could not move the
  versions that cached copies are keyed by (the page cache's content version, the search
  answers'), and Redis may come back holding copies from before the outage. So the first call
  after an outage first runs the ``ocop_cache_recovered`` hooks, which move them; until they have
  run, the other threads of the process still treat the cache as absent.

Raw redis-py clients (the scan counters, the scan throttle's pipeline) come from
``redis_client()``, which answers None while the breaker is open, and report their own
failures with ``failed(error)``: the same breaker, the same timeouts.
"""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError
from redis.retry import Retry
from wagtail import hooks

from .extension_points import CACHE_RECOVERED

logger = logging.getLogger(__name__)

# What "Redis is unavailable" means: refused, reset, unreachable, or no answer in time.
# Anything else (a wrong command, a wrong type) is a bug and is raised as before.
ERRORS = (RedisConnectionError, RedisTimeoutError)


class Breaker:
    """Skips one Redis location for ``REDIS_RETRY_AFTER`` seconds after a failure (per process)."""

    def __init__(self, name: str):
        self.name = name
        self._open_until = 0.0
        self._owed_recovery = False  # tripped since the last recovery: the versions must move
        self._recovering = None  # the thread running the recovery hooks
        self._lock = threading.Lock()

    def trip(self, error: Exception) -> None:
        with self._lock:
            now = time.monotonic()
            already_open, again = now < self._open_until, self._owed_recovery
            self._open_until = now + settings.REDIS_RETRY_AFTER
            self._owed_recovery = True
        if already_open:  # another thread's call failed at the same moment: one log line per opening
            return
        if again:
            logger.warning(
                "Redis %s still unavailable; the cache stays off for %s s: %s",
                self.name,
                settings.REDIS_RETRY_AFTER,
                error,
            )
        else:
            logger.error(
                "Redis %s unavailable; the cache is off for %s s (pages uncached, scans counted in the database): %s",
                self.name,
                settings.REDIS_RETRY_AFTER,
                error,
            )

    def skipping(self) -> bool:
        """Whether calls skip Redis now (open, or another thread is still recovering). Only looks."""
        recovering = self._recovering
        return time.monotonic() < self._open_until or (recovering is not None and recovering != threading.get_ident())

    def allow(self) -> bool:
        """Whether a call may go to Redis now; the first one after an outage runs the recovery first."""
        if time.monotonic() < self._open_until:
            return False
        if not self._owed_recovery:
            return True
        me = threading.get_ident()
        with self._lock:
            if not self._owed_recovery:
                return True
            if self._recovering is not None:
                return self._recovering == me  # the recovery's own calls go through
            self._recovering = me
        try:
            return self._recover()
        finally:
            self._recovering = None

    def _recover(self) -> bool:
        for recovered in hooks.get_hooks(CACHE_RECOVERED):
            try:
                recovered()
            except Exception:  # one app's hook must not keep the cache off; the others still run
                logger.exception("Redis %s: recovery hook %r failed", self.name, recovered)
            if time.monotonic() < self._open_until:  # down again meanwhile: tried again later
                return False
        self._owed_recovery = False
        logger.warning("Redis %s answers again; the cache is back on and its versions have moved", self.name)
        return True


_breakers: dict[tuple, Breaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(backend: RedisCache) -> Breaker:
    servers = tuple(backend._servers)
    breaker = _breakers.get(servers)
    if breaker is None:
        # Host and port only: a location may carry a password.
        name = ", ".join(f"{urlsplit(server).hostname}:{urlsplit(server).port or 6379}" for server in servers)
        with _breakers_lock:
            breaker = _breakers.setdefault(servers, Breaker(name))
    return breaker


def reset_breakers() -> None:
    """Forget every breaker (tests)."""
    with _breakers_lock:
        _breakers.clear()


def _default_redis() -> RedisCache | None:
    backend = caches["default"]
    return backend if isinstance(backend, RedisCache) else None


def down() -> bool:
    """Whether the default cache is Redis and is skipped right now. Only looks."""
    backend = _default_redis()
    return backend is not None and breaker_for(backend).skipping()


def redis_client(key=None):
    """The redis-py client behind the default cache, or None: the cache is not Redis, or is down now.

    Wrap its calls in ``except ERRORS as error: failed(error)`` and fall back.
    """
    backend = _default_redis()
    if backend is None or not breaker_for(backend).allow():
        return None
    return backend._cache.get_client(key, write=True)


def failed(error: Exception) -> None:
    """A raw client's call failed with one of ``ERRORS``: open the default cache's breaker."""
    backend = _default_redis()
    if backend is not None:
        breaker_for(backend).trip(error)


class ReusingRedisCacheClient(RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        index = self._get_connection_pool_index(write)
        client = self._clients.get(index)
        if client is None:
            client = self._clients[index] = self._client(connection_pool=self._get_connection_pool(write))
        return client


_MISSING = object()


class PortalRedisCache(RedisCache):
    """Redis as a cache that may vanish: while it is down, reads miss and writes are dropped, at once."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = ReusingRedisCacheClient
        # The breaker is the retry: a retried call would only wait twice as long.
        self._options = {"retry": Retry(NoBackoff(), 0), **self._options}

    @property
    def breaker(self) -> Breaker:
        return breaker_for(self)

    def _soft(self, name: str, fallback, *args, **kwargs):
        breaker = self.breaker
        if breaker.allow():
            try:
                return getattr(super(), name)(*args, **kwargs)
            except ERRORS as error:
                breaker.trip(error)
        return fallback

    def get(self, key, default=None, version=None):
        return self._soft("get", default, key, default, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("add", False, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("set", None, key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("touch", False, key, timeout, version)

    def delete(self, key, version=None):
        return self._soft("delete", False, key, version)

    def get_many(self, keys, version=None):
        return self._soft("get_many", {}, keys, version)

    def has_key(self, key, version=None):
        return self._soft("has_key", False, key, version)

    def incr(self, key, delta=1, version=None):
        value = self._soft("incr", _MISSING, key, delta, version)
        if value is _MISSING:  # as Django does for a missing key: the caller's fallback runs
            raise ValueError(f"Key '{key}' not found: the cache is unavailable")
        return value

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._soft("set_many", list(data), data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._soft("delete_many", None, keys, version)

    def clear(self):
        return self._soft("clear", False)


def count_in_window(key: str, window: int) -> int:
    """Add one to a counter that lives one ``window`` of seconds in the default cache; the new count.

    For fixed-window limits (the scan limits, the API's): the caller puts the window's number in
    the key, so a new window starts a new counter.
    """
    cache = caches["default"]
    cache.add(key, 0, window + 1)
    try:
        return cache.incr(key)
    except ValueError:  # expired between the two calls
        cache.set(key, 1, window + 1)
        return 1
