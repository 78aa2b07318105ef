"""Rendered public pages, kept in the shared cache until anything public changes.

A QR scan opens the product showcase on a phone on slow data: rendering it (the
templates, the stars, the certificate, the stories) costs far more than reading it.
So an anonymous visitor's copy of a live, public page is kept, keyed by

- the *content version*, moved by every committed change to content (any model saved
  or deleted, except the busy bookkeeping tables listed below), so a page going
  private, unpublished or edited is never served from an older copy;
- today's date, because certificate validity is computed from it;
- the host, the page and the query parameters the page reads (``cache_vary_params``).

Never cached: previews, signed-in people (they see the user bar), pages with a
view restriction, requests carrying a one-off parameter (``cache_bypass_params``,
such as a signed NFC verdict), and any response that is not a plain 200 or sets a
cookie. Off unless ``PAGE_CACHE_SECONDS`` > 0 — which needs a cache every worker
shares (Redis); a per-process cache would keep a copy another process invalidated.
"""

import hashlib

from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse
from django.utils import timezone

VERSION_KEY = "pages:content-version"

# Saved on every request, scan, login or edit keystroke, and never shown on a public page:
# letting them move the version would empty the cache for nothing.
BOOKKEEPING_MODELS = {
    "admin.logentry",
    "auth.user",
    "sessions.session",
    "wagtailadmin.editingsession",
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailimages.rendition",
    "media.portalrendition",
    "wagtailsearch.indexentry",
    "wagtailusers.userprofile",
    "portal_search.searchentry",
    "scans.scanday",
    "scans.nfctag",
}


def enabled() -> bool:
    return getattr(settings, "PAGE_CACHE_SECONDS", 0) > 0


def content_version() -> int:
    return cache.get_or_set(VERSION_KEY, 1, None)


def content_changed() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # evicted or never set
        cache.set(VERSION_KEY, 2, None)


def _on_change(sender, **kwargs) -> None:
    if sender._meta.label_lower in BOOKKEEPING_MODELS:
        return
    # Now (for this transaction's own later reads) and again at commit: a request that
    # rendered the old content meanwhile cached it under the first new version.
    content_changed()
    transaction.on_commit(content_changed)


def connect() -> None:
    for signal in (post_save, post_delete, m2m_changed):
        signal.connect(_on_change, dispatch_uid=f"ocop-page-cache-{signal}")


def _cacheable_request(page, request, bypass_params) -> bool:
    if request.method not in ("GET", "HEAD") or getattr(request, "is_preview", False):
        return False
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated:
        return False
    if any(name in request.GET for name in bypass_params):
        return False
    return page.live and not page.get_view_restrictions().exists()


def _key(page, request, vary_params) -> str:
    variant = "&".join(f"{name}={request.GET.get(name, '')[:64]}" for name in vary_params)
    digest = hashlib.sha1(f"{request.get_host()}|{variant}".encode()).hexdigest()[:16]
    return f"pages:{content_version()}:{timezone.localdate().isoformat()}:{page.pk}:{digest}"


def serve_cached(page, request, render, vary_params=(), bypass_params=()):
    """The page's response from the cache, or ``render()`` kept for the next visitor."""
    if not enabled() or not _cacheable_request(page, request, bypass_params):
        return render()
    key = _key(page, request, vary_params)
    stored = cache.get(key)
    if stored is not None:
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
        response["X-Page-Cache"] = "hit"
        return response
    response = render()
    if hasattr(response, "render") and not response.is_rendered:
        response.render()
    if response.status_code == 200 and not response.cookies and not getattr(response, "streaming", False):
        cache.set(key, (response.content, response["Content-Type"]), settings.PAGE_CACHE_SECONDS)
        response["X-Page-Cache"] = "miss"
    return response


class CachedPageMixin:
    """Page mixin: anonymous visitors get the rendered page from the cache (see above)."""

    cache_vary_params: tuple[str, ...] = ()
    cache_bypass_params: tuple[str, ...] = ()

    def serve(self, request, *args, **kwargs):
        return serve_cached(
            self,
            request,
            lambda: super(CachedPageMixin, self).serve(request, *args, **kwargs),
            vary_params=self.cache_vary_params,
            bypass_params=self.cache_bypass_params,
        )


def check_bookkeeping_models() -> list[str]:
    """Labels in BOOKKEEPING_MODELS that name no installed model (a rename would go unnoticed)."""
    known = {model._meta.label_lower for model in apps.get_models()}
    return sorted(BOOKKEEPING_MODELS - known)
