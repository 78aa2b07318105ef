"""The sitemap, split into pages of a few thousand URLs.

A national catalogue has 20,000+ pages; one file of them all is slow to build
and to fetch, so ``/sitemap.xml`` is an index of ``/sitemap-pages.xml?p=N``.
Only live, public pages are listed (Wagtail's sitemap filters on both).
"""

from wagtail.contrib.sitemaps import Sitemap


class PortalSitemap(Sitemap):
    limit = 5000


SITEMAPS = {"pages": PortalSitemap}
