"""What "public" means, once, for every surface; and the tree kept honest.

A page is public when it is live, public in Wagtail's sense (no view restriction on it
or on any ancestor) and **every ancestor below the root is live**. Wagtail's ``live()``
looks only at the page itself, so a published product under an unpublished section
(re-published afterwards by the bulk action, the edit form, scheduled publishing or
code, or created under a draft section) would otherwise be routed, listed, searched,
put in the sitemap and served by the API and the scans. Hence:

- ``public_pages(queryset)`` is the one query for public pages. Every surface (pages,
  listings, search and its index, the API, the sitemap, the feed, scans, GS1, tours)
  asks it instead of ``live().public()``;
- ``has_unpublished_ancestor(page)`` is the same rule for one page: serving such a page
  answers 404 and the admin refuses to publish it (``core/wagtail_hooks.py``);
- unpublishing a page unpublishes everything beneath it (what the admin offers as
  "unpublish descendants", made the rule), and a page moved under an unpublished
  section is unpublished too. This listens to the publishing event at once, inside the
  change's transaction, so the cascade commits (or rolls back) with its cause.
"""

import logging
from functools import reduce
from operator import or_

from django.db.models import Q
from wagtail.models import Page

from . import publishing
from .publishing import Reason

logger = logging.getLogger(__name__)


# --- the rule --------------------------------------------------------------------------------------


def dark_paths() -> list[str]:
    """The tree paths under which nothing is public: pages below the root that are not live
    and have children, the shallowest of them only.

    One small query: a draft without children hides nothing but itself (``live()`` does
    that), and the cascade leaves only the unpublished sections themselves with children.
    """
    paths = Page.objects.filter(depth__gt=1, live=False, numchild__gt=0).order_by("path")
    shallowest: list[str] = []
    for path in paths.values_list("path", flat=True):
        # In path order a page's descendants follow it at once: keep only the first of each run.
        if not shallowest or not path.startswith(shallowest[-1]):
            shallowest.append(path)
    return shallowest


def public_pages(queryset=None):
    """The public pages of ``queryset`` (any page queryset or manager; all pages by default):
    live, without a view restriction on them or an ancestor, and with every ancestor live."""
    queryset = (Page.objects if queryset is None else queryset).live().public()
    dark = dark_paths()
    if dark:
        queryset = queryset.exclude(reduce(or_, (Q(path__startswith=path) for path in dark)))
    return queryset


def unpublished_ancestors(page):
    """The ancestors of ``page`` below the root that are not live, shallowest first (one indexed query)."""
    step = Page.steplen
    paths = [page.path[: step * depth] for depth in range(2, page.depth)]
    return Page.objects.filter(path__in=paths, live=False).order_by("depth")


def unpublished_ancestor(page) -> Page | None:
    """The shallowest ancestor of ``page`` below the root that is not live, if any."""
    return unpublished_ancestors(page).first() if page.depth > 2 else None


def has_unpublished_ancestor(page) -> bool:
    return unpublished_ancestor(page) is not None


def is_public(page) -> bool:
    """The rule for one page (as ``public_pages``)."""
    return page is not None and public_pages(Page.objects.filter(pk=page.pk)).exists()


def refusal(page, ancestor) -> str:
    """Why the admin will not publish ``page``: in Vietnamese, naming the section to publish first."""
    return (
        f"Không thể xuất bản “{page.get_admin_display_title()}”: trang cha “{ancestor.get_admin_display_title()}” "
        "chưa được xuất bản, nên trang này sẽ không hiển thị với công chúng. "
        f"Hãy xuất bản “{ancestor.get_admin_display_title()}” trước."
    )


# --- keeping the tree honest -----------------------------------------------------------------------


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
