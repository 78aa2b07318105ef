from wagtail import hooks

from core.extension_points import CACHE_RECOVERED

from . import freshness

# Changes published while the cache was down could not move the API's Last-Modified.
hooks.register(CACHE_RECOVERED, freshness.changed)
