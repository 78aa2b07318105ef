from django.core.cache import cache
from wagtail.models import Site

from .visibility import public_pages


def site_navigation(request):
    """Links for the header and footer: the live index pages of the site."""
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_pages": []}
    key = f"nav-pages:{site.pk}"
    pages = cache.get(key)
    if pages is None:
        pages = [
            {"title": page.title, "url": page.url}
            for page in public_pages(site.root_page.get_children()).in_menu().specific()
        ]
        cache.set(key, pages, 300)
    return {"nav_pages": pages, "site_root": site.root_page}
