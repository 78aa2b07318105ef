"""Typed access to environment variables.

Every variable the project reads is declared once in ``settings/base.py`` through
these helpers, with its default, and listed in the README.
"""

import os

from django.core.exceptions import ImproperlyConfigured

# Every environment variable the settings read (the README's configuration table).
# Tools that must not inherit a developer's environment (tests, benchmarks) strip these.
SETTINGS_VARIABLES = (
    "DJANGO_SETTINGS_MODULE",
    "SECRET_KEY",
    "DEBUG",
    "ALLOWED_HOSTS",
    "CSRF_TRUSTED_ORIGINS",
    "DATABASE_URL",
    "DB_CONN_MAX_AGE",
    "REDIS_URL",
    "REDIS_TIMEOUT",
    "REDIS_RETRY_AFTER",
    "SCAN_BUFFER_KEY",
    "PAGE_CACHE_SECONDS",
    "RENDITION_BUDGET_SECONDS",
    "SCAN_COUNT_RATE",
    "SCAN_BLOCK_RATE",
    "TRUSTED_PROXY_COUNT",
    "LOGIN_FAILURE_LIMIT",
    "LOGIN_COOLOFF_MINUTES",
    "RATELIMIT_IP_META_KEY",  # retired: refused at start-up (use TRUSTED_PROXY_COUNT)
    "NFC_MASTER_KEY",
    "ELASTICSEARCH_URL",
    "ELASTICSEARCH_INDEX_PREFIX",
    "ELASTICSEARCH_TIMEOUT",
    "ELASTICSEARCH_INDEX_TIMEOUT",
    "ELASTICSEARCH_RETRY_AFTER",
    "ELASTICSEARCH_WAIT_FOR_REFRESH",
    "SITE_BASE_URL",
    "WEBHOOKS_ALLOW_PRIVATE",
    "MEDIA_ROOT",
    "MEDIA_URL",
    "PRIVATE_MEDIA_ROOT",
    "STATIC_ROOT",
    "LOG_LEVEL",
    "CORS_ALLOWED_ORIGINS",
    "API_CACHE_SECONDS",
    "API_RATE_LIMIT",
    "API_TOKEN_RATE_LIMIT",
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
)

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(f"{name} must be a boolean (1/0, true/false), got {raw!r}")


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name} must be an integer, got {raw!r}") from exc


def env_float(name: str, default: float) -> float:
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        return float(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name} must be a number, got {raw!r}") from None


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return list(default)
    return [item.strip() for item in raw.split(",") if item.strip()]
