"""Shared by the scan tests: Redis as in production, for the buffered counting."""

import uuid

import pytest

from scans import counting


@pytest.fixture
def redis_buffer(settings):
    settings.REDIS_URL = "redis://127.0.0.1:6379/15"  # a database of its own
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": settings.REDIS_URL,
            "KEY_PREFIX": f"test-{uuid.uuid4().hex[:8]}",
        }
    }
    settings.SCAN_BUFFER_KEY = f"test:scans:{uuid.uuid4().hex}"  # Django resets its caches on CACHES change
    yield
    client = counting._redis()
    for key in client.scan_iter(match=settings.SCAN_BUFFER_KEY + "*"):
        client.delete(key)
