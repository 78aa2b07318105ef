"""Rendered public pages, kept in the shared cache until anything public changes.

A QR scan opens the product showcase on a phone on slow data: rendering it (the
templates, the stars, the certificate, the stories) costs far more than reading it.
So an anonymous visitor's copy of a live, public page is kept, keyed by

- the *content version*, moved by every public change (``core.publishing``: publish,
  unpublish, move, delete, privacy, and the public things that are not pages), so a page
  going private, unpublished or edited is never served from an older copy, while a draft
  save, a revision or a scan count leaves every cached page in place;
- today's date, because certificate validity is computed from it;
- the host, the path and the query parameters a cached page reads (``VARY_PARAMS``).

``PageCacheMiddleware`` answers from the cache before Wagtail even routes the request.
Never cached: previews, signed-in people (they see the user bar), pages with a
view restriction, requests carrying a one-off parameter (``BYPASS_PARAMS``, a
signed NFC verdict), and any response that is not a plain 200 or sets a cookie.

Off unless ``PAGE_CACHE_SECONDS`` > 0, which needs a cache every worker shares (Redis):
a per-process cache would keep a copy that another process invalidated. Off, too, while
Redis is down (``core.cache``): there is then no content version, so nothing is cached or
remembered by it; when Redis answers again the version moves before anything is read, so no
copy from before the outage is served after a change published during it.
"""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from wagtail import hooks

from . import cache as shared_cache
from . import publishing
from .extension_points import CACHE_RECOVERED

VERSION_KEY = "pages:content-version"


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def content_version() -> int | None:
    """The current content version; None while the shared cache is down (nothing may be kept by it)."""
    version = cache.get_or_set(VERSION_KEY, 1, None)
    return None if shared_cache.down() else version


def content_changed(change=None) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set
        cache.set(VERSION_KEY, 2, None)


def connect() -> None:
    # At once (for this transaction's own later reads) and again after commit: a request that
    # rendered the old content meanwhile cached it under the first new version.
    publishing.subscribe(content_changed)
    publishing.subscribe(content_changed, after_commit=True)
    # Changes published while Redis was down could not move the version: move it on its return.
    hooks.register(CACHE_RECOVERED, content_changed)


# The query parameters a cached page reads: the scanned package on the showcase varies the
# page; a signed NFC verdict is one person's and is never cached. Any other parameter
# (utm_source, fbclid…) changes nothing on a cached page and is ignored.
VARY_PARAMS = ("ma",)
BYPASS_PARAMS = ("nfc",)


def request_key(request) -> str | None:
    """This request's key in the page cache, or None when its page must be rendered for it."""
    if not enabled() or request.method not in ("GET", "HEAD"):
        return None
    # Wagtail's previews and moderation views render drafts through dummy requests.
    if getattr(request, "is_dummy", False) or getattr(request, "is_preview", False):
        return None
    if any(name in request.GET for name in BYPASS_PARAMS):
        return None
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return None
    version = content_version()
    if version is None:
        return None
    variant = "&".join(f"{name}={request.GET.get(name, '')[:64]}" for name in VARY_PARAMS)
    digest = hashlib.sha1(f"{request.get_host()}|{request.path}|{variant}".encode()).hexdigest()
    return f"pages:{version}:{timezone.localdate().isoformat()}:{digest}"


def _from_cache(stored) -> HttpResponse:
    content, content_type = stored
    response = HttpResponse(content, content_type=content_type)
    response["X-Page-Cache"] = "hit"
    return response


class PageCacheMiddleware:
    """Answers a cached page before Wagtail routes the request: no site lookup, no tree walk, no SQL.

    Only pages that ``CachedPageMixin`` stored are ever found, and only under the
    current content version and date, so nothing unpublished, private or outdated is.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        key = request_key(request)
        if key is not None and (stored := cache.get(key)) is not None:
            return _from_cache(stored)
        request.page_cache_key = key
        return self.get_response(request)


class CachedPageMixin:
    """Page mixin: what an anonymous visitor is served is kept for the next one (see above)."""

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        key = request.page_cache_key if hasattr(request, "page_cache_key") else request_key(request)
        if key is None or getattr(request, "is_preview", False) or not self.live:
            return response
        if self.get_view_restrictions().exists():  # a visitor who gave the password: theirs only
            return response
        if hasattr(response, "render") and not response.is_rendered:
            response.render()
        # A page that asked for a CSRF token is this visitor's own (its cookie is set later, on the way out).
        personal = response.cookies or request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
        if response.status_code == 200 and not personal and not getattr(response, "streaming", False):
            cache.set(key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response
