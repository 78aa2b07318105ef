"""Site-wide plain views: robots.txt and the health check."""

import logging

from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.templatetags.static import static
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from wagtail import hooks

from .extension_points import HEALTH_CHECKS

logger = logging.getLogger(__name__)


@require_GET
@cache_control(max_age=3600, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        "Disallow: /django-admin/",
        "Disallow: /api/",
        "Allow: /",
        f"Sitemap: {request.build_absolute_uri('/sitemap.xml')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@require_GET
@cache_control(max_age=86400, public=True)
def favicon(request):
    # Browsers and bots ask for /favicon.ico whatever the page links; the icon's
    # hashed static URL is only known at request time.
    return HttpResponseRedirect(static("img/favicon.svg"))


def _check_database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return "ok"
    except Exception:
        logger.exception("Health check: database unreachable")
        return "error"


def _check_cache() -> str:
    try:
        cache.set("healthz", "ok", 5)
        return "ok" if cache.get("healthz") == "ok" else "error"
    except Exception:
        logger.exception("Health check: cache unreachable")
        return "error"


def _run(check) -> tuple[str, dict]:
    try:
        return check()
    except Exception:
        logger.exception("Health check %r failed", check)
        name = getattr(check, "__name__", "check")
        return name, {"status": "error", "fallback": True}


@require_GET
def healthz(request):
    """The database and the cache, then each app's own part (``ocop_health_checks``). It only reads."""
    checks = {"database": _check_database(), "cache": _check_cache()}
    healthy = all(value == "ok" for value in checks.values())
    parts = dict(_run(check) for check in hooks.get_hooks(HEALTH_CHECKS))
    degraded = any(isinstance(part, dict) and part.get("fallback") for part in parts.values())
    status = "ok" if healthy and not degraded else "degraded"
    return JsonResponse({"status": status, **checks, **parts}, status=200 if healthy else 503)
