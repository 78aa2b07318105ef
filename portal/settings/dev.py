"""Local development: `make run`. Loosened, never used in production."""

from .base import *  # noqa: F403
from .env import env_bool, env_str

# Demo content and the scale generator (`load_demo`, `generate_catalog`): never in production.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405
DEBUG = env_bool("DEBUG", True)
# A development-only key: production.py refuses to start without a real one.
SECRET_KEY = env_str("SECRET_KEY", "django-insecure-ocop-portal-local-development-only")
ALLOWED_HOSTS = ["*"]
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# The demo's webhook receivers run on this machine (127.0.0.1).
WEBHOOKS_ALLOW_PRIVATE = env_bool("WEBHOOKS_ALLOW_PRIVATE", True)
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
