"""Test settings: fast and isolated; the database comes from DATABASE_URL
(SQLite by default, PostgreSQL in CI)."""

import tempfile

from .base import *  # noqa: F403

# Demo content and the scale generator (`load_demo`, `generate_catalog`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
SECRET_KEY = "test-only-secret-key-not-used-anywhere-else-0123456789abcdef"
DEBUG = False
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ocop-test-media-"))  # noqa: F405
PRIVATE_MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="ocop-test-private-"))  # noqa: F405
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "private": {
        "BACKEND": "core.storage.PrivateFileSystemStorage",
        "OPTIONS": {"location": PRIVATE_MEDIA_ROOT},
    },
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "ocop-tests"}}
# The page cache is on in tests (one process, so a local cache is shared): every
# visibility test then also proves that no cached copy outlives a change.
PAGE_CACHE_SECONDS = 300
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
WAGTAILADMIN_BASE_URL = "http://testserver"
WAGTAILAPI_BASE_URL = "http://testserver"
SITE_BASE_URL = "http://testserver"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
# Static files come from the finders in tests; no collectstatic run is needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT = Path(tempfile.mkdtemp(prefix="ocop-test-static-"))  # noqa: F405
# Tests choose their engine (tests/conftest.py: ``search_engine``); the database
# engine unless a test asks for Elasticsearch, whatever the shell exports.
ELASTICSEARCH_URL = ""
ELASTICSEARCH_INDEX_PREFIX = "test-"
# Wagtail's own small tasks (the admin's search index and reference index, which the admin tests
# read right after a save) and any task that names no backend run at once, as before. The portal's
# deferred work (WORKER_TASK_BACKEND) goes to a real database backend, which the tests run with the
# `run_background_tasks` fixture (tests/conftest.py): retries and `run_after` behave as in production,
# and nothing runs before a test asks.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "worker": {"BACKEND": "django_tasks_db.DatabaseBackend"},
}
WORKER_TASK_BACKEND = "worker"
# The tests' webhook receivers listen on 127.0.0.1; the refusal of private addresses is tested by
# turning this off.
WEBHOOKS_ALLOW_PRIVATE = True
