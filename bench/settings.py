"""Production-like settings for a local benchmark only (``bench/run.py``).

Everything that shapes performance is as in production — DEBUG off, the same
middleware, templates, whitenoise serving the collected, hashed static files —
but the site answers plain HTTP on 127.0.0.1 and the trivial baseline view of
``bench/urls.py`` is mounted in front of the real URLconf. Never deploy this.
"""

import os
import secrets

# production.py refuses to start without a real key; a benchmark needs no stable
# one. The harness passes the same throwaway key to every process it starts (so
# the gunicorn workers agree); a stand-alone import gets a fresh one.
os.environ.setdefault("SECRET_KEY", secrets.token_urlsafe(64))

from portal.settings.production import *  # noqa: E402, F403

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
ROOT_URLCONF = "bench.urls"
# The benchmark builds its catalogue with the demo app's generator.
INSTALLED_APPS = [*INSTALLED_APPS, "demo"]  # noqa: F405

# Plain HTTP on the loopback interface: no redirect to HTTPS, no HSTS header, and
# cookies a plain-HTTP client can send back.
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False

# The numbers measure the pages, not the console: keep request logging quiet.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# bench/lighthouse.py: the local site serves uploaded media itself, as S3 or a CDN would.
BENCH_SERVE_MEDIA = os.environ.get("BENCH_SERVE_MEDIA") == "1"
