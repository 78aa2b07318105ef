"""The headless API (Wagtail API v2) under /api/v2/: public pages only.

Wagtail's pages endpoint lists live pages without a view restriction, which includes a
live page under an unpublished section; its base queryset is narrowed to the portal's one
definition of public (``core.visibility.public_pages``). The listing, the detail view and
``find/?html_path=`` (which checks the page it routes to against that queryset) follow it.

There is deliberately no images endpoint: Wagtail's lists every image in the
library, including those of drafts and private pages. Pages carry the
renditions of their own images instead.
"""

from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet

from core.visibility import public_pages


class PublicPagesAPIViewSet(PagesAPIViewSet):
    def get_base_queryset(self):
        return public_pages(super().get_base_queryset())


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PublicPagesAPIViewSet)
