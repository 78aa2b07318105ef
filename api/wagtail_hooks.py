from wagtail import hooks

from core.extension_points import CACHE_RECOVERED, FOOTER_LINKS

from . import freshness

# Changes published while the cache was down could not move the API's Last-Modified.
hooks.register(CACHE_RECOVERED, freshness.changed)


@hooks.register(FOOTER_LINKS)
def api_docs_link():
    # Developers of marketplaces and provincial systems find the API from any page's footer.
    return [("API cho nhà phát triển", "/api/v1/docs")]
