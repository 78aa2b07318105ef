"""Keep the page tree honest: no live page below a page that is not live.

Wagtail's ``live()`` looks only at the page itself, so a published product
under an unpublished section would still be routed, listed, put in the sitemap
and served by the API. Unpublishing a page therefore unpublishes everything
beneath it (what the admin offers as "unpublish descendants", made the rule),
and a page moved under an unpublished section is unpublished too.
"""

import logging

from wagtail.signals import page_unpublished, post_page_move

logger = logging.getLogger(__name__)


def unpublish_live_children(sender, instance, **kwargs):
    # Each child's own page_unpublished signal carries this down the tree.
    for child in instance.get_children().live().specific():
        child.unpublish(user=kwargs.get("user"))


def unpublish_if_moved_under_a_draft(sender, instance, **kwargs):
    instance.refresh_from_db(fields=["live", "path", "depth"])
    if instance.live and instance.get_ancestors().filter(depth__gt=1, live=False).exists():
        logger.info("Page %s moved under an unpublished page: unpublishing it", instance.pk)
        instance.specific.unpublish()


def connect() -> None:
    page_unpublished.connect(unpublish_live_children, dispatch_uid="ocop-unpublish-live-children")
    post_page_move.connect(unpublish_if_moved_under_a_draft, dispatch_uid="ocop-unpublish-moved-under-draft")
