"""The sitemap, split into pages of a few thousand URLs.

A national catalogue has 20,000+ pages; one file of them all is slow to build
and to fetch, so ``/sitemap.xml`` is an index of ``/sitemap-pages.xml?p=N``.
Only public pages are listed (``core.visibility.public_pages``: Wagtail's sitemap
asks ``live().public()``, which lists a live page under an unpublished section).
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap

from .visibility import public_pages


class PortalSitemap(Sitemap):
    limit = 5000

    def public_pages(self):
        return public_pages(self.get_wagtail_site().root_page.get_descendants(inclusive=True))

    def items(self):
        return self.public_pages().order_by("path").defer_streamfields().specific()

    def get_latest_lastmod(self):
        # Django's default loads every page to compare dates; one aggregate query does it.
        return self.public_pages().order_by().aggregate(latest=Max("last_published_at"))["latest"]


SITEMAPS = {"pages": PortalSitemap}
