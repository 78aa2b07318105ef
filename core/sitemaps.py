"""The sitemap, split into pages of a few thousand URLs.

A national catalogue has 20,000+ pages; one file of them all is slow to build
and to fetch, so ``/sitemap.xml`` is an index of ``/sitemap-pages.xml?p=N``.
Only live, public pages are listed (Wagtail's sitemap filters on both).
"""

from django.db.models import Max
from wagtail.contrib.sitemaps import Sitemap


class PortalSitemap(Sitemap):
    limit = 5000

    def get_latest_lastmod(self):
        # Django's default loads every page to compare dates; one aggregate query does it.
        pages = self.get_wagtail_site().root_page.get_descendants(inclusive=True).live().public()
        return pages.order_by().aggregate(latest=Max("last_published_at"))["latest"]


SITEMAPS = {"pages": PortalSitemap}
