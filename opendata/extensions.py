"""What open data adds through the hooks of the layers below (``core.extension_points``).

Registered with Wagtail's hooks; imported by ``opendata/wagtail_hooks.py``.
"""

from wagtail import hooks

from core.extension_points import CACHE_RECOVERED

from .freshness import content_changed

# Changes published while the shared cache was down could not move the time of the last change.
hooks.register(CACHE_RECOVERED, content_changed)
