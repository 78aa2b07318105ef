"""The headless API (Wagtail API v2) under /api/v2/: live, public pages only.

There is deliberately no images endpoint: Wagtail's lists every image in the
library, including those of drafts and private pages. Pages carry the
renditions of their own images instead.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
