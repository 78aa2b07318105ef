from django.core.cache import cache
from wagtail import hooks
from wagtail.models import Site

from .extension_points import FOOTER_LINKS
from .visibility import public_pages


def site_navigation(request):
    """Links for the header and footer: the live index pages of the site, and what apps serve beside them."""
    footer_links = [{"title": title, "url": url} for links in hooks.get_hooks(FOOTER_LINKS) for title, url in links()]
    site = Site.find_for_request(request)
    if site is None:
        return {"nav_pages": [], "footer_links": footer_links}
    key = f"nav-pages:{site.pk}"
    pages = cache.get(key)
    if pages is None:
        pages = [
            {"title": page.title, "url": page.url}
            for page in public_pages(site.root_page.get_children()).in_menu().specific()
        ]
        cache.set(key, pages, 300)
    return {"nav_pages": pages, "site_root": site.root_page, "footer_links": footer_links}
