"""Keep the page tree honest: no live page below a page that is not live.

Wagtail's ``live()`` looks only at the page itself, so a published product
under an unpublished section would still be routed, listed, put in the sitemap
and served by the API. Unpublishing a page therefore unpublishes everything
beneath it (what the admin offers as "unpublish descendants", made the rule),
and a page moved under an unpublished section is unpublished too.

It listens to the publishing event at once, inside the change's transaction, so the
cascade commits (or rolls back) with the change that caused it.
"""

import logging

from wagtail.models import Page

from . import publishing
from .publishing import Reason

logger = logging.getLogger(__name__)


def unpublish_live_children(page_ids, user=None) -> None:
    # Each child's own unpublishing is announced in turn and carries this down the tree.
    for page_id in page_ids:
        for child in Page.objects.get(pk=page_id).get_children().live().specific():
            child.unpublish(user=user)


def unpublish_if_moved_under_a_draft(page_ids) -> None:
    # The moved page is the shallowest of those announced; its descendants follow it down.
    moved = Page.objects.filter(pk__in=page_ids).order_by("depth").first()
    if moved and moved.live and moved.get_ancestors().filter(depth__gt=1, live=False).exists():
        logger.info("Page %s moved under an unpublished page: unpublishing it", moved.pk)
        moved.specific.unpublish()


def keep_the_tree_honest(change: publishing.PublicChange) -> None:
    if change.reason is Reason.UNPUBLISHED:
        unpublish_live_children(change.page_ids, change.user)
    elif change.reason is Reason.MOVED:
        unpublish_if_moved_under_a_draft(change.page_ids)


def connect() -> None:
    publishing.subscribe(keep_the_tree_honest)
