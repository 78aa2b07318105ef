"""What open data adds through the hooks of the layers below (``core.extension_points``).

Registered with Wagtail's hooks; imported by ``opendata/wagtail_hooks.py``.
"""

from django.urls import reverse
from wagtail import hooks

from core.extension_points import CACHE_RECOVERED, FOOTER_LINKS

from .freshness import content_changed

# Changes published while the shared cache was down could not move the time of the last change.
hooks.register(CACHE_RECOVERED, content_changed)


@hooks.register(FOOTER_LINKS)
def open_data_link():
    return [("Dữ liệu mở", reverse("open_data"))]
